import { Prisma } from "@oess/db";
import { GraphQLError } from "graphql";
import { builder } from "../builder";

// Decimals travel as strings so that euros and FTE stay exact from the database to the client.
builder.scalarType("Decimal", {
  description: "An exact decimal number written as a string with a point, e.g. \"12345.67\" (euros, full-time equivalents).",
  serialize: (value) => (typeof value === "string" ? value : value.toFixed()),
  parseValue: (value) => {
    if (typeof value !== "string" && typeof value !== "number") throw new GraphQLError("Decimal: expected a string such as \"12345.67\".");
    const text = String(value);
    if (!/^-?\d+(\.\d+)?$/.test(text)) throw new GraphQLError(`Decimal: "${text}" is not a decimal number written with a point.`);
    return new Prisma.Decimal(text).toFixed();
  },
});
