// The researcher's guide is part of the contract: every GraphQL example in it must stay valid.
import fs from "node:fs";
import { DEFINITIONS, type DefinedIndicator, describeIndicator } from "@oess/domain";
import { schema } from "@oess/graphql";
import { DATASETS } from "@oess/opendata";
import { isObjectType, parse, validate } from "graphql";
import { expect, it } from "vitest";

const guide = fs.readFileSync(new URL("../../../docs/api.md", import.meta.url), "utf8");
const examples = [...guide.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => (m[1] ?? "").replace(/^ {3,4}/gm, ""));

it("has example queries, each in a ```graphql block (none would make the test below vacuous)", () => {
  expect(examples.length).toBeGreaterThan(0);
  expect(examples.length).toBe(guide.split("```graphql").length - 1);
});

it.each(examples.map((q, i) => [i + 1, q]))("example %i is valid against the schema", (_, query) => {
  expect(validate(schema, parse(query as string)).map((e) => e.message)).toEqual([]);
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
