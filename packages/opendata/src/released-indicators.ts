// The indicators as a released version gives them (`indicators`, `headlineFigures`, `survival` asOf):
// the same aggregation as the current figures, run over the version's rows instead of the tables.
// A version keeps no one's jobs, only the protected table: jobs figures are read from its cells
// and totals, and one that needs a cell marked « s » is hidden.
import {
  computeIndicators,
  computeSurvival,
  type IndicatorDimension,
  type IndicatorFilter,
  type IndicatorMeasure,
  type IndicatorRow,
  type SqlExecutor,
  type SurvivalCohort,
} from "@oess/db";
import { DATASETS } from "./catalog";
import type { Dataset } from "./dataset";
import { type Release, releasedColumns, releasedRows } from "./releases";

const dataset = (name: string) => DATASETS.find((d) => d.name === name) as Dataset;

/** A WITH entry that stands in for `table`: the version's rows of a dataset, its columns typed. */
function releasedTable(release: Release, table: string, from: string, columns: Record<string, string>): string {
  const names = releasedColumns(release, dataset(from));
  const select = Object.entries(columns).map(([name, type]) => {
    const i = names.indexOf(name);
    // A column the version predates is empty in it.
    return `${i < 0 ? "NULL" : `(data->>${i})`}::${type} AS ${name}`;
  });
  return `${table} AS (SELECT ${select.join(", ")}, 'PUBLISHED' AS status FROM release_row
    WHERE dataset = '${from}' AND valid_from <= ${release.number} AND (valid_to IS NULL OR valid_to > ${release.number}))`;
}

// The jobs table's inner cells become one job record each, of a stand-in enterprise that has the
// cell's commune and family (status CELL: it is no published enterprise, so creates nothing).
const cellId = `md5(year::text || '|' || commune_code || '|' || legal_family)::uuid`;

function versionTables(release: Release): string {
  const jobs = releasedTable(release, "job_cell", "jobs", {
    year: "int",
    level: "text",
    commune_code: "text",
    legal_family: "text",
    jobs_created: "int",
    fte: "numeric",
  });
  return `WITH ${[
    jobs,
    releasedTable(release, "released_enterprise", "enterprises", {
      id: "uuid",
      commune_code: "text",
      legal_family: "text",
      naf_section: "text",
      cooperative_kind: "text",
      legal_category: "text",
      founded_on: "date",
      ceased_on: "date",
    }),
    `enterprise AS (SELECT id, commune_code, legal_family, naf_section, cooperative_kind, legal_category, founded_on, ceased_on, status FROM released_enterprise
      UNION ALL SELECT ${cellId}, commune_code, legal_family, NULL, NULL, NULL, NULL, NULL, 'CELL' FROM job_cell WHERE level = 'commune_family')`,
    `job_record AS (SELECT year, ${cellId} AS enterprise_id, coalesce(jobs_created, 0) AS jobs_created, coalesce(fte, 0) AS fte, status
      FROM job_cell WHERE level = 'commune_family')`,
    releasedTable(release, "incubation", "incubations", { enterprise_id: "uuid", supporting_partner_id: "uuid", start_date: "date", outcome: "text" }),
    releasedTable(release, "funding", "fundings", {
      year: "int",
      funder_id: "uuid",
      beneficiary_enterprise_id: "uuid",
      instrument: "text",
      aid_nature: "text",
      amount: "numeric",
    }),
    releasedTable(release, "commune", "communes", { code: "text", name: "text" }),
    releasedTable(release, "partner", "partners", { id: "uuid", short_name: "text" }),
  ].join(",\n")}`;
}

interface JobsCellFigures {
  jobs: number | null;
  /** In hundredths: sums stay exact. */
  fte: number | null;
}

/** The version's protected jobs table, by year, commune (null: all) and family (null: all). */
async function releasedJobsTable(sql: SqlExecutor, release: Release): Promise<Map<string, JobsCellFigures>> {
  const table = new Map<string, JobsCellFigures>();
  for await (const rows of releasedRows(sql, dataset("jobs"), release)) {
    for (const r of rows) {
      const secret = r.jobs_flag === "s";
      table.set(cellKey(Number(r.year), r.commune_code as string | null, r.legal_family as string | null), {
        jobs: secret ? null : Number(r.jobs_created ?? 0),
        fte: secret ? null : Math.round(Number(r.fte ?? 0) * 100),
      });
    }
  }
  return table;
}

const cellKey = (year: number, commune: string | null, family: string | null) => `${year}|${commune ?? ""}|${family ?? ""}`;

const FINER: readonly IndicatorDimension[] = ["NAF_SECTION", "COOPERATIVE_KIND", "LEGAL_CATEGORY"];
const some = (values: readonly unknown[] | null | undefined) => (values?.length ?? 0) > 0;

/** The indicators of a released version, as `computeIndicators` gives the current ones. */
export async function releasedIndicators(
  sql: SqlExecutor,
  release: Release,
  groupBy: readonly IndicatorDimension[],
  filter: IndicatorFilter,
  measures: readonly IndicatorMeasure[],
): Promise<IndicatorRow[]> {
  const rows = await computeIndicators(sql, groupBy, filter, measures, versionTables(release));
  if (!measures.some((m) => m === "jobsCreated" || m === "fullTimeEquivalents")) return rows;
  // Jobs have no partner, instrument, aid nature nor outcome: such a filter or row holds none.
  if ([filter.partnerIds, filter.instruments, filter.aidNatures, filter.incubationOutcomes].some(some)) return rows;
  const finer = groupBy.some((d) => FINER.includes(d)) || [filter.nafSections, filter.cooperativeKinds, filter.legalCategories].some(some);
  const table = await releasedJobsTable(sql, release);
  const tableYears = [...new Set([...table.keys()].map((k) => Number(k.split("|")[0])))].filter(
    (y) => (filter.fromYear == null || y >= filter.fromYear) && (filter.toYear == null || y <= filter.toYear),
  );
  const within = (grouped: boolean, value: string | null, filtered: readonly string[] | null | undefined) =>
    grouped ? [value] : some(filtered) ? (filtered as readonly string[]) : [null];
  return rows.map((row) => {
    if (row.partnerId !== null || row.instrument !== null || row.aidNature !== null || row.incubationOutcome !== null) return row;
    const hidden = (reason: "FINER_THAN_PUBLISHED" | "SECRET_IN_VERSION") => ({ ...row, jobsCreated: null, fullTimeEquivalents: null, jobsSecret: reason });
    if (finer) return hidden("FINER_THAN_PUBLISHED");
    // A row without a commune or family (funding paid to a partner) holds no jobs.
    if ((groupBy.includes("COMMUNE") && row.communeCode === null) || (groupBy.includes("LEGAL_FAMILY") && row.legalFamily === null)) return row;
    const communes = within(groupBy.includes("COMMUNE"), row.communeCode, filter.communeCodes);
    const families = within(groupBy.includes("LEGAL_FAMILY"), row.legalFamily, filter.legalFamilies);
    let jobs = 0;
    let fteHundredths = 0;
    for (const year of groupBy.includes("YEAR") ? [row.year as number] : tableYears) {
      for (const commune of communes) {
        for (const family of families) {
          // A cell or total the table does not have holds no jobs.
          const cell = table.get(cellKey(year, commune, family)) ?? { jobs: 0, fte: 0 };
          if (cell.jobs === null || cell.fte === null) return hidden("SECRET_IN_VERSION");
          jobs += cell.jobs;
          fteHundredths += cell.fte;
        }
      }
    }
    return { ...row, jobsCreated: jobs, fullTimeEquivalents: (fteHundredths / 100).toFixed(2) };
  });
}

/** Survival of the version's cohorts; its horizon is the last year of its jobs table. */
export const releasedSurvival = (sql: SqlExecutor, release: Release, filter: IndicatorFilter): Promise<SurvivalCohort[]> =>
  computeSurvival(sql, filter, versionTables(release));
