// The lists' SQL pages against Prisma's findMany: for random selections (columns and to-one
// relations), filters, orders and windows over the demo data, the statement compilePage writes
// gives the rows Prisma gives, value for value and type for type, on PGlite and on PostgreSQL.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDatamodel } from "./generated/pothos-types";
import type { Prisma } from "./generated/prisma/client";
import { compilePage, type PageArgs, readPage } from "./queries/record-page";
import { createTestDatabase, type TestDatabase } from "./testing";

let db: TestDatabase;
const samples: Record<string, Array<Record<string, unknown>>> = {};
const LISTED = ["Funding", "Enterprise", "Incubation", "JobRecord", "Partner", "Commune"] as const;
type Listed = (typeof LISTED)[number];
const MODELS = getDatamodel().datamodel.models;

/** Prisma's answer to the same arguments (generated as data, so typed loosely). */
function prismaPage(model: Listed, args: PageArgs): Promise<Array<Record<string, unknown>>> {
  switch (model) {
    case "Funding":
      return db.prisma.funding.findMany(args as Prisma.FundingFindManyArgs);
    case "Enterprise":
      return db.prisma.enterprise.findMany(args as Prisma.EnterpriseFindManyArgs);
    case "Incubation":
      return db.prisma.incubation.findMany(args as Prisma.IncubationFindManyArgs);
    case "JobRecord":
      return db.prisma.jobRecord.findMany(args as Prisma.JobRecordFindManyArgs);
    case "Partner":
      return db.prisma.partner.findMany(args as Prisma.PartnerFindManyArgs);
    case "Commune":
      return db.prisma.commune.findMany(args as Prisma.CommuneFindManyArgs);
  }
}

beforeAll(async () => {
  db = await createTestDatabase({ seed: true });
  for (const model of LISTED) samples[model] = await prismaPage(model, { take: 60 });
});
afterAll(() => db.dispose());

const scalarFields = (model: string) => (MODELS[model]?.fields ?? []).filter((f) => f.kind !== "object");
// The API's to-one relations: to partners, enterprises and communes (not to user accounts).
const toOne = (model: string) => (MODELS[model]?.fields ?? []).filter((f) => !f.isList && ["Partner", "Enterprise", "Commune"].includes(f.type));

/** A selection of some columns of `model` and, `depth` levels down, of its to-one relations. */
function selection(model: string, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const columns = fc.subarray(
    scalarFields(model).map((f) => f.name),
    { minLength: 1 },
  );
  const relations = depth === 0 ? fc.constant([]) : fc.subarray(toOne(model));
  return fc.tuple(columns, relations).chain(([names, related]) =>
    fc.tuple(...related.map((r) => selection(r.type, depth - 1))).map((nested) => ({
      ...Object.fromEntries(names.map((n) => [n, true])),
      ...Object.fromEntries(related.map((r, i) => [r.name, { select: nested[i] }])),
    })),
  );
}

/** The values of `field` in the sampled rows, null included. */
const valuesOf = (model: Listed, field: string) => (samples[model] ?? []).map((row) => row[field]);

/** One column's filter, with the operators the API's filter inputs offer for its type. */
function columnFilter(model: Listed): fc.Arbitrary<Record<string, unknown>> {
  const fields = scalarFields(model).filter((f) => f.type !== "Json" && f.type !== "BigInt");
  return fc.constantFrom(...fields).chain((f) => {
    const values = valuesOf(model, f.name);
    const value = fc.constantFrom(...values);
    const options: Array<fc.Arbitrary<unknown>> = [value, value.map((v) => ({ equals: v }))];
    const known = values.filter((v) => v !== null);
    if (known.length > 0) {
      const present = fc.constantFrom(...known);
      if (f.type !== "Boolean") options.push(fc.array(present, { maxLength: 3 }).map((values) => ({ in: values })));
      if (["Int", "Decimal", "DateTime"].includes(f.type))
        options.push(fc.tuple(fc.constantFrom("lt", "lte", "gt", "gte"), present).map(([op, v]) => ({ [op]: v })));
      if (f.type === "String" && !/id$|Id$/.test(f.name)) {
        options.push(
          fc
            .tuple(present, fc.nat(), fc.integer({ min: 1, max: 4 }), fc.constantFrom("contains", "startsWith", "equals"), fc.boolean())
            .map(([v, from, length, op, insensitive]) => {
              const s = String(v);
              const start = op === "contains" ? from % Math.max(1, s.length) : 0;
              const part = op === "equals" ? s : s.slice(start, start + length);
              return insensitive ? { [op]: part.toUpperCase(), mode: "insensitive" } : { [op]: part };
            }),
        );
      }
    }
    return fc.oneof(...options).map((filter) => ({ [f.name]: filter }));
  });
}

const whereOf = (model: Listed): fc.Arbitrary<Record<string, unknown>> =>
  fc.letrec<{ where: Record<string, unknown> }>((tie) => ({
    where: fc.oneof(
      { maxDepth: 3, depthIdentifier: "where", withCrossShrink: true },
      columnFilter(model),
      fc.array(tie("where"), { minLength: 1, maxLength: 3 }).map((AND) => ({ AND })),
      fc.array(tie("where"), { minLength: 1, maxLength: 3 }).map((OR) => ({ OR })),
      tie("where").map((NOT) => ({ NOT })),
      fc.array(tie("where"), { minLength: 1, maxLength: 2 }).map((NOT) => ({ NOT })),
    ),
  })).where;

const orderOf = (model: Listed) =>
  fc
    .subarray(
      scalarFields(model)
        .filter((f) => f.type !== "Json")
        .map((f) => f.name),
      { maxLength: 2 },
    )
    .chain((names) => fc.tuple(...names.map((name) => fc.constantFrom("asc", "desc").map((d) => ({ [name]: d })))))
    .map((terms) => [...terms, { [MODELS[model]?.fields.find((f) => f.isId)?.name ?? "id"]: "asc" }]);

const pageOf = (model: Listed) =>
  fc.record({
    select: selection(model, 2),
    where: fc.option(whereOf(model), { nil: undefined }),
    orderBy: orderOf(model),
    take: fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: -40, max: -1 })),
    skip: fc.nat({ max: 20 }),
  });

describe.each(LISTED)("a page of %s", (model) => {
  it("has the rows Prisma's findMany gives", async () => {
    await fc.assert(
      fc.asyncProperty(pageOf(model), async (args) => {
        const page = compilePage(model, args);
        expect(page, JSON.stringify(args)).not.toBeNull();
        if (!page) return;
        expect(await readPage(db.sql, page)).toEqual(await prismaPage(model, args));
      }),
      { numRuns: 100 },
    );
  });
});

// Empty filters, which the random ones never are: Prisma drops them, even under NOT.
it.each([
  { AND: [] },
  { NOT: [] },
  { NOT: {} },
  { NOT: { AND: [] } },
  { NOT: { year: {} } },
  { AND: [{}, { year: 2020 }] },
  { OR: [{ year: 2020 }, { NOT: { year: 2021 } }] },
  { purpose: { contains: "%" } },
  { purpose: { startsWith: "_", mode: "insensitive" } },
])("a filter %j has Prisma's rows", async (where) => {
  const args = { select: { id: true, year: true }, where, orderBy: [{ id: "asc" }] };
  const page = compilePage("Funding", args);
  expect(page).not.toBeNull();
  if (page) expect(await readPage(db.sql, page)).toEqual(await prismaPage("Funding", args));
});

describe("what Prisma keeps answering", () => {
  it.each([
    ["a nested list", { select: { id: true, fundings: { select: { id: true } } } }],
    ["a count", { select: { id: true, _count: { select: { fundings: true } } } }],
    ["a Prisma cursor", { select: { id: true }, cursor: { id: "00000000-0000-0000-0000-000000000000" }, orderBy: [{ name: "asc" }] }],
    ["another operator", { select: { id: true }, where: { name: { endsWith: "e" } } }],
    ["a relation filter", { select: { id: true }, where: { commune: { name: "Niort" } } }],
    ["an OR of nothing", { select: { id: true }, where: { AND: [{ OR: [] }] } }],
    ["an OR with an empty alternative", { select: { id: true }, where: { OR: [{ name: "x" }, { AND: [] }] } }],
  ])("%s", (_label, args) => {
    expect(compilePage("Enterprise", args)).toBeNull();
  });
});
