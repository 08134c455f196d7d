// What a row already carries is read from the row. @pothos/plugin-prisma, in select mode, wraps
// every field that selects something to ask its selection map whether the row's query loaded it:
// path strings and map lookups for every field of every row, a fifth of a list page's CPU
// (measured in issue 13). The row itself answers for columns (Prisma and the SQL pages leave out
// what they did not select), and a compiled page's row answers for its to-one relations (its plan
// had no nested list, so nothing beneath needs the map). Anything else goes on to Prisma's
// wrapper, which loads what is missing.
import { PageRow } from "@oess/db";
import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from "@pothos/core";
import type { GraphQLFieldResolver } from "graphql";

const pluginName = "loadedColumns";

declare global {
  export namespace PothosSchemaTypes {
    interface Plugins<Types extends SchemaTypes> {
      loadedColumns: LoadedColumnsPlugin<Types>;
    }
  }
}

type Extensions = Readonly<Record<string, unknown>> | null | undefined;

/** The columns a field's select reads, when it reads columns only (no relation, no count). */
export function selectedColumns(extensions: Extensions): string[] | null {
  const select = extensions?.pothosPrismaSelect;
  if (typeof select !== "object" || select === null) return null;
  const entries = Object.entries(select);
  return entries.length > 0 && entries.every(([, value]) => value === true) ? entries.map(([column]) => column) : null;
}

/** The name of a to-one relation field that resolves to the related row as loaded. */
export function toOneRelation(extensions: Extensions): string | null {
  const relation = extensions?.pothosPrismaRelationField as { name?: unknown; isList?: unknown } | undefined;
  // A relation with a resolver of its own (its fallback) reads more than the related row.
  if (relation?.isList !== false || typeof relation.name !== "string" || extensions?.pothosPrismaFallback) return null;
  return relation.name;
}

const carries = (parent: unknown, columns: readonly string[]) => {
  const row = parent as Record<string, unknown>;
  for (const column of columns) if (row[column] === undefined) return false;
  return true;
};

class LoadedColumnsPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types["Context"], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types["Context"], object> {
    // The field's own resolver, as declared: Prisma's wrapper is the only plugin that wraps
    // these fields (complexity wraps root fields), and arguments would need their mappers.
    const own = fieldConfig.resolve;
    if (fieldConfig.kind !== "PrismaObject" || !own || Object.keys(fieldConfig.args).length > 0) return resolver;
    const columns = selectedColumns(fieldConfig.extensions);
    if (columns) return (parent, args, context, info) => (carries(parent, columns) ? own : resolver)(parent, args, context, info);
    const relation = toOneRelation(fieldConfig.extensions);
    if (relation) {
      return (parent, args, context, info) => (parent instanceof PageRow && parent[relation] !== undefined ? own : resolver)(parent, args, context, info);
    }
    return resolver;
  }
}

SchemaBuilder.registerPlugin(pluginName, LoadedColumnsPlugin);

/** Goes after the scope-auth plugin (whose checks stay outside it) and before Prisma's. */
export default pluginName;
