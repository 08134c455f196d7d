// Dataset versions through the API: who may take one, what `dataset` and `releases` say of them.

import type { Viewer } from "@oess/app";
import { createTestDatabase, type TestDatabase } from "@oess/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, type GraphqlResult, runner } from "./fixtures";

let db: TestDatabase;
let t: ReturnType<typeof runner>;
let admin: Viewer;
let editor: Viewer;
beforeAll(async () => {
  db = await createTestDatabase({ seed: true });
  t = runner(db);
  [admin, editor] = await Promise.all([t.viewerOf(DEMO.admin), t.viewerOf(DEMO.editorCan)]);
});
afterAll(() => db.dispose());

const TAKE = "mutation ($note: String) { createRelease(note: $note) { version note releasedAt dataPackageUrl citation changes { dataset added rows } } }";
const DATASET = "{ dataset { version releasedAt citation } }";

describe("dataset versions", () => {
  it("has none before the first: no version, no citation", async () => {
    expect((await t.run(DATASET)).data.dataset).toEqual({ version: null, releasedAt: null, citation: null });
    expect((await t.run("{ releases { version } }")).data.releases).toEqual([]);
  });

  it("lets only the coordination take a version, and takes none when nothing published changed", async () => {
    expect((await t.run(TAKE)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect((await t.run(TAKE, {}, editor)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await t.run(TAKE, { note: "x".repeat(501) }, admin)).errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "note" });

    const first = await t.run(TAKE, { note: "  Bilan 2025  " }, admin);
    expect(first.errors).toBeUndefined();
    const release = first.data.createRelease;
    expect(release).toMatchObject({ version: 1, note: "Bilan 2025", dataPackageUrl: "https://api.test/opendata/v/1/datapackage.json" });
    const published = await db.prisma.funding.count({ where: { status: "PUBLISHED" } });
    expect(release.changes.find((c: { dataset: string }) => c.dataset === "fundings")).toEqual({ dataset: "fundings", added: published, rows: published });
    expect(release.citation).toContain("(version 1 du ");
    expect(release.citation).toContain("https://api.test/opendata/v/1/datapackage.json");

    const again = await t.run(TAKE, {}, admin);
    expect(again.errors).toBeUndefined();
    expect(again.data.createRelease).toBeNull();
  });

  it("names the latest version in `dataset`, lists every version newest first, and refuses an odd page", async () => {
    await db.sql.query("UPDATE funding SET amount = amount + 1 WHERE id = (SELECT id FROM funding WHERE status = 'PUBLISHED' LIMIT 1)");
    expect((await t.run(TAKE, {}, admin)).data.createRelease.version).toBe(2);
    const { dataset } = (await t.run(DATASET)).data;
    expect(dataset.version).toBe(2);
    expect(dataset.citation).toContain("/opendata/v/2/datapackage.json");
    const [row] = await db.sql.query<{ released_at: Date | string }>("SELECT released_at FROM release WHERE number = 2");
    expect(Date.parse(dataset.releasedAt)).toBe(new Date(row?.released_at ?? 0).getTime());

    const list = (await t.run("{ releases { version changes { dataset corrected } } }")).data.releases;
    expect(list.map((r: { version: number }) => r.version)).toEqual([2, 1]);
    expect(list[0].changes.find((c: { dataset: string }) => c.dataset === "fundings").corrected).toBe(1);
    expect((await t.run("{ releases(first: 1) { version } }")).data.releases).toEqual([{ version: 2 }]);
    expect((await t.run("{ releases(first: 0) { version } }")).errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "first" });
  });

  const PAGE = `query ($version: Int!, $first: Int, $after: String, $last: Int, $before: String) {
    asOf(version: $version) {
      version
      fundings(first: $first, after: $after, last: $last, before: $before) {
        totalCount
        edges { cursor node { id funderId amount year decisionDate conventionDate publishedAt } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }
  }`;
  type FundingRow = { id: string; amount: string; year: number; decisionDate: string; conventionDate: string | null; publishedAt: string };

  it("pages one version's rows unchanged while publications and new versions happen at the same time", async () => {
    // What version 2 holds, read from the tables themselves (nothing has changed since it was taken).
    const expected = await db.sql.query<{ id: string; amount: string; year: number; decision_date: string }>(
      "SELECT id::text AS id, amount::text AS amount, year, to_char(decision_date, 'YYYY-MM-DD') AS decision_date FROM funding WHERE status = 'PUBLISHED' ORDER BY id",
    );
    const changes = [
      "UPDATE funding SET amount = amount + 100 WHERE id = (SELECT id FROM funding WHERE status = 'PUBLISHED' ORDER BY id LIMIT 1)",
      "UPDATE funding SET status = 'DRAFT', published_at = NULL WHERE id = (SELECT id FROM funding WHERE status = 'PUBLISHED' ORDER BY id DESC LIMIT 1)",
      "UPDATE funding SET amount = amount + 1 WHERE status = 'PUBLISHED' AND year = 2024",
    ];
    const seen: FundingRow[] = [];
    let after: string | null = null;
    let page = 0;
    for (;;) {
      // Each page is read while a publication and a new version are under way.
      const [result]: [GraphqlResult, unknown] = await Promise.all([
        t.run(PAGE, { version: 2, first: 100, after }),
        (async () => {
          const change = changes[page % changes.length] as string;
          await db.sql.query(change);
          await t.run(TAKE, {}, admin);
        })(),
      ]);
      expect(result.errors).toBeUndefined();
      const fundings: { totalCount: number; edges: Array<{ node: FundingRow }>; pageInfo: { hasNextPage: boolean; endCursor: string } } =
        result.data.asOf.fundings;
      expect(fundings.totalCount).toBe(expected.length);
      seen.push(...fundings.edges.map((e) => e.node));
      page += 1;
      if (!fundings.pageInfo.hasNextPage) break;
      after = fundings.pageInfo.endCursor;
    }
    expect(page).toBe(Math.ceil(expected.length / 100));
    expect(seen.map((f) => [f.id, f.amount, f.year, f.decisionDate])).toEqual(expected.map((f) => [f.id, f.amount, f.year, f.decision_date]));
    // The publications did make new versions, which see them.
    const latest = (await t.run(DATASET)).data.dataset.version;
    expect(latest).toBeGreaterThan(2);
    const now = await t.run(PAGE, { version: latest, first: 100 });
    const [published] = await db.sql.query<{ n: number }>("SELECT count(*)::int AS n FROM funding WHERE status = 'PUBLISHED'");
    expect(published?.n).toBeLessThan(expected.length);
    expect(now.data.asOf.fundings.totalCount).toBe(published?.n);
  });

  it("gives a version's rows exactly as its frozen file, typed, and pages backwards from the end", async () => {
    const csv = await db.sql.query<{ data: string }>(
      "SELECT data::text AS data FROM release_row WHERE dataset = 'fundings' AND valid_from <= 2 AND (valid_to IS NULL OR valid_to > 2) ORDER BY row_key DESC LIMIT 3",
    );
    const last = await t.run(PAGE, { version: 2, last: 3 });
    expect(last.errors).toBeUndefined();
    const nodes: FundingRow[] = last.data.asOf.fundings.edges.map((e: { node: FundingRow }) => e.node);
    expect(nodes.map((n) => n.id)).toEqual(csv.map((r) => JSON.parse(r.data)[0]).reverse());
    expect(last.data.asOf.fundings.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    for (const node of nodes) {
      expect(node.amount).toMatch(/^\d+\.\d{2}$/);
      expect(node.decisionDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Number.isNaN(Date.parse(node.publishedAt))).toBe(false);
    }
    const before = await t.run(PAGE, { version: 2, last: 2, before: last.data.asOf.fundings.pageInfo.startCursor });
    const all = await t.run(PAGE, { version: 2, last: 5 });
    expect([...before.data.asOf.fundings.edges, ...last.data.asOf.fundings.edges].map((e: { node: FundingRow }) => e.node.id)).toEqual(
      all.data.asOf.fundings.edges.map((e: { node: FundingRow }) => e.node.id),
    );
  });

  it("gives every dataset of a version, the protected jobs table with its « s » cells as null", async () => {
    const result = await t.run(`{ asOf(version: 1) {
      communes(first: 1) { totalCount } partners(first: 1) { totalCount } enterprises(first: 1) { totalCount edges { node { siren legalCategory foundedOn } } }
      incubations(first: 1) { totalCount } indicators(first: 1) { totalCount } scdlSubventions(first: 1) { totalCount edges { node { montant idAttribuant } } }
      jobs(first: 100) { totalCount edges { node { year level communeCode jobsCreated fte jobsFlag } } }
    } }`);
    expect(result.errors).toBeUndefined();
    const version = result.data.asOf;
    const counts = (await t.run("{ releases(first: 100) { version changes { dataset rows } } }")).data.releases.find(
      (r: { version: number }) => r.version === 1,
    ).changes;
    for (const [field, dataset] of [
      ["communes", "communes"],
      ["partners", "partners"],
      ["enterprises", "enterprises"],
      ["incubations", "incubations"],
      ["indicators", "indicators"],
      ["scdlSubventions", "scdl-subventions"],
      ["jobs", "jobs"],
    ]) {
      expect(version[field as string].totalCount).toBe(counts.find((c: { dataset: string }) => c.dataset === dataset).rows);
      expect(version[field as string].totalCount).toBeGreaterThan(0);
    }
    const jobs: Array<{ jobsCreated: number | null; fte: string | null; jobsFlag: string | null }> = version.jobs.edges.map((e: { node: unknown }) => e.node);
    expect(jobs.some((j) => j.jobsFlag === "s")).toBe(true);
    for (const j of jobs) expect(j.jobsFlag === "s").toBe(j.jobsCreated === null && j.fte === null);
  });

  it("says which versions exist, and refuses a foreign cursor and first with last", async () => {
    const missing = await t.run(PAGE, { version: 99, first: 1 });
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: "NOT_FOUND", argument: "asOf" });
    expect(missing.errors?.[0]?.message).toMatch(/^asOf: there is no version 99; versions run from 1 to \d+\.$/);
    expect((await t.run(PAGE, { version: 1, first: 5, last: 2 })).errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "last" });
    expect((await t.run(PAGE, { version: 1, first: 101 })).errors?.[0]?.extensions?.code).toBe("PAGE_SIZE_LIMIT");
    expect((await t.run(PAGE, { version: 1, first: 5, after: "not a cursor!" })).errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      argument: "after",
    });
  });

  const INDICATORS = `query ($groupBy: [IndicatorDimension!]!, $asOf: Int, $where: IndicatorWhere) {
    indicators(groupBy: $groupBy, asOf: $asOf, where: $where) {
      year communeCode legalFamily partnerId instrument aidNature incubationOutcome nafSection cooperativeKind legalCategory { code }
      jobsCreated fullTimeEquivalents jobsSecret enterprisesIncubated enterprisesCreated fundingAmount fundingCount
    }
  }`;
  type Indicator = Record<string, unknown> & { jobsCreated: number | null; fullTimeEquivalents: string | null; jobsSecret: string | null };
  const JOBS = ["jobsCreated", "fullTimeEquivalents", "jobsSecret"];
  const keyOf = (row: Indicator) => JSON.stringify(Object.entries(row).filter(([k]) => !JOBS.includes(k) && !/^(enterprises|funding)/.test(k)));
  const withoutJobs = (row: Indicator) => Object.fromEntries(Object.entries(row).filter(([k]) => !JOBS.includes(k)));

  it("gives a version's indicators, headline figures and survival as they were, to every reader, while the data moves on", async () => {
    const latest: number = (await t.run(DATASET)).data.dataset.version;
    const cases: Array<{ groupBy: string[]; where?: Record<string, unknown> }> = [
      { groupBy: [] },
      { groupBy: ["YEAR"] },
      { groupBy: ["YEAR", "COMMUNE", "LEGAL_FAMILY"] },
      { groupBy: ["COMMUNE"], where: { fromYear: 2022, legalFamilies: ["ASSOCIATION", "COOPERATIVE"] } },
      { groupBy: ["PARTNER", "YEAR"] },
      { groupBy: ["NAF_SECTION"] },
      { groupBy: ["INSTRUMENT", "AID_NATURE"] },
      { groupBy: ["INCUBATION_OUTCOME", "LEGAL_CATEGORY", "COOPERATIVE_KIND"] },
    ];
    const answers: unknown[] = [];
    for (const { groupBy, where } of cases) {
      const [version, truth, anonymous] = await Promise.all([
        t.run(INDICATORS, { groupBy, where, asOf: latest }, editor),
        t.run(INDICATORS, { groupBy, where }, admin),
        t.run(INDICATORS, { groupBy, where }),
      ]);
      expect(version.errors).toBeUndefined();
      const rows: Indicator[] = version.data.indicators;
      const truthRows: Indicator[] = truth.data.indicators;
      // Every figure but jobs is the current one: nothing changed since the version was taken.
      expect(rows.map(withoutJobs)).toEqual(truthRows.map(withoutJobs));
      expect(rows.length).toBeGreaterThan(0);
      for (const [i, row] of rows.entries()) {
        // A jobs figure the version gives is the true one; one it hides is null, with a reason.
        if (row.jobsSecret === null) expect([row.jobsCreated, row.fullTimeEquivalents]).toEqual([truthRows[i]?.jobsCreated, truthRows[i]?.fullTimeEquivalents]);
        else expect([row.jobsCreated, row.fullTimeEquivalents]).toEqual([null, null]);
      }
      if (groupBy.includes("NAF_SECTION")) expect(new Set(rows.map((r) => r.jobsSecret))).toEqual(new Set(["FINER_THAN_PUBLISHED"]));
      if (groupBy.length === 3 && groupBy.includes("COMMUNE")) {
        // At the table's own grain, the version hides exactly the cells published as secret.
        const secret = new Map((anonymous.data.indicators as Indicator[]).map((r) => [keyOf(r), r.jobsSecret !== null]));
        expect(rows.map((r) => r.jobsSecret !== null)).toEqual(rows.map((r) => secret.get(keyOf(r))));
        expect(rows.some((r) => r.jobsSecret === "SECRET_IN_VERSION")).toBe(true);
        expect(rows.some((r) => r.jobsSecret === null && (r.jobsCreated ?? 0) > 0)).toBe(true);
      }
      answers.push(version.data);
    }
    const HEADLINE =
      "query ($asOf: Int) { headlineFigures(fromYear: 2021, toYear: 2024, asOf: $asOf) { jobsCreated jobsSecret enterprisesIncubated fundingAmount fundingCount } }";
    const headline = (await t.run(HEADLINE, { asOf: latest })).data.headlineFigures;
    expect(headline).toEqual((await t.run(HEADLINE)).data.headlineFigures);
    const SURVIVAL = "query ($asOf: Int, $where: IndicatorWhere) { survival(asOf: $asOf, where: $where) { foundingYear created survivors } }";
    const survival = [
      (await t.run(SURVIVAL, { asOf: latest })).data.survival,
      (await t.run(SURVIVAL, { asOf: latest, where: { legalFamilies: ["COOPERATIVE"] } })).data.survival,
    ];
    expect(survival).toEqual([(await t.run(SURVIVAL)).data.survival, (await t.run(SURVIVAL, { where: { legalFamilies: ["COOPERATIVE"] } })).data.survival]);
    expect(survival[0].some((c: { survivors: number | null }) => c.survivors !== null)).toBe(true);

    await db.sql.query("UPDATE funding SET amount = amount + 1000 WHERE status = 'PUBLISHED'");
    await db.sql.query(
      "UPDATE enterprise SET status = 'DRAFT', published_at = NULL WHERE id = (SELECT id FROM enterprise WHERE status = 'PUBLISHED' ORDER BY id LIMIT 1)",
    );
    for (const [i, { groupBy, where }] of cases.entries()) {
      expect((await t.run(INDICATORS, { groupBy, where, asOf: latest })).data).toEqual(answers[i]);
    }
    expect((await t.run(HEADLINE, { asOf: latest })).data.headlineFigures).toEqual(headline);
    expect((await t.run(SURVIVAL, { asOf: latest })).data.survival).toEqual(survival[0]);
    expect((await t.run(SURVIVAL)).data.survival).not.toEqual(survival[0]);
    expect((await t.run(HEADLINE)).data.headlineFigures.fundingAmount).not.toBe(headline.fundingAmount);

    expect((await t.run("{ dataset(asOf: 1) { version citation } }")).data.dataset).toMatchObject({ version: 1 });
    expect((await t.run("{ dataset(asOf: 1) { citation } }")).data.dataset.citation).toContain("/opendata/v/1/datapackage.json");
    expect((await t.run(HEADLINE, { asOf: 0 })).errors?.[0]?.extensions).toMatchObject({ code: "NOT_FOUND", argument: "asOf" });
  });
});
