import fs from "node:fs";
import { createTestDatabase, type TestDatabase } from "@oess/db/testing";
import { loadTerritory } from "@oess/domain";
import { createRelease } from "@oess/opendata";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, createApp } from "./app";
import { printedSchema, SCHEMA_FILE } from "./schema-file";

let db: TestDatabase;
let app: App;
let statements = 0;
beforeAll(async () => {
  db = await createTestDatabase({ seed: true, onQuery: () => statements++ });
  app = createApp({ db, territory: loadTerritory(), urls: { openDataPage: "http://dashboard.test/donnees-ouvertes" } });
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
    expect(body.errors?.[0]?.message).toBe("fromYear: 2024 is after toYear (2020).");
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "fromYear" });
  });
});

describe("territory and dataset", () => {
  it("lists the 40 communes of the CA du Niortais, Niort first", async () => {
    const { body } = await graphql("{ communes(first: 100) { totalCount edges { node { code name population } } } }");
    expect(body.data.communes.totalCount).toBe(40);
    expect(body.data.communes.edges[0].node).toMatchObject({ code: "79191", name: "Niort" });
  });

  it("labels the demo dataset", async () => {
    const { body } = await graphql("{ dataset { isDemo notice territoryName epciSiren } }");
    expect(body.data.dataset).toMatchObject({ isDemo: true, territoryName: "CA du Niortais", epciSiren: "200041317" });
    expect(body.data.dataset.notice).toMatch(/^Données de démonstration/);
  });
});

describe("limits", () => {
  it("lets a researcher's nested query of 100 rows per level through", async () => {
    const { status, body } = await graphql(`{ partners(first: 100) { edges { node { name fundingsGiven(first: 100) { edges { node { amount
      beneficiaryEnterprise { name commune { name } } } } } } } } }`);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });

  it.each([
    ["too many aliases", `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: dataset { isDemo }`).join(" ")} }`, /Aliases limit of 30 exceeded/],
    ["too many tokens", `{ dataset { ${"isDemo ".repeat(6000)} } }`, /Token limit of 5000 exceeded/],
    ["too deep", `{ enterprises { edges { node { ${"commune { enterprises { edges { node { ".repeat(4)}name${" } } } }".repeat(4)} } } } }`, /depth/i],
    [
      "too costly",
      `{ partners(first: 100) { edges { node { fundingsGiven(first: 100) { edges { node { beneficiaryEnterprise { fundings(first: 100) { edges { node { amount } } } } } } } } } } }`,
      /complexity/i,
    ],
  ])("refuses a query with %s, naming the limit, without a server error", async (_, query, message) => {
    const { status, body } = await graphql(query);
    expect(status).toBeLessThan(500);
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.message).toMatch(message);
  });
});

describe("response cache", () => {
  it("answers a repeated anonymous query from the cache, and forgets it as soon as the data change", async () => {
    const query = "{ fundings(where: { year: { equals: 2023 } }) { totalCount } }";
    const first = await graphql(query);
    statements = 0;
    const second = await graphql(query);
    expect(second.body).toEqual(first.body);
    expect(statements).toBe(1); // only the data version was read

    const [f] = await db.sql.query<{ id: string }>("SELECT id::text FROM funding WHERE year = 2023 AND status = 'PUBLISHED' LIMIT 1");
    await db.sql.query("UPDATE funding SET status = 'SUBMITTED' WHERE id = $1", [f?.id]);
    try {
      const third = await graphql(query);
      expect(third.body.data.fundings.totalCount).toBe(first.body.data.fundings.totalCount - 1);
    } finally {
      // The database is shared by this file's tests: put it back whatever happened.
      await db.sql.query("UPDATE funding SET status = 'PUBLISHED' WHERE id = $1", [f?.id]);
    }
  });

  it("tells a new dataset version at once, and never serves one caller's Host in another's citation", async () => {
    const query = "{ dataset { version citation } }";
    const ask = async (host: string) => {
      const response = await app.fetch(`http://${host}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query }),
      });
      return ((await response.json()) as { data: { dataset: { version: number | null; citation: string | null } } }).data.dataset;
    };
    const before = await ask("localhost");
    const release = await createRelease(db.sql, { epciSiren: loadTerritory().epciSiren, isDemo: true });
    const after = await ask("localhost");
    expect(after.version).toBe(release?.number);
    expect(after.version).not.toBe(before.version);
    expect(after.citation).toContain(`http://localhost/opendata/v/${release?.number}/datapackage.json`);
    // Without PUBLIC_API_URL the citation takes the request's host: each host gets its own answer.
    expect((await ask("evil.example")).citation).toContain("http://evil.example/opendata/");
    expect((await ask("localhost")).citation).toContain("http://localhost/opendata/");
  });
});

describe("GraphQL over HTTP", () => {
  it("answers queries sent with GET", async () => {
    const response = await app.fetch("http://localhost/graphql?query=%7Bdataset%7BisDemo%7D%7D", { headers: { accept: "application/graphql-response+json" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/application\/graphql-response\+json/);
    expect(await response.json()).toEqual({ data: { dataset: { isDemo: true } } });
  });

  it("answers a malformed query with 400 and the parser's message", async () => {
    const { status, body } = await graphql("{ dataset { ");
    expect(status).toBe(400);
    expect(body.errors?.[0]?.message).toMatch(/Syntax Error/);
  });
});

describe("open data and API agree", () => {
  const csvRows = async (path: string) => {
    const response = await app.fetch(`http://localhost/opendata/${path}`);
    expect(response.status).toBe(200);
    return parse(await response.text(), { columns: true }) as Array<Record<string, string>>;
  };

  it("serves the same enterprises and SIREN as the CSV, walked page by page", async () => {
    const rows = await csvRows("enterprises.csv");
    const ids: string[] = [];
    const sirens: string[] = [];
    let after: string | null = null;
    let totalCount = 0;
    do {
      const { body } = await graphql(
        `query ($after: String) { enterprises(first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { databaseId siren } } } }`,
        {
          after,
        },
      );
      const page: any = body.data.enterprises;
      totalCount = page.totalCount;
      ids.push(...page.edges.map((e: any) => e.node.databaseId));
      sirens.push(...page.edges.map((e: any) => `${e.node.databaseId}:${e.node.siren ?? ""}`));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(totalCount).toBe(rows.length);
    expect([...ids].sort()).toEqual(rows.map((r) => r.id).sort());
    // The SIREN, for joins with INSEE's data, is the same in both and is the SIRET's first nine digits.
    expect(sirens.sort()).toEqual(rows.map((r) => `${r.id}:${r.siren}`).sort());
    expect(rows.filter((r) => r.siren !== "").every((r) => r.siret?.startsWith(r.siren ?? "-"))).toBe(true);
  });

  it("counts and sums fundings the same way in the CSV, the connection and the indicators", async () => {
    const rows = await csvRows("fundings.csv");
    const { body } = await graphql("{ fundings { totalCount } indicators(groupBy: []) { fundingAmount fundingCount } }");
    expect(body.data.fundings.totalCount).toBe(rows.length);
    expect(body.data.indicators[0].fundingCount).toBe(rows.length);
    const cents = rows.reduce((sum, r) => sum + Math.round(Number(r.amount) * 100), 0);
    expect(cents).toBe(Math.round(Number(body.data.indicators[0].fundingAmount) * 100));
  });

  it("lets anyone recompute the 3-year survival from the open files (creation and cessation dates)", async () => {
    const [enterprises, incubations, jobs] = await Promise.all([csvRows("enterprises.csv"), csvRows("incubations.csv"), csvRows("jobs.csv")]);
    const lastDay = `${Math.max(...jobs.map((j) => Number(j.year)))}-12-31`;
    const incubatedAndCreated = new Set(incubations.filter((i) => i.outcome === "CREATED").map((i) => i.enterprise_id));
    const cohorts = new Map<number, { created: number; survivors: number }>();
    for (const e of enterprises) {
      if (!e.founded_on || !incubatedAndCreated.has(e.id)) continue;
      const year = Number(e.founded_on.slice(0, 4));
      const threeYearsOn = `${Number(e.founded_on.slice(0, 4)) + 3}${e.founded_on.slice(4)}`;
      const cohort = cohorts.get(year) ?? { created: 0, survivors: 0 };
      cohort.created += 1;
      if (!e.ceased_on || e.ceased_on >= threeYearsOn) cohort.survivors += 1;
      cohorts.set(year, cohort);
    }
    const expected = [...cohorts]
      .sort(([a], [b]) => a - b)
      .map(([foundingYear, c]) => ({ foundingYear, created: c.created, survivors: `${foundingYear + 3}-12-31` <= lastDay ? c.survivors : null }));
    expect(enterprises.some((e) => e.ceased_on)).toBe(true);
    expect(enterprises.every((e) => !e.siret || e.siren === e.siret.slice(0, 9))).toBe(true);
    const { body } = await graphql("{ survival { foundingYear created survivors } }");
    expect(body.data.survival).toEqual(expected);
  });

  it("gives the indicators file the figures of the indicators query, the same jobs hidden by statistical confidentiality", async () => {
    const rows = await csvRows("indicators.csv?year=2023");
    const { body } = await graphql(`{
      total: indicators(groupBy: [], where: { fromYear: 2023, toYear: 2023 }) { enterprisesIncubated fundingCount }
      cells: indicators(groupBy: [COMMUNE, LEGAL_FAMILY, PARTNER], where: { fromYear: 2023, toYear: 2023 }) {
        communeCode legalFamily partnerId jobsCreated jobsSecret enterprisesIncubated enterprisesCreated fundingCount } }`);
    const total = (column: string) => rows.reduce((sum, r) => sum + Number(r[column]), 0);
    expect(total("enterprises_incubated")).toBe(body.data.total[0].enterprisesIncubated);
    expect(total("funding_count")).toBe(body.data.total[0].fundingCount);
    const key = (commune: unknown, family: unknown, partner: unknown) => [commune, family, partner].map((v) => v || "").join("/");
    const cells = new Map(body.data.cells.map((c: any) => [key(c.communeCode, c.legalFamily, c.partnerId), c]));
    expect(rows).toHaveLength(cells.size);
    for (const r of rows) {
      const cell: any = cells.get(key(r.commune_code, r.legal_family, r.partner_id));
      expect([r.jobs_created, r.jobs_flag]).toEqual(cell.jobsSecret ? ["", "s"] : [String(cell.jobsCreated), ""]);
    }
    expect(rows.filter((r) => r.jobs_flag === "s").length).toBeGreaterThan(0);
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
