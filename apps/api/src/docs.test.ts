// The researcher's guide is part of the contract: every GraphQL example in it must stay valid.
import fs from "node:fs";
import { schema } from "@oess/graphql";
import { parse, validate } from "graphql";
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
