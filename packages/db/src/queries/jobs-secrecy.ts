// Statistical confidentiality applied to what anonymous readers get: the protected jobs table
// (see @oess/domain's confidentiality), read once per data version, and the indicator rows whose
// jobs it may not give.
import { DEFAULT_SECRECY_RULES, type JobsCell, JobsProtection, type SecrecyRules } from "@oess/domain";
import { uncancellable } from "../cancellation";
import type { SqlExecutor } from "../driver";
import type { IndicatorDimension, IndicatorFilter, IndicatorRow } from "./indicators";

const RULES_KEY = "statistical_secrecy";

/** The thresholds in force: those stored at start-up (see saveSecrecyRules), else the defaults. */
export async function secrecyRules(db: SqlExecutor): Promise<SecrecyRules> {
  const [row] = await db.query<{ value: unknown }>("SELECT value FROM app_setting WHERE key = $1", [RULES_KEY]);
  const value = (typeof row?.value === "string" ? JSON.parse(row.value) : row?.value) as Partial<SecrecyRules> | undefined;
  return { ...DEFAULT_SECRECY_RULES, ...value };
}

/**
 * Stores the thresholds every process (API, exports, dataset versions) applies. Only new ones are
 * written: any statement on app_setting counts as a data change (caches, ETags, the next dataset
 * version compares every dataset), and every start-up stores the thresholds again.
 */
export async function saveSecrecyRules(db: SqlExecutor, rules: SecrecyRules): Promise<void> {
  const value = JSON.stringify(rules);
  const [stored] = await db.query<{ same: boolean }>("SELECT value = $2::jsonb AS same FROM app_setting WHERE key = $1", [RULES_KEY, value]);
  if (stored?.same) return;
  await db.query(`INSERT INTO app_setting (key, value) VALUES ($1, $2::jsonb) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()`, [
    RULES_KEY,
    value,
  ]);
}

// Every cell and margin of every year's table in one statement. FTE are counted in hundredths,
// whole numbers: the dominance rule compares them exactly.
const CELLS_SQL = `
  SELECT j.year, e.commune_code AS commune, e.legal_family::text AS family, count(*)::int AS contributors,
         sum(j.jobs_created)::float8 AS jobs, max(j.jobs_created)::float8 AS "maxJobs",
         (sum(j.fte) * 100)::float8 AS fte, (max(j.fte) * 100)::float8 AS "maxFte"
    FROM job_record j JOIN enterprise e ON e.id = j.enterprise_id
   WHERE j.status = 'PUBLISHED'
   GROUP BY GROUPING SETS ((j.year, e.commune_code, e.legal_family), (j.year, e.commune_code), (j.year, e.legal_family), (j.year))`;

type Built = Promise<{ protection: JobsProtection; rules: SecrecyRules }>;
/** Per database handle (a test process may open several), the latest table and what it was built from. */
const cache = new WeakMap<SqlExecutor, { key: string; built: Built }>();

/** The protected jobs tables as of the data the caller sees; built once per data version and thresholds. */
export async function jobsProtection(db: SqlExecutor): Built {
  const [state] = await db.query<{ version: string }>("SELECT coalesce((SELECT version::text FROM data_change WHERE id = 1), '0') AS version");
  const rules = await secrecyRules(db);
  const key = `${state?.version}|${JSON.stringify(rules)}`;
  const cached = cache.get(db);
  if (cached?.key === key) return cached.built;
  // Shared by every request that asks before the data changes: the one that started it may leave.
  const built = uncancellable(() => db.query<JobsCell>(CELLS_SQL)).then((cells) => ({ protection: new JobsProtection(cells, rules), rules }));
  cache.set(db, { key, built });
  built.catch(() => {
    if (cache.get(db)?.built === built) cache.delete(db);
  });
  return built;
}

/** Grouping or filtering by these splits the protected table's cells: anonymous jobs figures are then secret. */
const FINER_DIMENSIONS: readonly IndicatorDimension[] = ["NAF_SECTION", "COOPERATIVE_KIND", "LEGAL_CATEGORY"];

/** The rows with the jobs an anonymous reader may not get made null, with the reason. */
export function protectJobs(
  protection: JobsProtection,
  rows: readonly IndicatorRow[],
  groupBy: readonly IndicatorDimension[],
  filter: IndicatorFilter,
): IndicatorRow[] {
  const some = (values: readonly unknown[] | null | undefined) => (values?.length ?? 0) > 0;
  // Jobs have no partner, instrument, aid nature nor outcome: a condition on one excludes every job.
  if ([filter.partnerIds, filter.instruments, filter.aidNatures, filter.incubationOutcomes].some(some)) return [...rows];
  const finer = groupBy.some((d) => FINER_DIMENSIONS.includes(d)) || [filter.nafSections, filter.cooperativeKinds, filter.legalCategories].some(some);
  const years = protection.years.filter((y) => (filter.fromYear == null || y >= filter.fromYear) && (filter.toYear == null || y <= filter.toYear));
  const within = (grouped: boolean, value: string | null, filtered: readonly string[] | null | undefined) =>
    grouped ? (value === null ? [] : [value]) : some(filtered) ? (filtered as readonly string[]) : null;
  return rows.map((row) => {
    // A row of funders, instruments, aid natures or outcomes holds no jobs.
    if (row.partnerId !== null || row.instrument !== null || row.aidNature !== null || row.incubationOutcome !== null) return row;
    const reason = finer
      ? "FINER_THAN_PUBLISHED"
      : protection.secrecyOf({
          years: groupBy.includes("YEAR") ? (row.year === null ? [] : [row.year]) : years,
          communes: within(groupBy.includes("COMMUNE"), row.communeCode, filter.communeCodes),
          families: within(groupBy.includes("LEGAL_FAMILY"), row.legalFamily, filter.legalFamilies),
        });
    return reason ? { ...row, jobsCreated: null, fullTimeEquivalents: null, jobsSecret: reason } : row;
  });
}
