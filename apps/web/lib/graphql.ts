// Every GraphQL document of the dashboard is written with this function: gql.tada types it from
// the API's committed schema (apps/api/schema.graphql, turned into lib/generated/graphql-env.d.ts by the
// build), so an unknown field or argument is a type error and results need no hand-written types.
import { initGraphQLTada } from "gql.tada";
import type { introspection } from "./generated/graphql-env";

// Fragments share selections between documents; their data is not masked (one app, one team).
export const graphql = initGraphQLTada<{
  disableMasking: true;
  introspection: introspection;
  scalars: { Date: string; DateTime: string; Decimal: string; Share: string; JSON: unknown; File: File };
}>();

export type { ResultOf } from "gql.tada";
