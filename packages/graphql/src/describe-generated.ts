// Describes what helpers generate (filter operators, orderings, connection counts, the usual
// arguments): a `where` or `orderBy` field says what the field of the same name says on the
// output type, so each description is written once.
import { type GraphQLSchema, getNamedType, isEnumType, isInputObjectType, isObjectType } from "graphql";
import { PAGING_RULES } from "./limits";

const COMBINATORS: Record<string, string> = {
  AND: "All of these conditions hold.",
  OR: "At least one of these conditions holds.",
  NOT: "This condition does not hold.",
};

const KEY_FIELDS: Record<string, string> = {
  id: "Database id (UUID) of the row, as `databaseId` and in the open-data files.",
  communeCode: "INSEE code of the commune.",
  ownerPartnerId: "Database id of the partner that recorded the row.",
  enterpriseId: "Database id of the enterprise.",
  supportingPartnerId: "Database id of the supporting partner.",
  funderId: "Database id of the funding partner.",
  beneficiaryEnterpriseId: "Database id of the beneficiary enterprise.",
  beneficiaryPartnerId: "Database id of the beneficiary partner.",
};

const FILTER_OPS: Record<string, string> = {
  equals: "Equal to this value.",
  in: "Equal to one of these values.",
  gt: "Greater than (after, for dates).",
  gte: "Greater than or equal to (on or after, for dates).",
  lt: "Less than (before, for dates).",
  lte: "Less than or equal to (on or before, for dates).",
  contains: "Contains this text.",
  startsWith: "Starts with this text.",
  mode: "Case sensitivity of `contains` and `startsWith`.",
};

const ARGUMENTS: Record<string, string> = {
  where: "Conditions on the rows: all must hold.",
  orderBy: "Sort order, field by field; ties are broken by id, so pages are stable.",
  id: "A global ID.",
  ids: "Global IDs, at most 100.",
};

const ENUM_VALUES: Record<string, Record<string, string>> = {
  OrderBy: { Asc: "Ascending: smallest, earliest or A first.", Desc: "Descending: largest, latest or Z first." },
  StringFilterMode: { Default: "Case-sensitive comparison.", Insensitive: "Case-insensitive comparison." },
};

export function describeGenerated(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (isEnumType(type) && ENUM_VALUES[type.name]) {
      type.description ??= type.name === "OrderBy" ? "Sort direction." : "How text is compared.";
      for (const value of type.getValues()) value.description ??= ENUM_VALUES[type.name]?.[value.name] ?? null;
    }
    if (isObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        for (const arg of field.args) arg.description ??= ARGUMENTS[arg.name] ?? null;
        // Every list that pages says how, default size included.
        if (getNamedType(field.type).name.endsWith("Connection")) field.description = `${field.description ?? ""} ${PAGING_RULES}`.trim();
      }
    }
    if (isObjectType(type) && type.name.endsWith("Connection")) {
      const totalCount = type.getFields().totalCount;
      if (totalCount) totalCount.description ??= "Number of rows in the whole list, all pages together.";
    }
    if (isInputObjectType(type) && type.name.endsWith("Filter")) {
      for (const field of Object.values(type.getFields())) field.description ??= FILTER_OPS[field.name] ?? null;
    }
    const match = isInputObjectType(type) ? /^(.*)(Where|OrderBy)$/.exec(type.name) : null;
    if (!match || !isInputObjectType(type)) continue;
    const [, model = "", kind] = match;
    const output = schema.getType(model);
    const outputFields = isObjectType(output) ? output.getFields() : {};
    type.description ??= kind === "Where" ? `Conditions on ${model} rows: all must hold.` : `Sort order of ${model} rows, one field per entry.`;
    for (const field of Object.values(type.getFields())) {
      const meaning = COMBINATORS[field.name] ?? KEY_FIELDS[field.name] ?? outputFields[field.name]?.description ?? null;
      field.description ??= kind === "OrderBy" && meaning ? `Sort by: ${meaning}` : meaning;
    }
  }
  return schema;
}
