// The rollups of the published facts (migration 0012_indicator_rollup) against the facts
// themselves: after any sequence of writes — records created, published, corrected, rejected,
// unpublished, deleted, enterprises moved — the indicators summed from the rollups equal those
// recomputed from the records, for every grouping, on PGlite and on PostgreSQL.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SqlExecutor } from "./driver";
import { computeIndicators, type IndicatorDimension, type IndicatorMeasure } from "./queries/indicators";
import { createTestDatabase, type TestDatabase } from "./testing";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase({ seed: true });
});
afterAll(() => db.dispose());

const FACT_TABLES = ["job_record", "incubation", "funding", "enterprise"] as const;
type FactTable = (typeof FACT_TABLES)[number];
const STATUSES = ["DRAFT", "SUBMITTED", "PUBLISHED", "REJECTED"] as const;

/** The `pick`-th row of a table (modulo its size), in a stable order. */
const nth = (table: FactTable, pick: number, where = "true") =>
  `(SELECT id FROM ${table} WHERE ${where} ORDER BY id OFFSET ${pick} % greatest(1, (SELECT count(*) FROM ${table} WHERE ${where})) LIMIT 1)`;

/** What a sequence may do, each as SQL on one transaction. */
const operation = fc.oneof(
  // Publish, reject, submit or take back one record.
  fc.record({ table: fc.constantFrom(...FACT_TABLES), pick: fc.nat(), status: fc.constantFrom(...STATUSES) }).map(({ table, pick, status }) => ({
    label: `${table} #${pick} → ${status}`,
    sql: `UPDATE ${table} SET status = '${status}' WHERE id = ${nth(table, pick)}`,
  })),
  // Publish or unpublish many at once (a bulk publication: one statement).
  fc
    .record({ table: fc.constantFrom("job_record", "funding"), year: fc.integer({ min: 2014, max: 2025 }), status: fc.constantFrom(...STATUSES) })
    .map(({ table, year, status }) => ({ label: `${table} of ${year} → ${status}`, sql: `UPDATE ${table} SET status = '${status}' WHERE year = ${year}` })),
  // Corrections of what a record counts or where it falls.
  fc.record({ pick: fc.nat(), amount: fc.integer({ min: 0, max: 500_000 }), year: fc.integer({ min: 2014, max: 2025 }) }).map(({ pick, amount, year }) => ({
    label: `funding #${pick}: ${amount} € in ${year}`,
    sql: `UPDATE funding SET amount = ${amount}.5, year = ${year} WHERE id = ${nth("funding", pick)}`,
  })),
  fc.record({ pick: fc.nat(), jobs: fc.integer({ min: 0, max: 40 }) }).map(({ pick, jobs }) => ({
    label: `job record #${pick}: ${jobs} jobs`,
    sql: `UPDATE job_record SET jobs_created = ${jobs}, fte = ${jobs} * 0.75 WHERE id = ${nth("job_record", pick)}`,
  })),
  fc.record({ pick: fc.nat(), year: fc.integer({ min: 2014, max: 2025 }) }).map(({ pick, year }) => ({
    label: `incubation #${pick} from ${year}`,
    sql: `UPDATE incubation SET start_date = least(make_date(${year}, 3, 1), end_date) WHERE id = ${nth("incubation", pick)}`,
  })),
  // An enterprise moves or changes its creation date: all its records move with it (its other
  // dimensions take the same path through the triggers).
  fc.record({ pick: fc.nat(), commune: fc.nat(), year: fc.option(fc.integer({ min: 2010, max: 2025 }), { nil: null }) }).map(({ pick, commune, year }) => ({
    label: `enterprise #${pick} moves to commune #${commune}, founded ${year}`,
    sql: `UPDATE enterprise SET commune_code = (SELECT code FROM commune ORDER BY code OFFSET ${commune} % (SELECT count(*) FROM commune) LIMIT 1),
            founded_on = ${year === null ? "NULL" : `CASE WHEN siret IS NULL AND rna IS NULL THEN NULL ELSE make_date(${year}, 6, 1) END`}, ceased_on = NULL WHERE id = ${nth("enterprise", pick)}`,
  })),
  // New records (copies of existing ones, new identity), drafts or published at once.
  fc
    .record({ table: fc.constantFrom("funding", "incubation", "job_record"), pick: fc.nat(), status: fc.constantFrom(...STATUSES) })
    .map(({ table, pick, status }) => ({
      label: `new ${table} like #${pick}, ${status}`,
      sql: `INSERT INTO ${table} SELECT (jsonb_populate_record(NULL::${table}, to_jsonb(t) || jsonb_build_object('id', gen_random_uuid(), 'status', '${status}',
            'seq', nextval(pg_get_serial_sequence('${table}', 'seq'))${table === "job_record" ? ", 'year', t.year + 20" : ""}))).* FROM ${table} t WHERE id = ${nth(table, pick)}
          ON CONFLICT DO NOTHING`,
    })),
  // Records deleted (drafts thrown away, or a published one removed by an administrator).
  fc.record({ table: fc.constantFrom("funding", "job_record", "incubation"), pick: fc.nat() }).map(({ table, pick }) => ({
    label: `${table} #${pick} deleted`,
    sql: `DELETE FROM ${table} WHERE id = ${nth(table, pick)}`,
  })),
);

/** Thrown to end a run's transaction without keeping anything. */
class RolledBack extends Error {}

async function inTransaction(work: (tx: SqlExecutor) => Promise<void>) {
  await db.sql
    .transaction(async (tx) => {
      await work(tx);
      throw new RolledBack();
    })
    .catch((error) => {
      if (!(error instanceof RolledBack)) throw error;
    });
}

// The finest grouping of each rollup (every row of it, summed over sources), coarser ones, and
// the measures of one source only (the combinations that source alone gives).
const GROUPINGS: ReadonlyArray<{ groupBy: readonly IndicatorDimension[]; measures?: readonly IndicatorMeasure[] }> = [
  { groupBy: ["YEAR", "PARTNER", "INSTRUMENT", "AID_NATURE", "INCUBATION_OUTCOME"] },
  { groupBy: ["YEAR", "COMMUNE", "LEGAL_FAMILY", "PARTNER", "INSTRUMENT", "AID_NATURE", "INCUBATION_OUTCOME"] },
  { groupBy: ["YEAR"] },
  { groupBy: ["PARTNER"], measures: ["fundingAmount", "fundingCount"] },
  { groupBy: ["COMMUNE", "LEGAL_FAMILY"], measures: ["jobsCreated", "fullTimeEquivalents"] },
  { groupBy: ["INCUBATION_OUTCOME", "YEAR"], measures: ["enterprisesIncubated"] },
];

async function expectRollupExact(tx: SqlExecutor, context: string) {
  for (const { groupBy, measures } of GROUPINGS) {
    const fromRollup = await computeIndicators(tx, groupBy, {}, measures);
    const fromRecords = await computeIndicators(tx, groupBy, {}, measures, "");
    expect(fromRollup, `${context} — by ${groupBy.join(", ")}`).toEqual(fromRecords);
  }
  const emptied = await tx.query<{ n: number }>(
    "SELECT (SELECT count(*) FROM indicator_rollup WHERE facts <= 0) + (SELECT count(*) FROM indicator_rollup_partner WHERE facts <= 0) AS n",
  );
  expect(Number(emptied[0]?.n), context).toBe(0);
}

describe("the indicator rollup", () => {
  it("holds the published facts of the demo data, as recomputed from the records", async () => {
    const [{ n } = { n: 0 }] = await db.sql.query<{ n: number }>("SELECT count(*)::int AS n FROM indicator_rollup");
    expect(n).toBeGreaterThan(100);
    await inTransaction((tx) => expectRollupExact(tx, "after the seed"));
  });

  it("stays equal to the recomputation after any sequence of creations, publications, corrections, rejections, unpublications and deletions", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 8 }), async (operations) => {
        await inTransaction(async (tx) => {
          for (const op of operations) await tx.query(op.sql);
          await expectRollupExact(tx, operations.map((op) => op.label).join("; "));
        });
      }),
      { numRuns: 25 },
    );
  });

  it("empties with the tables it sums (TRUNCATE)", async () => {
    await inTransaction(async (tx) => {
      await tx.query("TRUNCATE funding");
      for (const table of ["indicator_rollup", "indicator_rollup_partner"]) {
        const sources = await tx.query<{ source: number }>(`SELECT DISTINCT source FROM ${table} ORDER BY source`);
        expect(sources.map((s) => s.source)).toEqual([1, 2, 3]);
      }
      await expectRollupExact(tx, "funding truncated");
    });
  });
});
