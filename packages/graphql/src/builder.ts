// The one Pothos builder: plugins, scalars, context and auth scopes are declared here once.

import { canEdit, isAdminOf, isCoordinator, isMemberOf, type Viewer } from "@oess/app";
import type { Prisma, PrismaClient, SqlDriver } from "@oess/db";
import type PrismaTypes from "@oess/db/pothos-types";
import { getDatamodel } from "@oess/db/pothos-types";
import type { Territory } from "@oess/domain";
import type { PublicUrls } from "@oess/opendata";
import SchemaBuilder from "@pothos/core";
import ComplexityPlugin from "@pothos/plugin-complexity";
import PrismaPlugin from "@pothos/plugin-prisma";
import PrismaUtilsPlugin from "@pothos/plugin-prisma-utils";
import RelayPlugin from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import { GraphQLError } from "graphql";
import { LIMITS } from "./limits";
import LoadedColumnsPlugin from "./loaded-columns";

/** What the HTTP layer lends to resolvers that deal with sessions. */
export interface HttpContext {
  /** The URL as the browser sees it (behind the dashboard's proxy: the dashboard's URL). */
  publicUrl: string;
  clientIp: string;
  setCookie: (cookie: string) => void;
}

/** An anonymous caller's allowance of reads in the current window. */
export interface RateLimitState {
  limit: number;
  remaining: number;
  resetAt: Date;
  /** What this request counted. */
  cost: number;
}

export interface Context {
  prisma: PrismaClient;
  /** The SQL driver, for work Prisma cannot do in one transaction (taking a dataset version). */
  sql: SqlDriver;
  territory: Territory;
  /** The open-data URLs a citation of a version gives. */
  openDataUrls: PublicUrls;
  /** Null for anonymous callers: they see published records only. */
  viewer: Viewer | null;
  http?: HttpContext;
  /** Aborts when the caller hangs up: the resolvers' long queries stop with it (see cancellable). */
  signal?: AbortSignal;
  /** Null (or absent) when the caller is not limited: signed in, or the dashboard's own server. */
  rateLimit?: RateLimitState | null;
}

/** The context of a resolver behind `t.withAuth({ signedIn: true })`: the viewer is known. */
export type SignedInContext = Context & { viewer: Viewer };

/** Fields of jobs microdata, which anonymous readers are refused for statistical confidentiality. */
const MICRODATA_FIELDS = ["jobs", "jobRecords"];

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  Scalars: {
    Decimal: { Input: string; Output: Prisma.Decimal | string };
    Share: { Input: never; Output: Prisma.Decimal | string };
    Date: { Input: Date; Output: Date };
    DateTime: { Input: Date; Output: Date };
    JSON: { Input: never; Output: unknown };
    File: { Input: File; Output: never };
  };
  // `t.withAuth({ signedIn: true })` gives resolvers a context whose viewer is known. Its fields
  // declare authScopes of their own (editorOf, adminOf, coordinator), each of which needs a viewer.
  AuthContexts: { signedIn: SignedInContext };
  AuthScopes: {
    /** Any signed-in user. */
    signedIn: boolean;
    /** A member of this partner (by id), whatever the role. */
    memberOf: string;
    /** May write this partner's records: an editor or admin of it, or the coordination. */
    editorOf: string;
    /** Administers this partner (by id): manages its members' roles. Its admins, or the coordination. */
    adminOf: string;
    /** The PTCE's coordination: reviews and publishes any record, manages every account. */
    coordinator: boolean;
  };
  DefaultFieldNullability: false;
}>({
  plugins: [ScopeAuthPlugin, LoadedColumnsPlugin, PrismaPlugin, PrismaUtilsPlugin, RelayPlugin, ComplexityPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    // A record type's rule is checked once per row (in isTypeOf), not in a wrapper around every
    // field of every row (15 % of a list page's allocations), and a refusal is one error on the
    // field that reaches the record, not one on its first field.
    runScopesOnType: true,
    authScopes: (ctx) => ({
      signedIn: ctx.viewer !== null,
      memberOf: (partnerId) => isMemberOf(ctx.viewer, partnerId),
      editorOf: (partnerId) => canEdit(ctx.viewer, partnerId),
      adminOf: (partnerId) => isAdminOf(ctx.viewer, partnerId),
      coordinator: isCoordinator(ctx.viewer),
    }),
    // Refusals say whether signing in would help, in the interface's language.
    unauthorizedError: (_parent, ctx, info) =>
      ctx.viewer
        ? new GraphQLError("Vous n'avez pas le droit de faire cela : votre rôle ne le permet pas pour cette organisation ou cette fiche.", {
            extensions: { code: "FORBIDDEN" },
          })
        : MICRODATA_FIELDS.includes(info.fieldName)
          ? new GraphQLError(
              "Les emplois d'une entreprise sont couverts par le secret statistique : connectez-vous (partenaires), ou lisez les agrégats protégés de `indicators`.",
              { extensions: { code: "UNAUTHENTICATED", reason: "STATISTICAL_SECRECY" } },
            )
          : new GraphQLError("Connectez-vous pour faire cela.", { extensions: { code: "UNAUTHENTICATED" } }),
  },
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
    nodeQueryOptions: { description: "Fetches any object by its global ID (stable: a record keeps its ID for ever)." },
    nodesQueryOptions: { description: "Fetches up to 100 objects by their global IDs." },
    idFieldOptions: { description: "Global ID: stable, opaque, accepted by `node(id:)`." },
    nodeTypeOptions: { description: "An object that can be fetched by its global ID." },
    pageInfoTypeOptions: { description: "Where a page stands in its list." },
    hasNextPageFieldOptions: { description: "True when there are rows after this page: ask again with `after: endCursor`." },
    hasPreviousPageFieldOptions: { description: "True when there are rows before this page: ask again with `before: startCursor`." },
    startCursorFieldOptions: { description: "Cursor of the first row of the page." },
    endCursorFieldOptions: { description: "Cursor of the last row of the page." },
    cursorFieldOptions: { description: "Opaque cursor of this row, for `after` / `before`." },
    nodeFieldOptions: { description: "The row." },
    edgesFieldOptions: { description: "The rows of the page, with their cursors." },
    pageInfoFieldOptions: { description: "Position of the page in the list." },
    firstArgOptions: { description: `Page size, counting from the start (default ${LIMITS.defaultPageSize}, at most ${LIMITS.pageSize}); not with \`last\`.` },
    lastArgOptions: { description: `Page size, counting from the end (at most ${LIMITS.pageSize}); not with \`first\`.` },
    afterArgOptions: { description: "Rows after this cursor." },
    beforeArgOptions: { description: "Rows before this cursor." },
    defaultConnectionTypeOptions: { description: "A page of rows (Relay connection)." },
    defaultEdgeTypeOptions: { description: "A row of a page and its cursor." },
  },
  prisma: {
    client: (ctx) => ctx.prisma,
    dmmf: getDatamodel(),
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
  },
  complexity: {
    defaultComplexity: 1,
    // Lists are paged connections, whose cost follows `first`; plain lists are short.
    defaultListMultiplier: 1,
    limit: { complexity: LIMITS.complexity, depth: LIMITS.depth, breadth: LIMITS.breadth },
  },
});

builder.queryType({ description: "Read access to the Observatoire ESS: published figures and records." });
builder.mutationType({
  description:
    "Writes, for signed-in partners: records, review and publication, comments, imports, accounts. Every mutation needs the `X-GraphQL-Yoga-CSRF` header (CSRF protection) and writes an audit event in the same transaction as its change.",
});
