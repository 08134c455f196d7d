// Survival of the enterprises the incubator helped create: of those created in a year, how many
// were still active three years later. A cohort is reported only once three full years have
// passed before the last year with published figures.
import type { SqlExecutor } from "../driver";
import { Prisma } from "../generated/prisma/client";
import type { IndicatorFilter } from "./indicators";
import { inList } from "./sql-list";

export const SURVIVAL_YEARS = 3;

export interface SurvivalCohort {
  foundingYear: number;
  created: number;
  /** Null while the cohort is younger than three years at the end of the data. */
  survivors: number | null;
}

/** `tables`: as in computeIndicators, a WITH clause that stands in for the tables (a released version). */
export async function computeSurvival(db: SqlExecutor, filter: IndicatorFilter = {}, tables = ""): Promise<SurvivalCohort[]> {
  // Enterprises carry no funding instrument: such a filter leaves nothing, as in `indicators`.
  if ((filter.instruments?.length ?? 0) > 0) return [];
  const where: Prisma.Sql[] = [];
  if (filter.fromYear != null) where.push(Prisma.sql`extract(year FROM e.founded_on) >= ${filter.fromYear}`);
  if (filter.toYear != null) where.push(Prisma.sql`extract(year FROM e.founded_on) <= ${filter.toYear}`);
  where.push(
    ...[
      inList("e.commune_code", filter.communeCodes),
      inList("e.legal_family::text", filter.legalFamilies),
      inList("i.supporting_partner_id", filter.partnerIds, "::uuid"),
      inList("e.naf_section", filter.nafSections),
    ].filter((c) => c !== null),
  );

  const query = Prisma.sql`${Prisma.raw(tables ? `${tables},` : "WITH")}
    horizon AS (SELECT make_date(max(year), 12, 31) AS last_day FROM job_record WHERE status = 'PUBLISHED')
    SELECT extract(year FROM e.founded_on)::int AS "foundingYear",
      count(DISTINCT e.id)::int AS created,
      CASE WHEN make_date(extract(year FROM e.founded_on)::int + ${SURVIVAL_YEARS}, 12, 31) <= (SELECT last_day FROM horizon)
        THEN count(DISTINCT e.id) FILTER (WHERE e.ceased_on IS NULL OR e.ceased_on >= e.founded_on + make_interval(years => ${SURVIVAL_YEARS}))::int
      END AS survivors
    FROM enterprise e
    JOIN incubation i ON i.enterprise_id = e.id AND i.status = 'PUBLISHED' AND i.outcome = 'CREATED'
    WHERE e.status = 'PUBLISHED' AND e.founded_on IS NOT NULL
      ${where.length > 0 ? Prisma.sql`AND ${Prisma.join(where, " AND ")}` : Prisma.empty}
    GROUP BY 1 ORDER BY 1`;
  return db.query<SurvivalCohort>(query.text, query.values);
}
