import type { Viewer } from "@oess/app";
import { createTestDatabase, type TestDatabase } from "@oess/db/testing";
import { loadTerritory } from "@oess/domain";
import { getNamedType, graphql, isObjectType } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_OPEN_DATA_URLS } from "./fixtures";
import { schema } from "./index";

let db: TestDatabase;
let statements = 0;
let lastSql = "";
const territory = loadTerritory();
beforeAll(async () => {
  db = await createTestDatabase({
    seed: true,
    onQuery: (sql) => {
      statements++;
      lastSql = sql;
    },
  });
});
afterAll(() => db.dispose());

async function run(source: string, variableValues?: Record<string, unknown>, viewer: Viewer | null = null) {
  const result = await graphql({
    schema,
    source,
    variableValues,
    contextValue: { prisma: db.prisma, sql: db.sql, territory, viewer, openDataUrls: TEST_OPEN_DATA_URLS },
  });
  return result as { data?: any; errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }> };
}
async function ok(source: string, variableValues?: Record<string, unknown>, viewer: Viewer | null = null) {
  const result = await run(source, variableValues, viewer);
  expect(result.errors).toBeUndefined();
  return result.data;
}
/** A signed-in user of no organisation: sees published records only, but every figure (no statistical secret). */
const signedIn: Viewer = { userId: "researcher", memberships: [] };
const count = async (sql: string, params: unknown[] = []) => ((await db.sql.query<{ n: number }>(sql, params))[0] as { n: number }).n;

describe("cursor pagination", () => {
  const PAGE = `query ($after: String) { enterprises(first: 17, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { databaseId status } } } }`;

  it("walks over every published enterprise exactly once, and totalCount agrees", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let totalCount = -1;
    for (let page = 0; page < 100; page++) {
      const { enterprises }: any = await ok(PAGE, { after });
      totalCount = enterprises.totalCount;
      for (const edge of enterprises.edges) {
        expect(edge.node.status).toBe("PUBLISHED");
        seen.push(edge.node.databaseId);
      }
      if (!enterprises.pageInfo.hasNextPage) break;
      after = enterprises.pageInfo.endCursor;
    }
    const published = await count("SELECT count(*)::int AS n FROM enterprise WHERE status = 'PUBLISHED'");
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(published);
    expect(totalCount).toBe(published);
  });

  it("pages backwards with last/before", async () => {
    const { enterprises: firstPage } = await ok(`{ enterprises(first: 5) { edges { cursor node { databaseId } } } }`);
    const fifth = firstPage.edges[4].cursor;
    const { enterprises } = await ok(
      `query ($before: String) { enterprises(last: 4, before: $before) { edges { node { databaseId } } pageInfo { hasPreviousPage } } }`,
      {
        before: fifth,
      },
    );
    expect(enterprises.edges.map((e: any) => e.node.databaseId)).toEqual(firstPage.edges.slice(0, 4).map((e: any) => e.node.databaseId));
  });

  it("reads a page, first or after a cursor, in one statement of the columns asked, relations joined", async () => {
    const PAGE_OF_FUNDINGS = `query ($after: String) { fundings(first: 20, after: $after) { pageInfo { endCursor } edges { node { databaseId amount
      funder { shortName } beneficiaryEnterprise { name commune { name } } } } } }`;
    statements = 0;
    const first = await ok(PAGE_OF_FUNDINGS, { after: null });
    expect(statements).toBe(1);
    statements = 0;
    const next = await ok(PAGE_OF_FUNDINGS, { after: first.fundings.pageInfo.endCursor });
    expect(statements).toBe(1);
    for (const asked of ['"amount"', '"short_name"', '"name"']) expect(lastSql).toContain(asked);
    // Columns no field asked for stay in the table.
    for (const unasked of ['"purpose"', '"payment_terms"', '"decision_date"', '"siret"', '"naf_code"', '"population"']) expect(lastSql).not.toContain(unasked);
    const ids = [...first.fundings.edges, ...next.fundings.edges].map((e: any) => e.node.databaseId);
    const expected = await db.sql.query<{ id: string }>("SELECT id::text AS id FROM funding WHERE status = 'PUBLISHED' ORDER BY id LIMIT 40");
    expect(ids).toEqual(expected.map((r) => r.id));
  });

  it("loads the columns of the record fields asked, through the interface and through a relation", async () => {
    const { incubations } =
      await ok(`{ incubations(first: 3) { edges { node { id databaseId ... on ContributedRecord { version source dataYear publishedAt createdAt }
      enterprise { databaseId updatedAt reviewNote viewerCanChange } } } } }`);
    for (const { node } of incubations.edges) {
      const [row] = await db.sql.query<{ version: number; source: string; data_year: number; published_at: Date; created_at: Date; updated_at: Date }>(
        `SELECT i.version, i.source, i.data_year, i.published_at, i.created_at, e.updated_at FROM incubation i JOIN enterprise e ON e.id = i.enterprise_id WHERE i.id = $1`,
        [node.databaseId],
      );
      if (!row) throw new Error(`incubation ${node.databaseId} not in the database`);
      expect(node).toMatchObject({ version: row.version, source: row.source, dataYear: row.data_year });
      expect(node.publishedAt).toBe(row.published_at.toISOString());
      expect(node.createdAt).toBe(row.created_at.toISOString());
      expect(node.enterprise).toMatchObject({ updatedAt: row.updated_at.toISOString(), reviewNote: null, viewerCanChange: false });
      const { node: again } = await ok(`query ($id: ID!) { node(id: $id) { ... on Incubation { version source } } }`, { id: node.id });
      expect(again).toEqual({ version: row.version, source: row.source });
    }
  });

  it("pages in the caller's order after a cursor too", async () => {
    const PAGE_BY_AMOUNT = `query ($after: String) { fundings(first: 7, after: $after, orderBy: [{ amount: Desc }]) { pageInfo { endCursor } edges { node { databaseId } } } }`;
    const first = await ok(PAGE_BY_AMOUNT, { after: null });
    const next = await ok(PAGE_BY_AMOUNT, { after: first.fundings.pageInfo.endCursor });
    const ids = [...first.fundings.edges, ...next.fundings.edges].map((e: any) => e.node.databaseId);
    const expected = await db.sql.query<{ id: string }>("SELECT id::text AS id FROM funding WHERE status = 'PUBLISHED' ORDER BY amount DESC, id LIMIT 14");
    expect(ids).toEqual(expected.map((r) => r.id));
  });

  it("refuses a page of more than 100, saying so", async () => {
    const { errors } = await run(`{ fundings(first: 500) { totalCount } }`);
    expect(errors?.[0]?.message).toMatch(/first: 500 is more than the page size limit of 100/);
    expect(errors?.[0]?.extensions).toMatchObject({ code: "PAGE_SIZE_LIMIT", limit: 100 });
  });

  it("refuses first and last together, on top-level and nested lists", async () => {
    for (const query of [
      "{ fundings(first: 5, last: 2) { edges { node { id } } } }",
      "{ partners(first: 1) { edges { node { fundingsGiven(first: 5, last: 2) { totalCount } } } } }",
    ]) {
      const { errors } = await run(query);
      expect(errors?.[0]?.message, query).toMatch(/first and last together/);
      expect(errors?.[0]?.extensions, query).toMatchObject({ code: "BAD_USER_INPUT" });
    }
  });

  it("gives 20 rows when no size is asked, as every list's description says", async () => {
    const published = await db.prisma.funding.count({ where: { status: "PUBLISHED" } });
    expect(published).toBeGreaterThan(20);
    const { fundings } = await ok("{ fundings { edges { node { id } } pageInfo { hasNextPage } } }");
    expect(fundings.edges).toHaveLength(20);
    expect(fundings.pageInfo.hasNextPage).toBe(true);
    const connections = Object.values(schema.getTypeMap())
      .filter(isObjectType)
      .flatMap((type) => Object.values(type.getFields()).map((field) => ({ name: `${type.name}.${field.name}`, field })))
      .filter(({ field }) => getNamedType(field.type).name.endsWith("Connection"));
    expect(connections.length).toBeGreaterThan(10);
    for (const { name, field } of connections) expect(field.description, name).toContain("Pages of 20 rows unless `first`");
  });
});

describe("filters and ordering", () => {
  it("combines enum, text and AND/OR conditions like SQL does", async () => {
    const { enterprises } = await ok(`{ enterprises(where: {
        OR: [{ legalFamily: { in: [MUTUAL, FOUNDATION] } }, { cooperativeKind: { equals: SCIC } }],
        communeCode: { equals: "79191" } }) { totalCount } }`);
    expect(enterprises.totalCount).toBe(
      await count(`SELECT count(*)::int AS n FROM enterprise WHERE status = 'PUBLISHED' AND commune_code = '79191'
                   AND (legal_family IN ('MUTUAL', 'FOUNDATION') OR cooperative_kind = 'SCIC')`),
    );
    expect(enterprises.totalCount).toBeGreaterThan(0);
  });

  it("searches names without regard to case", async () => {
    const { enterprises } = await ok(
      `{ enterprises(where: { name: { contains: "RESSOURCERIE", mode: Insensitive } }) { totalCount edges { node { name } } } }`,
    );
    expect(enterprises.totalCount).toBe(await count("SELECT count(*)::int AS n FROM enterprise WHERE status = 'PUBLISHED' AND name ILIKE '%ressourcerie%'"));
    for (const e of enterprises.edges) expect(e.node.name.toLowerCase()).toContain("ressourcerie");
  });

  it("filters fundings by amount and date ranges, and orders them", async () => {
    const { fundings } = await ok(`{ fundings(first: 100, where: { amount: { gte: "20000" }, decisionDate: { gte: "2020-01-01", lt: "2022-01-01" } },
        orderBy: [{ amount: Desc }]) { totalCount edges { node { amount decisionDate } } } }`);
    expect(fundings.totalCount).toBe(
      await count(
        `SELECT count(*)::int AS n FROM funding WHERE status = 'PUBLISHED' AND amount >= 20000 AND decision_date >= '2020-01-01' AND decision_date < '2022-01-01'`,
      ),
    );
    const amounts = fundings.edges.map((e: any) => Number(e.node.amount));
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    for (const e of fundings.edges) expect(e.node.decisionDate >= "2020-01-01" && e.node.decisionDate < "2022-01-01").toBe(true);
  });

  it("says which value is wrong in a filter", async () => {
    const { errors } = await run(`{ fundings(where: { decisionDate: { gte: "2020-13-45" } }) { totalCount } }`);
    expect(errors?.[0]?.message).toMatch(/"2020-13-45" is not a date written YYYY-MM-DD/);
  });
});

describe("nodes and relations", () => {
  it("gives each commune its contour, a GeoJSON MultiPolygon around the commune, and a different one to each", async () => {
    const data = await ok("{ communes(first: 100) { edges { node { code contour } } } }");
    const communes: Array<{ code: string; contour: { type: string; coordinates: number[][][][] } }> = data.communes.edges.map((e: { node: unknown }) => e.node);
    expect(communes).toHaveLength(territory.communes.length);
    const bounds = (c: (typeof communes)[number]) => {
      const points = c.contour.coordinates.flat(2);
      const xs = points.map((p) => p[0] as number);
      const ys = points.map((p) => p[1] as number);
      return [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)] as const;
    };
    for (const c of communes) expect(c.contour.type).toBe("MultiPolygon");
    // Niort's town hall (46.3237 N, 0.4648 W) lies within Niort's outline.
    const [west, east, south, north] = bounds(communes.find((c) => c.code === "79191") as (typeof communes)[number]);
    expect([west < -0.4648 && -0.4648 < east, south < 46.3237 && 46.3237 < north]).toEqual([true, true]);
    expect(new Set(communes.map((c) => JSON.stringify(c.contour))).size).toBe(communes.length);
  });

  it("finds every kind of object again by its global ID", async () => {
    const data = await ok(
      `{
      communes(first: 1) { edges { node { id name } } }
      partners(first: 1) { edges { node { id name } } }
      enterprises(first: 1) { edges { node { id name } } }
      incubations(first: 1) { edges { node { id startDate } } }
      jobs(first: 1) { edges { node { id year } } }
      fundings(first: 1) { edges { node { id amount } } } }`,
      {},
      signedIn,
    );
    for (const [field, key] of [
      ["communes", "name"],
      ["partners", "name"],
      ["enterprises", "name"],
      ["incubations", "startDate"],
      ["jobs", "year"],
      ["fundings", "amount"],
    ]) {
      const node = data[field as string].edges[0].node;
      const again = await ok(
        `query ($id: ID!) { node(id: $id) { id ... on Commune { name } ... on Partner { name } ... on Enterprise { name }
        ... on Incubation { startDate } ... on JobRecord { year } ... on Funding { amount } } }`,
        { id: node.id },
        signedIn,
      );
      expect(again.node[key as string]).toEqual(node[key as string]);
    }
  });

  it("follows relations both ways with the same counts as SQL", async () => {
    const { partners } = await ok(
      `{ partners(where: { slug: { equals: "can" } }) { edges { node { databaseId fundingsGiven(first: 3) { totalCount edges { node { funder { slug } } } } } } } }`,
    );
    const can = partners.edges[0].node;
    expect(can.fundingsGiven.totalCount).toBe(
      await count("SELECT count(*)::int AS n FROM funding WHERE status = 'PUBLISHED' AND funder_id = $1", [can.databaseId]),
    );
    for (const e of can.fundingsGiven.edges) expect(e.node.funder.slug).toBe("can");

    const { communes } = await ok(
      `{ communes(where: { code: { equals: "79191" } }) { edges { node { enterprises(first: 2) { totalCount edges { node { commune { code } } } } } } } }`,
    );
    const niort = communes.edges[0].node.enterprises;
    expect(niort.totalCount).toBe(await count("SELECT count(*)::int AS n FROM enterprise WHERE status = 'PUBLISHED' AND commune_code = '79191'"));
    for (const e of niort.edges) expect(e.node.commune.code).toBe("79191");
  });

  it("runs a nested query in the same number of SQL statements for 10 or 100 rows per level (no N+1)", async () => {
    const nested = (n: number) => `{ partners(first: ${n}) { edges { node { name fundingsGiven(first: ${n}) { edges { node { amount
      beneficiaryEnterprise { name commune { name } } } } } } } } }`;
    const statementsFor = async (n: number) => {
      statements = 0;
      const data = await ok(nested(n));
      const rows = data.partners.edges.reduce((acc: number, p: any) => acc + p.node.fundingsGiven.edges.length, 0);
      return { statements, rows };
    };
    const small = await statementsFor(10);
    const large = await statementsFor(100);
    expect(large.rows).toBeGreaterThan(small.rows * 5);
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(6);
  });
});

describe("visibility", () => {
  async function ownerOfADraft() {
    const [row] = await db.sql.query<{ owner: string; other: string }>(
      `SELECT f.owner_partner_id::text AS owner, (SELECT id::text FROM partner p WHERE p.id <> f.owner_partner_id LIMIT 1) AS other
       FROM funding f WHERE f.status <> 'PUBLISHED' LIMIT 1`,
    );
    return row as { owner: string; other: string };
  }
  const STATUSES = `{ fundings(first: 100, where: { status: { in: [DRAFT, SUBMITTED, REJECTED] } }) { totalCount edges { node { id owner { databaseId } } } } }`;

  it("shows anonymous callers published records only", async () => {
    const { fundings } = await ok(STATUSES);
    expect(fundings.totalCount).toBe(0);
    expect(await count("SELECT count(*)::int AS n FROM funding WHERE status <> 'PUBLISHED'")).toBeGreaterThan(0);
  });

  it("shows members their own organisation's drafts, not another's", async () => {
    const { owner } = await ownerOfADraft();
    const member: Viewer = { userId: "u", memberships: [{ partnerId: owner, role: "VIEWER", coordinates: false }] };
    const { fundings } = await ok(STATUSES, {}, member);
    expect(fundings.totalCount).toBe(await count("SELECT count(*)::int AS n FROM funding WHERE status <> 'PUBLISHED' AND owner_partner_id = $1", [owner]));
    for (const e of fundings.edges) expect(e.node.owner.databaseId).toBe(owner);
  });

  it("shows the PTCE's coordination everything, and another organisation's admin its own drafts only", async () => {
    const { owner, other } = await ownerOfADraft();
    const coordination: Viewer = { userId: "a", memberships: [{ partnerId: other, role: "ADMIN", coordinates: true }] };
    const all = await ok(STATUSES, {}, coordination);
    expect(all.fundings.totalCount).toBe(await count("SELECT count(*)::int AS n FROM funding WHERE status <> 'PUBLISHED'"));
    const organisationAdmin: Viewer = { userId: "b", memberships: [{ partnerId: owner, role: "ADMIN", coordinates: false }] };
    const own = await ok(STATUSES, {}, organisationAdmin);
    expect(own.fundings.totalCount).toBe(await count("SELECT count(*)::int AS n FROM funding WHERE status <> 'PUBLISHED' AND owner_partner_id = $1", [owner]));
    expect(own.fundings.totalCount).toBeLessThan(all.fundings.totalCount);
  });

  it("never resolves a draft for an anonymous caller, even by its ID", async () => {
    const { owner } = await ownerOfADraft();
    const member: Viewer = { userId: "u", memberships: [{ partnerId: owner, role: "EDITOR", coordinates: false }] };
    const { fundings } = await ok(STATUSES, {}, member);
    const draftId = fundings.edges[0].node.id;
    const anonymous = await run(`query ($id: ID!) { node(id: $id) { id } }`, { id: draftId });
    expect(anonymous.data?.node ?? null).toBeNull();
    const stranger = await run(`query ($id: ID!) { node(id: $id) { id } }`, { id: draftId }, { userId: "s", memberships: [] });
    expect(stranger.data?.node ?? null).toBeNull();
  });
});

describe("a record reached through a relation", () => {
  it("is refused as a whole to a viewer who may not see it, the error on the field that reaches it", async () => {
    const { fundings } = await ok(`{ fundings(first: 100) { edges { node { id beneficiaryEnterprise { databaseId owner { databaseId } } } } } }`);
    const funding = fundings.edges.find((e: any) => e.node.beneficiaryEnterprise).node;
    const enterprise = funding.beneficiaryEnterprise;
    const READ = `query ($id: ID!) { node(id: $id) { ... on Funding { year beneficiaryEnterprise { name databaseId siret } } } }`;
    await db.sql.query("UPDATE enterprise SET status = 'DRAFT' WHERE id = $1", [enterprise.databaseId]);
    try {
      const anonymous = await run(READ, { id: funding.id });
      expect(anonymous.data?.node.year).toEqual(expect.any(Number));
      expect(anonymous.data?.node.beneficiaryEnterprise).toBeNull();
      expect(anonymous.errors?.map((e) => [e.extensions?.code, (e as { path?: unknown[] }).path?.at(-1)])).toEqual([
        ["UNAUTHENTICATED", "beneficiaryEnterprise"],
      ]);
      const member: Viewer = { userId: "m", memberships: [{ partnerId: enterprise.owner.databaseId, role: "VIEWER", coordinates: false }] };
      expect((await ok(READ, { id: funding.id }, member)).node.beneficiaryEnterprise.databaseId).toBe(enterprise.databaseId);
    } finally {
      await db.sql.query("UPDATE enterprise SET status = 'PUBLISHED' WHERE id = $1", [enterprise.databaseId]);
    }
  });
});

describe("decimals", () => {
  it("writes every amount and FTE as a string with two decimals, whatever field or sum it comes from", async () => {
    const data = await ok(
      `{
      fundings(first: 100) { edges { node { amount fundingShare } } }
      jobs(first: 100) { edges { node { fte } } }
      headlineFigures(fromYear: 2014, toYear: 2025) { fundingAmount fullTimeEquivalents }
      indicators(groupBy: [YEAR, COMMUNE]) { fundingAmount fullTimeEquivalents }
    }`,
      {},
      signedIn,
    );
    const decimals = [
      ...data.fundings.edges.map((e: any) => e.node.amount),
      ...data.jobs.edges.map((e: any) => e.node.fte),
      data.headlineFigures.fundingAmount,
      data.headlineFigures.fullTimeEquivalents,
      ...data.indicators.flatMap((r: any) => [r.fundingAmount, r.fullTimeEquivalents]),
    ];
    expect(decimals.length).toBeGreaterThan(200);
    expect(decimals.filter((d) => !/^\d+\.\d{2}$/.test(d))).toEqual([]);
    // A cell with no funding is "0.00", not "0".
    expect(data.indicators.some((r: any) => r.fundingAmount === "0.00")).toBe(true);
    const shares = data.fundings.edges.map((e: any) => e.node.fundingShare).filter((s: string | null) => s !== null);
    expect(shares.filter((s: string) => !/^[01]\.\d{4}$/.test(s))).toEqual([]);
  });
});

describe("indicators", () => {
  it("groups funding by partner and year exactly as SQL does", async () => {
    const { indicators } = await ok(`{ indicators(groupBy: [PARTNER, YEAR]) { partnerId year fundingAmount fundingCount } }`);
    const expected = await db.sql.query<{ partner: string; year: number; amount: string; n: number }>(
      `SELECT funder_id::text AS partner, year, sum(amount)::text AS amount, count(*)::int AS n FROM funding WHERE status = 'PUBLISHED' GROUP BY 1, 2`,
    );
    const key = (p: string, y: number) => `${p}/${y}`;
    const got = new Map(indicators.filter((r: any) => r.fundingCount > 0).map((r: any) => [key(r.partnerId, r.year), r]));
    expect(got.size).toBe(expected.length);
    for (const e of expected) {
      const row: any = got.get(key(e.partner, e.year));
      expect(Number(row.fundingAmount)).toBe(Number(e.amount));
      expect(row.fundingCount).toBe(e.n);
    }
  });

  it("gives the same totals as the headline figures, and honours filters", async () => {
    const { indicators, headlineFigures } =
      await ok(`{ indicators(groupBy: [], where: { fromYear: 2019, toYear: 2022 }) { jobsCreated enterprisesIncubated fundingAmount }
      headlineFigures(fromYear: 2019, toYear: 2022) { jobsCreated enterprisesIncubated fundingAmount } }`);
    expect(indicators).toHaveLength(1);
    expect(indicators[0].jobsCreated).toBe(headlineFigures.jobsCreated);
    expect(indicators[0].enterprisesIncubated).toBe(headlineFigures.enterprisesIncubated);
    expect(Number(indicators[0].fundingAmount)).toBe(Number(headlineFigures.fundingAmount));

    const { indicators: byFamily } = await ok(
      `{ indicators(groupBy: [LEGAL_FAMILY], where: { legalFamilies: [COOPERATIVE], communeCodes: ["79191"] }) {
      legalFamily jobsCreated enterprisesCreated } }`,
      {},
      signedIn,
    );
    expect(byFamily.map((r: any) => r.legalFamily)).toEqual(["COOPERATIVE"]);
    expect(byFamily[0].jobsCreated).toBe(
      await count(`SELECT coalesce(sum(j.jobs_created), 0)::int AS n FROM job_record j JOIN enterprise e ON e.id = j.enterprise_id
                   WHERE j.status = 'PUBLISHED' AND e.legal_family = 'COOPERATIVE' AND e.commune_code = '79191'`),
    );
    expect(byFamily[0].enterprisesCreated).toBe(
      await count(
        `SELECT count(*)::int AS n FROM enterprise WHERE status = 'PUBLISHED' AND founded_on IS NOT NULL AND legal_family = 'COOPERATIVE' AND commune_code = '79191'`,
      ),
    );
  });

  it("groups and filters by cooperative kind, aid nature and incubation outcome exactly as SQL does", async () => {
    const byKey = <T extends Record<string, unknown>>(rows: T[], key: string) => new Map(rows.map((r) => [String(r[key]), r]));
    const { indicators: kinds } = await ok("{ indicators(groupBy: [COOPERATIVE_KIND]) { cooperativeKind jobsCreated enterprisesCreated } }", {}, signedIn);
    const expectedKinds = await db.sql.query<{ k: string; jobs: number; created: number }>(
      `SELECT coalesce(e.cooperative_kind::text, 'null') AS k,
              coalesce((SELECT sum(j.jobs_created) FROM job_record j JOIN enterprise x ON x.id = j.enterprise_id
                         WHERE j.status = 'PUBLISHED' AND x.cooperative_kind IS NOT DISTINCT FROM e.cooperative_kind), 0)::int AS jobs,
              count(*) FILTER (WHERE e.status = 'PUBLISHED' AND e.founded_on IS NOT NULL)::int AS created
         FROM enterprise e GROUP BY e.cooperative_kind`,
    );
    const gotKinds = byKey(kinds, "cooperativeKind");
    expect(expectedKinds.filter((k) => k.k !== "null").length).toBeGreaterThanOrEqual(2);
    for (const e of expectedKinds.filter((x) => x.jobs + x.created > 0)) {
      expect(gotKinds.get(e.k), e.k).toMatchObject({ jobsCreated: e.jobs, enterprisesCreated: e.created });
    }

    const { indicators: natures } = await ok("{ indicators(groupBy: [AID_NATURE]) { aidNature fundingAmount fundingCount } }");
    const expectedNatures = await db.sql.query<{ k: string; amount: string; n: number }>(
      "SELECT aid_nature::text AS k, sum(amount)::numeric(14, 2)::text AS amount, count(*)::int AS n FROM funding WHERE status = 'PUBLISHED' GROUP BY 1",
    );
    const gotNatures = byKey(natures, "aidNature");
    expect(expectedNatures.length).toBeGreaterThanOrEqual(2);
    for (const e of expectedNatures) expect(gotNatures.get(e.k), e.k).toMatchObject({ fundingAmount: e.amount, fundingCount: e.n });

    const { indicators: outcomes } = await ok("{ indicators(groupBy: [INCUBATION_OUTCOME]) { incubationOutcome enterprisesIncubated } }");
    const expectedOutcomes = await db.sql.query<{ k: string; n: number }>(
      "SELECT outcome::text AS k, count(*)::int AS n FROM incubation WHERE status = 'PUBLISHED' GROUP BY 1",
    );
    const gotOutcomes = byKey(outcomes, "incubationOutcome");
    expect(expectedOutcomes.length).toBe(3);
    for (const e of expectedOutcomes) expect(gotOutcomes.get(e.k)?.enterprisesIncubated, e.k).toBe(e.n);

    const { indicators: filtered } = await ok(
      `{ indicators(groupBy: [], where: { cooperativeKinds: [SCOP], aidNatures: [IN_KIND], incubationOutcomes: [CREATED] }) {
      jobsCreated fundingCount enterprisesIncubated } }`,
      {},
      signedIn,
    );
    // A condition on a dimension a measure lacks excludes that measure: each is filtered only by what it has.
    const { indicators: scop } = await ok("{ indicators(groupBy: [], where: { cooperativeKinds: [SCOP] }) { jobsCreated } }", {}, signedIn);
    expect(scop[0].jobsCreated).toBe(
      await count(`SELECT coalesce(sum(j.jobs_created), 0)::int AS n FROM job_record j JOIN enterprise e ON e.id = j.enterprise_id
                   WHERE j.status = 'PUBLISHED' AND e.cooperative_kind = 'SCOP'`),
    );
    expect(filtered).toEqual([{ jobsCreated: 0, fundingCount: 0, enterprisesIncubated: 0 }]);
  });

  it("groups and filters by INSEE legal category exactly as SQL does", async () => {
    const { indicators } = await ok("{ indicators(groupBy: [LEGAL_CATEGORY]) { legalCategory { code label } enterprisesCreated } }");
    const expected = await db.sql.query<{ code: string; n: number }>(
      "SELECT legal_category AS code, count(*)::int AS n FROM enterprise WHERE status = 'PUBLISHED' AND founded_on IS NOT NULL GROUP BY 1",
    );
    expect(expected.length).toBeGreaterThanOrEqual(4);
    for (const e of expected) {
      const row = indicators.find((r: any) => r.legalCategory?.code === e.code);
      expect(row?.enterprisesCreated, e.code).toBe(e.n);
      expect(row?.legalCategory.label.length, e.code).toBeGreaterThan(5);
    }
    const { indicators: scop } = await ok(`{ indicators(groupBy: [], where: { legalCategories: ["5458"] }) { jobsCreated } }`, {}, signedIn);
    expect(scop[0].jobsCreated).toBe(
      await count(`SELECT coalesce(sum(j.jobs_created), 0)::int AS n FROM job_record j JOIN enterprise e ON e.id = j.enterprise_id
                   WHERE j.status = 'PUBLISHED' AND e.legal_category = '5458'`),
    );
    const { errors } = await run(`{ indicators(groupBy: [], where: { legalCategories: ["SCOP"] }) { jobsCreated } }`);
    expect(errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "where.legalCategories" });
  });

  it("gives rates per 1 000 inhabitants of each commune, or of the whole territory", async () => {
    const { indicators: communes } = await ok(
      `{ indicators(groupBy: [COMMUNE]) {
      communeCode population jobsCreated jobsCreatedPer1000Inhabitants fundingAmountPer1000Inhabitants } }`,
      {},
      signedIn,
    );
    const expected = await db.sql.query<{ code: string; population: number; jobs: number }>(
      `SELECT c.code, c.population, coalesce(sum(j.jobs_created), 0)::int AS jobs FROM commune c
         LEFT JOIN enterprise e ON e.commune_code = c.code
         LEFT JOIN job_record j ON j.enterprise_id = e.id AND j.status = 'PUBLISHED'
        GROUP BY c.code, c.population`,
    );
    let compared = 0;
    for (const e of expected.filter((x) => x.jobs > 0)) {
      const row: any = communes.find((r: any) => r.communeCode === e.code);
      expect(row.population, e.code).toBe(e.population);
      expect(row.jobsCreatedPer1000Inhabitants, e.code).toBeCloseTo((e.jobs * 1000) / e.population, 9);
      compared++;
    }
    expect(compared).toBeGreaterThan(5);
    // Fundings to partners have no commune, hence no population and no rate.
    expect(communes.find((r: any) => r.communeCode === null)).toMatchObject({ population: null, fundingAmountPer1000Inhabitants: null });

    const { indicators: total } = await ok("{ indicators(groupBy: []) { population jobsCreated jobsCreatedPer1000Inhabitants } }");
    const territory = await count("SELECT sum(population)::int AS n FROM commune");
    expect(total[0].population).toBe(territory);
    expect(total[0].jobsCreatedPer1000Inhabitants).toBeCloseTo((total[0].jobsCreated * 1000) / territory, 9);
    const { indicators: niort } = await ok(`{ indicators(groupBy: [], where: { communeCodes: ["79191"] }) { population } }`);
    expect(niort[0].population).toBe(await count("SELECT population AS n FROM commune WHERE code = '79191'"));
  });

  it("names the wrong field of a filter", async () => {
    const { errors } = await run(`{ indicators(groupBy: [YEAR], where: { nafSections: ["Q", "ZZ"] }) { year } }`);
    expect(errors?.[0]?.message).toBe('where.nafSections: "ZZ" is not a NAF section (A to U).');
  });
});

describe("statistical confidentiality of jobs", () => {
  it("refuses one enterprise's jobs to anonymous readers, and gives them to signed-in ones", async () => {
    const anonymous = await run("{ jobs(first: 1) { edges { node { year jobsCreated } } } }");
    expect(anonymous.errors?.[0]?.extensions).toMatchObject({ code: "UNAUTHENTICATED", reason: "STATISTICAL_SECRECY" });
    const relation = await run("{ enterprises(first: 5) { edges { node { name jobRecords { totalCount } } } } }");
    expect(relation.data?.enterprises.edges.map((e: any) => e.node.jobRecords)).toEqual([null, null, null, null, null]);
    expect(relation.errors?.[0]?.extensions).toMatchObject({ reason: "STATISTICAL_SECRECY" });

    const { jobs } = await ok("{ jobs(first: 1) { edges { node { id year jobsCreated } } } }", {}, signedIn);
    expect(jobs.edges).toHaveLength(1);
    const id = jobs.edges[0].node.id;
    expect((await ok(`query ($id: ID!) { node(id: $id) { id } }`, { id }, signedIn)).node).toEqual({ id });
    expect((await run(`query ($id: ID!) { node(id: $id) { id } }`, { id })).data?.node ?? null).toBeNull();
    expect((await run(`query ($id: ID!) { history(id: $id) { action } }`, { id })).errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });

  it("publishes a jobs cell only when enough enterprises contribute and none dominates, and says why one is hidden", async () => {
    const query = "{ indicators(groupBy: [YEAR, COMMUNE, LEGAL_FAMILY]) { year communeCode legalFamily jobsCreated fullTimeEquivalents jobsSecret } }";
    const key = (year: number, commune: string, family: string) => `${year}/${commune}/${family}`;
    const anonymous = new Map((await ok(query)).indicators.map((r: any) => [key(r.year, r.communeCode, r.legalFamily), r]));
    const partner = new Map((await ok(query, {}, signedIn)).indicators.map((r: any) => [key(r.year, r.communeCode, r.legalFamily), r]));
    const cells = await db.sql.query<{ year: number; commune: string; family: string; n: number; jobs: number; top: number; fte: string; top_fte: string }>(
      `SELECT j.year, e.commune_code AS commune, e.legal_family::text AS family, count(*)::int AS n,
              sum(j.jobs_created)::int AS jobs, max(j.jobs_created)::int AS top, sum(j.fte)::text AS fte, max(j.fte)::text AS top_fte
         FROM job_record j JOIN enterprise e ON e.id = j.enterprise_id WHERE j.status = 'PUBLISHED' GROUP BY 1, 2, 3`,
    );
    const reasons = new Map<string, number>();
    for (const c of cells) {
      const id = key(c.year, c.commune, c.family);
      const shown: any = anonymous.get(id);
      expect((partner.get(id) as any)?.jobsCreated, id).toBe(c.jobs);
      const dominated = (top: number, total: number) => total > 0 && top * 100 >= 85 * total;
      const primary = c.n < 3 || dominated(c.top, c.jobs) || dominated(Number(c.top_fte), Number(c.fte));
      reasons.set(shown.jobsSecret ?? "published", (reasons.get(shown.jobsSecret ?? "published") ?? 0) + 1);
      if (shown.jobsSecret === null) {
        expect(primary, id).toBe(false);
        expect(shown.jobsCreated, id).toBe(c.jobs);
      } else {
        expect(shown, id).toMatchObject({ jobsCreated: null, fullTimeEquivalents: null });
        if (primary) expect(["FEW_CONTRIBUTORS", "DOMINANT_CONTRIBUTOR"], id).toContain(shown.jobsSecret);
        else expect(shown.jobsSecret, id).toBe("COMPLEMENTARY");
      }
    }
    // The demo dataset has cells of every kind: published, too few enterprises, one dominant, hidden to protect another.
    expect([...reasons.keys()].sort()).toEqual(["COMPLEMENTARY", "DOMINANT_CONTRIBUTOR", "FEW_CONTRIBUTORS", "published"]);
  });

  it("hides jobs grouped by what splits the protected table, never funding, and gives the totals no secret hides", async () => {
    const { indicators } = await ok("{ indicators(groupBy: [NAF_SECTION]) { nafSection jobsCreated jobsSecret fundingAmount } }");
    const sections = indicators.filter((r: any) => r.nafSection !== null);
    expect(sections.length).toBeGreaterThan(3);
    for (const r of sections)
      expect(r).toMatchObject({ jobsCreated: null, jobsSecret: "FINER_THAN_PUBLISHED", fundingAmount: expect.stringMatching(/^\d+\.\d{2}$/) });

    const headline = "{ headlineFigures { jobsCreated fullTimeEquivalents jobsSecret } dataset { statisticalSecrecy { minContributors dominancePercent } } }";
    const anonymous = await ok(headline);
    expect(anonymous.headlineFigures.jobsSecret).toBeNull();
    expect(anonymous.headlineFigures.jobsCreated).toBe(await count("SELECT sum(jobs_created)::int AS n FROM job_record WHERE status = 'PUBLISHED'"));
    expect(anonymous).toEqual(await ok(headline, {}, signedIn));
    expect(anonymous.dataset.statisticalSecrecy).toEqual({ minContributors: 3, dominancePercent: 85 });
  });
});

describe("survival", () => {
  it("counts, per creation year, the incubated enterprises still active three years on, and only mature cohorts", async () => {
    const { survival } = await ok(`{ survival { foundingYear created survivors } }`);
    const rows = await db.sql.query<{ founded: string; ceased: string | null }>(
      `SELECT DISTINCT e.id, e.founded_on::text AS founded, e.ceased_on::text AS ceased FROM enterprise e
       JOIN incubation i ON i.enterprise_id = e.id AND i.status = 'PUBLISHED' AND i.outcome = 'CREATED' WHERE e.status = 'PUBLISHED'`,
    );
    const lastYear = await count(`SELECT max(year)::int AS n FROM job_record WHERE status = 'PUBLISHED'`);
    const expected = new Map<number, { created: number; survivors: number | null }>();
    for (const r of rows) {
      const year = Number(r.founded.slice(0, 4));
      const threeYearsOn = `${year + 3}${r.founded.slice(4)}`;
      const cohort = expected.get(year) ?? { created: 0, survivors: year + 3 <= lastYear ? 0 : null };
      cohort.created++;
      if (cohort.survivors !== null && (r.ceased === null || r.ceased >= threeYearsOn)) cohort.survivors++;
      expected.set(year, cohort);
    }
    expect(survival).toEqual([...expected].sort(([a], [b]) => a - b).map(([foundingYear, c]) => ({ foundingYear, ...c })));
    expect(survival.some((c: any) => c.survivors !== null && c.survivors < c.created)).toBe(true);
    expect(survival.at(-1).survivors).toBeNull();
  });

  it("restricts cohorts by legal family and by year of creation", async () => {
    const { all, coops } = await ok(`{ all: survival(where: { fromYear: 2016, toYear: 2019 }) { foundingYear created }
      coops: survival(where: { fromYear: 2016, toYear: 2019, legalFamilies: [COOPERATIVE] }) { foundingYear created } }`);
    expect(all.map((c: any) => c.foundingYear)).toEqual([2016, 2017, 2018, 2019]);
    expect(coops.length).toBeGreaterThan(0); // or the loop below would assert nothing
    for (const c of coops) expect(c.created).toBeLessThan(all.find((a: any) => a.foundingYear === c.foundingYear).created);
  });
});
