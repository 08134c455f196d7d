import fs from "node:fs";
import { type TestDatabase, createTestDatabase } from "@oess/db/testing";
import { loadTerritory } from "@oess/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, createApp } from "./app";
import { SCHEMA_FILE, printedSchema } from "./schema-file";

let db: TestDatabase;
let app: App;
beforeAll(async () => {
  db = await createTestDatabase({ seed: true });
  app = createApp({ db, territory: loadTerritory() });
});
afterAll(() => db.dispose());

async function graphql(query: string, variables?: Record<string, unknown>) {
  const response = await app.fetch("http://localhost/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, type: response.headers.get("content-type"), body: (await response.json()) as { data?: any; errors?: any[] } };
}

describe("/healthz", () => {
  it("answers ok with the kind of database in use", async () => {
    const response = await app.fetch("http://localhost/healthz");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: process.env.DATABASE_URL ? "postgresql" : "pglite" });
  });
});

describe("headline figures", () => {
  const HEADLINE = `query ($from: Int, $to: Int) { headlineFigures(fromYear: $from, toYear: $to) {
    jobsCreated fullTimeEquivalents enterprisesIncubated fundingAmount fundingCount firstYear lastYear } }`;

  it("equals the sums of the published records, computed here in SQL", async () => {
    const [expected] = await db.sql.query<Record<string, string>>(`SELECT
      (SELECT sum(jobs_created)::text FROM job_record WHERE status = 'PUBLISHED' AND year BETWEEN 2020 AND 2023) AS jobs,
      (SELECT sum(fte)::text FROM job_record WHERE status = 'PUBLISHED' AND year BETWEEN 2020 AND 2023) AS fte,
      (SELECT count(*)::text FROM incubation WHERE status = 'PUBLISHED' AND extract(year FROM start_date) BETWEEN 2020 AND 2023) AS incubated,
      (SELECT sum(amount)::text FROM funding WHERE status = 'PUBLISHED' AND year BETWEEN 2020 AND 2023) AS amount,
      (SELECT count(*)::text FROM funding WHERE status = 'PUBLISHED' AND year BETWEEN 2020 AND 2023) AS fundings`);
    const { status, type, body } = await graphql(HEADLINE, { from: 2020, to: 2023 });
    expect(status).toBe(200);
    expect(type).toMatch(/application\/graphql-response\+json/);
    expect(body.errors).toBeUndefined();
    const h = body.data.headlineFigures;
    expect(String(h.jobsCreated)).toBe(expected?.jobs);
    expect(Number(h.fullTimeEquivalents)).toBe(Number(expected?.fte));
    expect(String(h.enterprisesIncubated)).toBe(expected?.incubated);
    expect(Number(h.fundingAmount)).toBe(Number(expected?.amount));
    expect(h.fundingAmount).toMatch(/^\d+(\.\d+)?$/);
    expect(String(h.fundingCount)).toBe(expected?.fundings);
    expect([h.firstYear, h.lastYear]).toEqual([2020, 2023]);
  });

  it("leaves out drafts and submitted records", async () => {
    const all = (await graphql(HEADLINE)).body.data.headlineFigures;
    const [{ n } = { n: 0 }] = await db.sql.query<{ n: number }>("SELECT count(*)::int AS n FROM funding WHERE status = 'PUBLISHED'");
    const [{ total } = { total: 0 }] = await db.sql.query<{ total: number }>("SELECT count(*)::int AS total FROM funding");
    expect(all.fundingCount).toBe(n);
    expect(total).toBeGreaterThan(n);
  });

  it("says which argument is wrong for an inverted period", async () => {
    const { body } = await graphql(HEADLINE, { from: 2024, to: 2020 });
    expect(body.errors?.[0]?.message).toBe("fromYear (2024) is after toYear (2020).");
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "fromYear" });
  });
});

describe("territory and dataset", () => {
  it("lists the 40 communes of the CA du Niortais, Niort first", async () => {
    const { body } = await graphql("{ communes { code name population } }");
    expect(body.data.communes).toHaveLength(40);
    expect(body.data.communes[0]).toMatchObject({ code: "79191", name: "Niort" });
  });

  it("labels the demo dataset", async () => {
    const { body } = await graphql("{ dataset { isDemo notice territoryName epciSiren } }");
    expect(body.data.dataset).toMatchObject({ isDemo: true, territoryName: "CA du Niortais", epciSiren: "200041317" });
    expect(body.data.dataset.notice).toMatch(/^Données de démonstration/);
  });
});

it("serves GraphiQL to browsers with an example query", async () => {
  const response = await app.fetch("http://localhost/graphql", { headers: { accept: "text/html" } });
  expect(response.status).toBe(200);
  expect(await response.text()).toContain("headlineFigures(fromYear: 2020, toYear: 2025)");
});

it("keeps schema.graphql equal to the schema the code builds (run npm run schema:print -w @oess/api)", () => {
  expect(fs.readFileSync(SCHEMA_FILE, "utf8")).toBe(printedSchema());
});
