// The yearly indicators: one definition, computed by the database (GROUP BY), shared by the
// research API, the dashboard and the open-data `indicators` export so that they never disagree.
// Published records only.
import type { AidNature, CooperativeKind, FundingInstrument, IncubationOutcome, LegalFamily, SecretReason } from "@oess/domain";
import type { SqlExecutor } from "../driver";
import { Prisma } from "../generated/prisma/client";
import { inList } from "./sql-list";

export const INDICATOR_DIMENSIONS = [
  "YEAR",
  "COMMUNE",
  "LEGAL_FAMILY",
  "PARTNER",
  "INSTRUMENT",
  "NAF_SECTION",
  "COOPERATIVE_KIND",
  "AID_NATURE",
  "INCUBATION_OUTCOME",
  "LEGAL_CATEGORY",
] as const;
export type IndicatorDimension = (typeof INDICATOR_DIMENSIONS)[number];

export const INDICATOR_MEASURES = [
  "jobsCreated",
  "fullTimeEquivalents",
  "enterprisesIncubated",
  "enterprisesCreated",
  "fundingAmount",
  "fundingCount",
] as const;
export type IndicatorMeasure = (typeof INDICATOR_MEASURES)[number];

export interface IndicatorFilter {
  fromYear?: number | null;
  toYear?: number | null;
  communeCodes?: readonly string[] | null;
  legalFamilies?: readonly string[] | null;
  partnerIds?: readonly string[] | null;
  instruments?: readonly string[] | null;
  nafSections?: readonly string[] | null;
  cooperativeKinds?: readonly string[] | null;
  aidNatures?: readonly string[] | null;
  incubationOutcomes?: readonly string[] | null;
  legalCategories?: readonly string[] | null;
}

export interface IndicatorRow {
  year: number | null;
  communeCode: string | null;
  communeName: string | null;
  legalFamily: LegalFamily | null;
  partnerId: string | null;
  partnerName: string | null;
  instrument: FundingInstrument | null;
  nafSection: string | null;
  cooperativeKind: CooperativeKind | null;
  aidNature: AidNature | null;
  incubationOutcome: IncubationOutcome | null;
  /** INSEE legal category code. */
  legalCategory: string | null;
  /** Null when statistical confidentiality hides it (see jobsSecret). */
  jobsCreated: number | null;
  fullTimeEquivalents: string | null;
  /** Why the jobs figures are hidden from an anonymous reader (protectJobs), or null. */
  jobsSecret: SecretReason | null;
  enterprisesIncubated: number;
  enterprisesCreated: number;
  fundingAmount: string;
  fundingCount: number;
}

// Each source of facts gives every dimension it has (NULL for those it has not: jobs have no
// partner nor instrument) and the measures it counts. The enterprise's dimensions (commune,
// legal family, NAF section, cooperative kind, legal category) cost a join, made only when one of
// them is grouped or filtered by. Columns: year, the five enterprise ones, partner, instrument,
// aid nature, incubation outcome, then the measures.
interface FactSource {
  /** Its `source` in the rollup (migration 0012_indicator_rollup, whose triggers keep it). */
  id: number;
  measures: readonly IndicatorMeasure[];
  sql: (withEnterprise: boolean) => string;
}

const enterpriseColumns = (withEnterprise: boolean) =>
  withEnterprise
    ? "e.commune_code, e.legal_family::text, e.naf_section, e.cooperative_kind::text, e.legal_category::text"
    : "NULL::text, NULL::text, NULL::text, NULL::text, NULL::text";
/** The dimensions read from the enterprise: grouping by one of them costs the join. */
const ENTERPRISE_DIMENSIONS: readonly IndicatorDimension[] = ["COMMUNE", "LEGAL_FAMILY", "NAF_SECTION", "COOPERATIVE_KIND", "LEGAL_CATEGORY"];
const enterpriseJoin = (withEnterprise: boolean, on: string, kind = "JOIN") => (withEnterprise ? `${kind} enterprise e ON e.id = ${on}` : "");

const FACTS: readonly FactSource[] = [
  {
    id: 1,
    measures: ["jobsCreated", "fullTimeEquivalents"],
    sql: (w) => `SELECT j.year, ${enterpriseColumns(w)}, NULL::uuid, NULL::text, NULL::text, NULL::text, j.jobs_created, j.fte, 0, 0, 0::numeric, 0
      FROM job_record j ${enterpriseJoin(w, "j.enterprise_id")} WHERE j.status = 'PUBLISHED'`,
  },
  {
    id: 2,
    measures: ["enterprisesIncubated"],
    sql: (w) => `SELECT extract(year FROM i.start_date)::int, ${enterpriseColumns(w)}, i.supporting_partner_id, NULL, NULL, i.outcome::text, 0, 0, 1, 0, 0, 0
      FROM incubation i ${enterpriseJoin(w, "i.enterprise_id")} WHERE i.status = 'PUBLISHED'`,
  },
  {
    id: 3,
    measures: ["enterprisesCreated"],
    sql: () => `SELECT extract(year FROM e.founded_on)::int, ${enterpriseColumns(true)}, NULL, NULL, NULL, NULL, 0, 0, 0, 1, 0, 0
      FROM enterprise e WHERE e.status = 'PUBLISHED' AND e.founded_on IS NOT NULL`,
  },
  {
    id: 4,
    measures: ["fundingAmount", "fundingCount"],
    sql: (w) => `SELECT f.year, ${enterpriseColumns(w)}, f.funder_id, f.instrument::text, f.aid_nature::text, NULL, 0, 0, 0, 0, f.amount, 1
      FROM funding f ${enterpriseJoin(w, "f.beneficiary_enterprise_id", "LEFT JOIN")} WHERE f.status = 'PUBLISHED'`,
  },
];

/** Each dimension's column among the facts (the records' union, or a rollup). */
const FACT_COLUMN: Record<IndicatorDimension, string> = {
  YEAR: "year",
  COMMUNE: "commune_code",
  LEGAL_FAMILY: "legal_family",
  PARTNER: "partner_id",
  INSTRUMENT: "instrument",
  NAF_SECTION: "naf_section",
  COOPERATIVE_KIND: "cooperative_kind",
  AID_NATURE: "aid_nature",
  INCUBATION_OUTCOME: "incubation_outcome",
  LEGAL_CATEGORY: "legal_category",
};

/** What a grouping groups by: the fact's column, and the name joined to it. */
const groupColumns = (d: IndicatorDimension): string[] => [
  `facts.${FACT_COLUMN[d]}`,
  ...(d === "COMMUNE" ? ["c.name"] : d === "PARTNER" ? ["p.short_name"] : []),
];

/** The filters that list values of a dimension. */
const LIST_FILTERS: ReadonlyArray<{ dimension: IndicatorDimension; values: (f: IndicatorFilter) => readonly string[] | null | undefined; cast?: string }> = [
  { dimension: "COMMUNE", values: (f) => f.communeCodes },
  { dimension: "LEGAL_FAMILY", values: (f) => f.legalFamilies },
  { dimension: "PARTNER", values: (f) => f.partnerIds, cast: "::uuid" },
  { dimension: "INSTRUMENT", values: (f) => f.instruments },
  { dimension: "NAF_SECTION", values: (f) => f.nafSections },
  { dimension: "COOPERATIVE_KIND", values: (f) => f.cooperativeKinds },
  { dimension: "AID_NATURE", values: (f) => f.aidNatures },
  { dimension: "INCUBATION_OUTCOME", values: (f) => f.incubationOutcomes },
  { dimension: "LEGAL_CATEGORY", values: (f) => f.legalCategories },
];

const OUTPUT_COLUMNS: Record<IndicatorDimension, string> = {
  YEAR: "facts.year AS year",
  COMMUNE: `facts.commune_code AS "communeCode", c.name AS "communeName"`,
  LEGAL_FAMILY: `facts.legal_family AS "legalFamily"`,
  PARTNER: `facts.partner_id::text AS "partnerId", p.short_name AS "partnerName"`,
  INSTRUMENT: "facts.instrument AS instrument",
  NAF_SECTION: `facts.naf_section AS "nafSection"`,
  COOPERATIVE_KIND: `facts.cooperative_kind AS "cooperativeKind"`,
  AID_NATURE: `facts.aid_nature AS "aidNature"`,
  INCUBATION_OUTCOME: `facts.incubation_outcome AS "incubationOutcome"`,
  LEGAL_CATEGORY: `facts.legal_category AS "legalCategory"`,
};

const FACT_COLUMNS =
  "year, commune_code, legal_family, naf_section, cooperative_kind, legal_category, partner_id, instrument, aid_nature, incubation_outcome, jobs, fte, incubated, created, amount, fundings";

/** The rollups of the published facts (migration 0012_indicator_rollup), smallest first, and the dimensions each keeps. */
const ROLLUPS: ReadonlyArray<{ table: string; dimensions: readonly IndicatorDimension[] }> = [
  { table: "indicator_rollup_partner", dimensions: ["YEAR", "PARTNER", "INSTRUMENT", "AID_NATURE", "INCUBATION_OUTCOME"] },
  { table: "indicator_rollup", dimensions: ["YEAR", "PARTNER", "INSTRUMENT", "AID_NATURE", "INCUBATION_OUTCOME", "COMMUNE", "LEGAL_FAMILY"] },
];
/** The dimensions a filter restricts. */
function filteredDimensions(filter: IndicatorFilter): IndicatorDimension[] {
  const years: IndicatorDimension[] = filter.fromYear != null || filter.toYear != null ? ["YEAR"] : [];
  return [...years, ...LIST_FILTERS.filter((l) => (l.values(filter)?.length ?? 0) > 0).map((l) => l.dimension)];
}

/** The facts, as a FROM item named `facts`: the smallest rollup that keeps every dimension used, else the records. */
function factsFrom(read: readonly FactSource[], used: readonly IndicatorDimension[], withEnterprise: boolean, tables: string | undefined): string {
  const rollup = tables === undefined ? ROLLUPS.find((r) => used.every((d) => r.dimensions.includes(d))) : undefined;
  if (!rollup) return `(${read.map((f) => f.sql(withEnterprise)).join("\nUNION ALL\n")}) AS facts (${FACT_COLUMNS})`;
  const columns = INDICATOR_DIMENSIONS.map((d) => (rollup.dimensions.includes(d) ? FACT_COLUMN[d] : `NULL::text AS ${FACT_COLUMN[d]}`));
  return `(SELECT ${columns.join(", ")}, jobs, fte, incubated, created, amount, fundings FROM ${rollup.table} WHERE source IN (${read.map((f) => f.id).join(", ")})) AS facts`;
}

/**
 * Through the SQL driver (a pool, or a transaction that reads one snapshot: a dataset version).
 * Sums a rollup of the published facts, which triggers keep exact, when one keeps every dimension
 * used and `tables` is not given; otherwise reads the facts from the records themselves, through
 * `tables`, a WITH clause that stands in for the tables (a released version of the data), or from
 * the tables when it is empty (the rollups' check).
 */
export async function computeIndicators(
  db: SqlExecutor,
  groupBy: readonly IndicatorDimension[],
  filter: IndicatorFilter = {},
  measures: readonly IndicatorMeasure[] = INDICATOR_MEASURES,
  tables?: string,
): Promise<IndicatorRow[]> {
  const dims = INDICATOR_DIMENSIONS.filter((d) => groupBy.includes(d)); // canonical order, no duplicates
  const sources = FACTS.filter((s) => s.measures.some((m) => measures.includes(m)));
  const used = [...dims, ...filteredDimensions(filter)];
  const withEnterprise = used.some((d) => ENTERPRISE_DIMENSIONS.includes(d));
  const facts = factsFrom(sources.length > 0 ? sources : FACTS, used, withEnterprise, tables);

  const where: Prisma.Sql[] = [];
  if (filter.fromYear != null) where.push(Prisma.sql`facts.year >= ${filter.fromYear}`);
  if (filter.toYear != null) where.push(Prisma.sql`facts.year <= ${filter.toYear}`);
  for (const list of LIST_FILTERS) {
    const condition = inList(`facts.${FACT_COLUMN[list.dimension]}`, list.values(filter), list.cast);
    if (condition) where.push(condition);
  }

  const select = dims.map((d) => OUTPUT_COLUMNS[d]).join(", ");
  const group = dims.flatMap(groupColumns).join(", ");
  const order = dims.map((d) => `facts.${FACT_COLUMN[d]} NULLS LAST`).join(", ");
  const query = Prisma.sql`${Prisma.raw(tables ?? "")}
    SELECT ${Prisma.raw(select ? `${select},` : "")}
      coalesce(sum(facts.jobs), 0)::int AS "jobsCreated",
      coalesce(sum(facts.fte), 0)::numeric(14, 2)::text AS "fullTimeEquivalents",
      coalesce(sum(facts.incubated), 0)::int AS "enterprisesIncubated",
      coalesce(sum(facts.created), 0)::int AS "enterprisesCreated",
      coalesce(sum(facts.amount), 0)::numeric(14, 2)::text AS "fundingAmount",
      coalesce(sum(facts.fundings), 0)::int AS "fundingCount"
    FROM ${Prisma.raw(facts)}
    ${Prisma.raw(dims.includes("COMMUNE") ? "LEFT JOIN commune c ON c.code = facts.commune_code" : "")}
    ${Prisma.raw(dims.includes("PARTNER") ? "LEFT JOIN partner p ON p.id = facts.partner_id" : "")}
    ${where.length > 0 ? Prisma.sql`WHERE ${Prisma.join(where, " AND ")}` : Prisma.empty}
    ${Prisma.raw(group ? `GROUP BY ${group} ORDER BY ${order}` : "")}`;
  const rows = await db.query<Record<string, unknown>>(query.text, query.values);

  return rows.map((r) => ({
    year: (r.year as number | undefined) ?? null,
    communeCode: (r.communeCode as string | undefined) ?? null,
    communeName: (r.communeName as string | undefined) ?? null,
    legalFamily: (r.legalFamily as LegalFamily | undefined) ?? null,
    partnerId: (r.partnerId as string | undefined) ?? null,
    partnerName: (r.partnerName as string | undefined) ?? null,
    instrument: (r.instrument as FundingInstrument | undefined) ?? null,
    nafSection: (r.nafSection as string | undefined) ?? null,
    cooperativeKind: (r.cooperativeKind as CooperativeKind | undefined) ?? null,
    aidNature: (r.aidNature as AidNature | undefined) ?? null,
    incubationOutcome: (r.incubationOutcome as IncubationOutcome | undefined) ?? null,
    legalCategory: (r.legalCategory as string | undefined) ?? null,
    jobsCreated: r.jobsCreated as number,
    fullTimeEquivalents: r.fullTimeEquivalents as string,
    jobsSecret: null,
    enterprisesIncubated: r.enterprisesIncubated as number,
    enterprisesCreated: r.enterprisesCreated as number,
    fundingAmount: r.fundingAmount as string,
    fundingCount: r.fundingCount as number,
  }));
}
