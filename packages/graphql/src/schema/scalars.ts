import { Prisma } from "@oess/db";
import { GraphQLError } from "graphql";
import { builder } from "../builder";

// Decimals travel as strings so that euros and FTE stay exact from the database to the client, and
// always with two decimals: "52500.00" whatever field or sum it comes from, as in the CSV files.
// A page of rows serializes hundreds: a value that is already a Decimal is not parsed again.
const decimal = (value: unknown) => (Prisma.Decimal.isDecimal(value) ? value : new Prisma.Decimal(value as string | number));
builder.scalarType("Decimal", {
  description:
    'An exact decimal number written as a string with a point and always two decimals, e.g. "12345.67" or "52500.00" (euros, full-time equivalents).',
  serialize: (value) => decimal(value).toFixed(2),
  parseValue: (value) => {
    const text = typeof value === "number" ? String(value) : value;
    if (typeof text !== "string" || !/^-?\d+(\.\d+)?$/.test(text)) {
      throw new GraphQLError(`Decimal: ${JSON.stringify(value)} is not a decimal number written with a point, such as "12345.67".`);
    }
    return new Prisma.Decimal(text).toFixed();
  },
});

builder.scalarType("Share", {
  description: 'A share from 0 to 1, written as a string with a point and four decimals, e.g. "0.2500".',
  serialize: (value) => decimal(value).toFixed(4),
  parseValue: () => {
    throw new GraphQLError('Share is an output type: give a share as a string, e.g. "0.25".');
  },
});

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
builder.scalarType("Date", {
  description: 'A calendar date, ISO 8601: "2024-03-31".',
  serialize: (value) => value.toISOString().slice(0, 10),
  parseValue: (value) => {
    const date = typeof value === "string" && ISO_DATE.test(value) ? new Date(`${value}T00:00:00Z`) : null;
    if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
      throw new GraphQLError(`Date: ${JSON.stringify(value)} is not a date written YYYY-MM-DD.`);
    }
    return date;
  },
});

builder.scalarType("DateTime", {
  description: 'An instant, ISO 8601 with time zone: "2024-03-31T14:05:00.000Z".',
  serialize: (value) => value.toISOString(),
  parseValue: (value) => {
    const date = typeof value === "string" ? new Date(value) : null;
    if (!date || Number.isNaN(date.getTime())) throw new GraphQLError(`DateTime: ${JSON.stringify(value)} is not an ISO 8601 instant.`);
    return date;
  },
});

builder.scalarType("JSON", {
  description: "A JSON value: a record as it was before or after a change, or a GeoJSON geometry.",
  serialize: (value) => value,
  parseValue: () => {
    throw new GraphQLError("JSON is an output type only.");
  },
});
