// The researcher's guide is part of the contract: every GraphQL example in it must stay valid.
import fs from "node:fs";
import { createTestDatabase, type TestDatabase } from "@oess/db/testing";
import { DEFINITIONS, type DefinedIndicator, describeIndicator, loadTerritory } from "@oess/domain";
import { schema } from "@oess/graphql";
import { createRelease, DATASETS } from "@oess/opendata";
import { isObjectType, parse, validate } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, createApp } from "./app";

const guide = fs.readFileSync(new URL("../../../docs/api.md", import.meta.url), "utf8");
const examples = [...guide.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => (m[1] ?? "").replace(/^ {3,4}/gm, ""));

it("has example queries, each in a ```graphql block (none would make the test below vacuous)", () => {
  expect(examples.length).toBeGreaterThan(0);
  expect(examples.length).toBe(guide.split("```graphql").length - 1);
});

it.each(examples.map((q, i) => [i + 1, q]))("example %i is valid against the schema", (_, query) => {
  expect(validate(schema, parse(query as string)).map((e) => e.message)).toEqual([]);
});

describe("on the demo data, with its first version", () => {
  let db: TestDatabase;
  let app: App;
  let enterpriseId: string;
  beforeAll(async () => {
    db = await createTestDatabase({ seed: true });
    const territory = loadTerritory();
    app = createApp({
      db,
      territory,
      urls: { api: "http://localhost:4000", openDataPage: "http://localhost:3000/donnees-ouvertes", contactEmail: "x@example.org" },
    });
    await createRelease(db.sql, { epciSiren: territory.epciSiren, isDemo: true });
    const first = await ask("{ enterprises(first: 1) { edges { node { id } } } }");
    const enterprises = first.data?.enterprises as { edges: Array<{ node: { id: string } }> } | undefined;
    enterpriseId = enterprises?.edges[0]?.node.id ?? "";
  });
  afterAll(() => db.dispose());

  const ask = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await app.fetch("http://localhost/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: Record<string, unknown>; errors?: Array<{ message: string }> };
  };

  it.each(examples.map((q, i) => [i + 1, q]))("example %i answers an anonymous reader without error, with data", async (_, query) => {
    const body = await ask(query as string, { id: enterpriseId, after: null });
    expect(enterpriseId).not.toBe("");
    expect(body.errors?.map((e) => e.message)).toBeUndefined();
    for (const value of Object.values(body.data ?? {})) expect(value).not.toBeNull();
  });
});

it("gives every indicator's definition word for word in the guide (French and English), the schema and the Data Package", () => {
  const [french = "", english = ""] = guide.split("\n## English\n");
  const indicator = schema.getType("IndicatorRow");
  if (!isObjectType(indicator)) throw new Error("IndicatorRow is an object type");
  const columns = new Map((DATASETS.find((d) => d.name === "indicators")?.columns ?? []).map((c) => [c.name, c.description] as const));
  const column: Record<DefinedIndicator, string> = {
    jobsCreated: "jobs_created",
    fullTimeEquivalents: "fte",
    enterprisesIncubated: "enterprises_incubated",
    enterprisesCreated: "enterprises_created",
    fundingAmount: "funding_amount",
    fundingCount: "funding_count",
  };
  for (const key of Object.keys(DEFINITIONS) as DefinedIndicator[]) {
    expect(french, key).toContain(describeIndicator(key, "fr"));
    expect(english, key).toContain(describeIndicator(key, "en"));
    expect(indicator.getFields()[key]?.description, key).toBe(describeIndicator(key, "en"));
    expect(columns.get(column[key]), key).toContain(describeIndicator(key, "fr"));
  }
  // Amounts are decisions, and in-kind services have a stated value: said in both languages.
  expect(describeIndicator("fundingAmount", "fr")).toMatch(/pas les montants versés.*en nature est valorisée/);
  expect(describeIndicator("fundingAmount", "en")).toMatch(/not amounts paid.*in-kind service is valued/);
});
