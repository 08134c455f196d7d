// The loaded-columns plugin answers from the row only what the row carries: the same schema built
// with and without it gives the same answers, in the same statements or fewer, whether the rows come
// from Prisma's planned query, from a compiled SQL page, or from a resolver that loaded less.
import { compilePage, type PageArgs, type Prisma, readPage } from "@oess/db";
import type PrismaTypes from "@oess/db/pothos-types";
import { getDatamodel } from "@oess/db/pothos-types";
import { createTestDatabase, type TestDatabase } from "@oess/db/testing";
import SchemaBuilder from "@pothos/core";
import PrismaPlugin from "@pothos/plugin-prisma";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import { type GraphQLSchema, graphql } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import LoadedColumnsPlugin, { selectedColumns, toOneRelation } from "./loaded-columns";

let db: TestDatabase;
let statements: string[] = [];
beforeAll(async () => {
  db = await createTestDatabase({ seed: true, onQuery: (sql) => statements.push(sql) });
});
afterAll(() => db.dispose());

/** A small schema on the real models: three ways of giving rows to the same fields. */
function buildSchema(withPlugin: boolean): GraphQLSchema {
  const builder = new SchemaBuilder<{ PrismaTypes: PrismaTypes; Context: { db: TestDatabase } }>({
    // In the API's order: scope-auth outside, Prisma's plugin inside.
    plugins: withPlugin ? [ScopeAuthPlugin, LoadedColumnsPlugin, PrismaPlugin] : [ScopeAuthPlugin, PrismaPlugin],
    prisma: { client: (ctx) => ctx.db.prisma, dmmf: getDatamodel() },
    scopeAuth: { authScopes: () => ({}) },
  });
  const Partner = builder.prismaObject("Partner", {
    select: { id: true },
    fields: (t) => ({
      shortName: t.exposeString("shortName"),
      label: t.string({ select: { name: true, shortName: true }, resolve: (p) => `${p.shortName} — ${p.name}` }),
    }),
  });
  builder.prismaObject("Commune", { select: { code: true }, fields: (t) => ({ name: t.exposeString("name") }) });
  builder.prismaObject("Enterprise", {
    select: { id: true },
    fields: (t) => ({ name: t.exposeString("name"), commune: t.relation("commune"), incubationCount: t.relationCount("incubations") }),
  });
  const Funding = builder.prismaObject("Funding", {
    select: { id: true },
    fields: (t) => ({
      purpose: t.exposeString("purpose"),
      year: t.exposeInt("year"),
      funder: t.relation("funder"),
      beneficiaryEnterprise: t.relation("beneficiaryEnterprise", { nullable: true }),
    }),
  });
  const window = { where: { status: "PUBLISHED" as const }, orderBy: { id: "asc" as const }, take: 20 };
  builder.queryType({
    fields: (t) => ({
      // Prisma's planned query.
      planned: t.prismaField({ type: [Funding], resolve: (query, _root, _args, ctx) => ctx.db.prisma.funding.findMany({ ...query, ...window }) }),
      // The same plan as one compiled SQL statement, as the API's lists read it.
      compiled: t.prismaField({
        type: [Funding],
        resolve: async (query, _root, _args, ctx) => {
          const page = compilePage("Funding", { ...query, ...window } as PageArgs);
          if (!page) throw new Error("this page should compile");
          return readPage<Prisma.FundingGetPayload<object>>(ctx.db.sql, page);
        },
      }),
      // Rows that carry less than the fields read: what is missing must still be loaded.
      bare: t.field({
        type: [Funding],
        resolve: (_root, _args, ctx) => ctx.db.prisma.funding.findMany({ ...window, select: { id: true, year: true } }),
      }),
      barePartners: t.field({
        type: [Partner],
        resolve: (_root, _args, ctx) => ctx.db.prisma.partner.findMany({ orderBy: { id: "asc" }, take: 5, select: { id: true, name: true } }),
      }),
    }),
  });
  return builder.toSchema();
}

const schemas = { with: buildSchema(true), without: buildSchema(false) };
const SELECTION = "purpose year funder { shortName label } beneficiaryEnterprise { name commune { name } incubationCount }";

async function run(schema: GraphQLSchema, source: string) {
  statements = [];
  const result = await graphql({ schema, source, contextValue: { db } });
  return { result: JSON.parse(JSON.stringify(result)), statements };
}

describe("loaded-columns plugin", () => {
  it.each([
    ["planned by Prisma", `{ planned { ${SELECTION} } }`],
    ["compiled to SQL", `{ compiled { purpose year funder { shortName label } beneficiaryEnterprise { name commune { name } } } }`],
    ["loaded bare: columns and relations missing", `{ bare { ${SELECTION} } }`],
    ["loaded bare: a computed field's column missing", "{ barePartners { shortName label } }"],
    ["two fields on one relation", "{ planned { a: funder { shortName } b: funder { label } } }"],
  ])("answers rows %s as Prisma's plugin does, in no more statements", async (_, source) => {
    const without = await run(schemas.without, source);
    const withPlugin = await run(schemas.with, source);
    expect(without.result.errors).toBeUndefined();
    expect(withPlugin.result).toEqual(without.result);
    expect(withPlugin.statements.length).toBeLessThanOrEqual(without.statements.length);
  });

  it("loads what a bare row lacks, and reads the rest from the row", async () => {
    const { result, statements } = await run(schemas.with, "{ bare { year purpose funder { shortName } } }");
    const rows = await db.prisma.funding.findMany({
      where: { status: "PUBLISHED" },
      orderBy: { id: "asc" },
      take: 20,
      select: { year: true, purpose: true, funder: { select: { shortName: true } } },
    });
    expect(result.data.bare).toEqual(rows);
    expect(statements.length).toBeGreaterThan(1);
  });

  it("reads a compiled page with its relations in one statement", async () => {
    const { result, statements } = await run(
      schemas.with,
      `{ compiled { purpose funder { shortName label } beneficiaryEnterprise { name commune { name } } } }`,
    );
    expect(result.data.compiled).toHaveLength(20);
    expect(statements).toHaveLength(1);
  });

  it("takes only selects of columns, and to-one relations without a resolver of their own", () => {
    expect(selectedColumns({ pothosPrismaSelect: { name: true, shortName: true } })).toEqual(["name", "shortName"]);
    expect(selectedColumns({ pothosPrismaSelect: { funder: { select: { name: true } } } })).toBeNull();
    expect(selectedColumns({ pothosPrismaSelect: () => ({}) })).toBeNull();
    expect(selectedColumns({ pothosPrismaSelect: {} })).toBeNull();
    expect(toOneRelation({ pothosPrismaRelationField: { name: "funder", isList: false } })).toBe("funder");
    expect(toOneRelation({ pothosPrismaRelationField: { name: "fundingsGiven", isList: true } })).toBeNull();
    expect(toOneRelation({ pothosPrismaRelationField: { name: "funder", isList: false }, pothosPrismaFallback: () => null })).toBeNull();
  });
});
