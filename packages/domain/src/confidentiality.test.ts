import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CellStats, DEFAULT_SECRECY_RULES, type JobsCell, JobsProtection, type JobsQuery, type SecrecyRules } from "./confidentiality";

const COMMUNES = ["79191", "79048", "79300", "79270"];
const FAMILIES = ["ASSOCIATION", "COOPERATIVE", "MUTUAL"];
const YEARS = [2023, 2024];

interface Contribution {
  enterprise: number;
  year: number;
  commune: string;
  family: string;
  jobs: number;
  fte: number;
}

/** Enterprises (each in one commune and family) and their jobs in some of the years. */
const contributions = fc
  .array(fc.record({ commune: fc.constantFrom(...COMMUNES), family: fc.constantFrom(...FAMILIES) }), { minLength: 1, maxLength: 14 })
  .chain((enterprises) =>
    fc.tuple(
      ...enterprises.map((e, enterprise) =>
        fc
          .subarray(YEARS)
          .chain((years) =>
            fc.tuple(...years.map((year) => fc.record({ jobs: fc.nat(12), fte: fc.nat(12) }).map(({ jobs, fte }) => ({ enterprise, year, ...e, jobs, fte })))),
          ),
      ),
    ),
  )
  .map((perEnterprise) => perEnterprise.flat());

const rules = fc.record({ minContributors: fc.integer({ min: 1, max: 4 }), dominancePercent: fc.integer({ min: 50, max: 100 }) });

/** The cells and margins of each year, aggregated here independently of the code under test. */
function cellsOf(list: readonly Contribution[]): JobsCell[] {
  const cells = new Map<string, JobsCell>();
  for (const c of list) {
    for (const commune of [c.commune, null]) {
      for (const family of [c.family, null]) {
        const key = `${c.year}|${commune}|${family}`;
        const cell = cells.get(key) ?? { year: c.year, commune, family, contributors: 0, jobs: 0, maxJobs: 0, fte: 0, maxFte: 0 };
        cells.set(key, {
          ...cell,
          contributors: cell.contributors + 1,
          jobs: cell.jobs + c.jobs,
          maxJobs: Math.max(cell.maxJobs, c.jobs),
          fte: cell.fte + c.fte,
          maxFte: Math.max(cell.maxFte, c.fte),
        });
      }
    }
  }
  return [...cells.values()];
}

/** The inner cells (year, commune, family) that have contributions: the unknowns of an attacker. */
const innerCells = (cells: readonly JobsCell[]) => cells.filter((c) => c.commune !== null && c.family !== null);

/** A figure as a 0/1 vector over the inner cells it adds up. */
const vectorOf = (inner: readonly JobsCell[], covers: (c: JobsCell) => boolean) => inner.map((c) => (covers(c) ? 1n : 0n));
const coversCell = (cell: JobsCell) => (c: JobsCell) =>
  c.year === cell.year && (cell.commune === null || c.commune === cell.commune) && (cell.family === null || c.family === cell.family);
const coversQuery = (q: JobsQuery) => (c: JobsCell) =>
  q.years.includes(c.year) && (q.communes === null || q.communes.includes(c.commune ?? "")) && (q.families === null || q.families.includes(c.family ?? ""));

/** Rank over the rationals, by fraction-free Gaussian elimination on integers. */
function rank(vectors: readonly bigint[][]): number {
  const rows = vectors.map((v) => [...v]);
  const width = rows[0]?.length ?? 0;
  let r = 0;
  for (let col = 0; col < width && r < rows.length; col++) {
    const pivot = rows.findIndex((row, i) => i >= r && row[col] !== 0n);
    if (pivot < 0) continue;
    [rows[r], rows[pivot]] = [rows[pivot] as bigint[], rows[r] as bigint[]];
    const p = rows[r] as bigint[];
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as bigint[];
      if (i === r || row[col] === 0n) continue;
      const factor = row[col] as bigint;
      rows[i] = row.map((x, j) => x * (p[col] as bigint) - (p[j] as bigint) * factor);
    }
    r++;
  }
  return r;
}

/** True when `target` is a linear combination of `published`: what subtraction can recover. */
const recoverable = (published: readonly bigint[][], target: bigint[]) => rank([...published, target]) === rank(published);

const query = fc.record({
  years: fc.subarray(YEARS, { minLength: 1 }),
  communes: fc.option(fc.subarray(COMMUNES, { minLength: 1 }), { nil: null }),
  families: fc.option(fc.subarray(FAMILIES, { minLength: 1 }), { nil: null }),
});

function primaryHolds(stats: CellStats, r: SecrecyRules): boolean {
  const share = (max: number, total: number) => (total > 0 ? (100 * max) / total : 0);
  return (
    stats.contributors >= r.minContributors &&
    (r.dominancePercent >= 100 || Math.max(share(stats.maxJobs, stats.jobs), share(stats.maxFte, stats.fte)) < r.dominancePercent)
  );
}

describe("statistical confidentiality of jobs", () => {
  it("publishes only cells that pass the rules, and no secret cell is recoverable by subtraction from the published ones", () => {
    fc.assert(
      fc.property(contributions, rules, (list, r) => {
        const cells = cellsOf(list);
        const protection = new JobsProtection(cells, r);
        const inner = innerCells(cells);
        const published: bigint[][] = [];
        const secret: JobsCell[] = [];
        for (const cell of protection.cells()) {
          if (cell.secret === null) {
            expect(primaryHolds(cell, r), `${cell.year} ${cell.commune} ${cell.family}`).toBe(true);
            published.push(vectorOf(inner, coversCell(cell)));
          } else secret.push(cell);
        }
        for (const cell of secret) expect(recoverable(published, vectorOf(inner, coversCell(cell))), `${cell.year} ${cell.commune} ${cell.family}`).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it("answers any other figure exactly when the published cells determine it", () => {
    fc.assert(
      fc.property(contributions, rules, query, (list, r, q) => {
        const cells = cellsOf(list);
        const protection = new JobsProtection(cells, r);
        const inner = innerCells(cells);
        const published = [...protection.cells()].filter((c) => c.secret === null).map((c) => vectorOf(inner, coversCell(c)));
        expect(protection.secrecyOf(q) === null).toBe(recoverable(published, vectorOf(inner, coversQuery(q))));
      }),
      { numRuns: 500 },
    );
  });

  it("says why a cell is secret: few contributors, a dominant one, or protecting another", () => {
    const one = (enterprise: number, commune: string, family: string, jobs: number): Contribution => ({
      enterprise,
      year: 2024,
      commune,
      family,
      jobs,
      fte: jobs,
    });
    const list = [
      one(1, "79191", "ASSOCIATION", 4),
      one(2, "79191", "ASSOCIATION", 5),
      one(3, "79191", "ASSOCIATION", 6),
      one(4, "79191", "COOPERATIVE", 3),
      one(5, "79191", "COOPERATIVE", 3),
      one(6, "79191", "COOPERATIVE", 40),
      one(7, "79048", "ASSOCIATION", 2),
      one(8, "79048", "ASSOCIATION", 2),
      one(9, "79048", "ASSOCIATION", 3),
    ];
    const protection = new JobsProtection(cellsOf(list), DEFAULT_SECRECY_RULES);
    expect(protection.cell(2024, "79191", "COOPERATIVE")?.secret).toBe("DOMINANT_CONTRIBUTOR");
    // Niort's total minus its associations would give its cooperatives: one of the two is hidden too.
    const shown = (commune: string | null, family: string | null) => protection.cell(2024, commune, family)?.secret === null;
    expect(shown("79191", null) && shown("79191", "ASSOCIATION")).toBe(false);
    expect([...protection.cells()].some((c) => c.secret === "COMPLEMENTARY")).toBe(true);
    expect(protection.secrecyOf({ years: [2024], communes: ["79191"], families: ["COOPERATIVE"] })).toBe("DOMINANT_CONTRIBUTOR");
    expect(protection.secrecyOf({ years: [2024], communes: null, families: null })).toBeNull();
    expect(protection.secrecyOf({ years: [2023], communes: null, families: null })).toBeNull();

    const few = new JobsProtection(cellsOf(list.slice(0, 2)), DEFAULT_SECRECY_RULES);
    expect(few.cell(2024, null, null)?.secret).toBe("FEW_CONTRIBUTORS");
  });
});
