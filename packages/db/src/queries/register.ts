// The register's figures: ESS establishments counted by commune, legal family, sector, staff band,
// creation year. One definition for the API, the dashboard and the open-data export, so that they
// never disagree. Undisclosed establishments (not diffusible) are counted here like the others:
// counts name no one.
import type { LegalFamily } from "@oess/domain";
import type { SqlExecutor } from "../driver";

export const REGISTER_DIMENSIONS = ["COMMUNE", "LEGAL_FAMILY", "LEGAL_CATEGORY", "SECTOR", "STAFF_BAND", "CREATION_YEAR", "ACTIVE"] as const;
export type RegisterDimension = (typeof REGISTER_DIMENSIONS)[number];

const EXPRESSIONS: Record<RegisterDimension, string> = {
  COMMUNE: "commune_code",
  LEGAL_FAMILY: "legal_family::text",
  LEGAL_CATEGORY: "legal_category",
  SECTOR: "naf_section",
  STAFF_BAND: "staff_band",
  CREATION_YEAR: "extract(year FROM created_on)::int",
  ACTIVE: "active",
};

export interface RegisterFilter {
  communeCodes?: readonly string[] | null;
  legalFamilies?: readonly LegalFamily[] | null;
  sectors?: readonly string[] | null;
  staffBands?: readonly string[] | null;
  /** True: open establishments only; false: closed ones only. */
  active?: boolean | null;
  /** Only the establishments whose SIREN is (or is not) one of the PTCE's published enterprises. */
  supportedByPtce?: boolean | null;
}

export interface RegisterAggregate {
  communeCode: string | null;
  legalFamily: LegalFamily | null;
  legalCategory: string | null;
  sector: string | null;
  staffBand: string | null;
  creationYear: number | null;
  active: boolean | null;
  establishments: number;
  /** Of them, establishments of legal units the PTCE supports (a published enterprise with that SIREN). */
  supportedByPtce: number;
}

const PTCE_SIRENS = "SELECT DISTINCT left(siret, 9) FROM enterprise WHERE status = 'PUBLISHED' AND siret IS NOT NULL";

/** The WHERE of a filter, with its parameters. */
function registerWhere(filter: RegisterFilter): { where: string; params: unknown[] } {
  const params: unknown[] = [];
  const conditions: string[] = [];
  const add = (column: string, values: readonly string[] | null | undefined) => {
    if (!values) return;
    params.push(values);
    conditions.push(`${column}::text = ANY($${params.length}::text[])`);
  };
  add("commune_code", filter.communeCodes);
  add("legal_family", filter.legalFamilies);
  add("naf_section", filter.sectors);
  add("staff_band", filter.staffBands);
  if (filter.active != null) conditions.push(filter.active ? "active" : "NOT active");
  if (filter.supportedByPtce != null) conditions.push(`${filter.supportedByPtce ? "" : "NOT "}siren IN (${PTCE_SIRENS})`);
  return { where: conditions.length > 0 ? `WHERE ${conditions.join(" AND ")}` : "", params };
}

/** Counts by the dimensions asked for, in their order; the ungrouped ones are null. */
export async function computeRegisterAggregates(
  sql: SqlExecutor,
  groupBy: readonly RegisterDimension[],
  filter: RegisterFilter = {},
): Promise<RegisterAggregate[]> {
  const dimensions = [...new Set(groupBy)];
  const { where, params } = registerWhere(filter);
  const column = (d: RegisterDimension, alias: string, type: string) =>
    dimensions.includes(d) ? `${EXPRESSIONS[d]} AS "${alias}"` : `NULL::${type} AS "${alias}"`;
  const grouped = dimensions.map((d) => EXPRESSIONS[d]);
  return sql.query<RegisterAggregate>(
    `SELECT ${column("COMMUNE", "communeCode", "text")}, ${column("LEGAL_FAMILY", "legalFamily", "text")}, ${column("LEGAL_CATEGORY", "legalCategory", "text")},
            ${column("SECTOR", "sector", "text")}, ${column("STAFF_BAND", "staffBand", "text")}, ${column("CREATION_YEAR", "creationYear", "int")},
            ${column("ACTIVE", "active", "boolean")},
            count(*)::int AS establishments, (count(*) FILTER (WHERE siren IN (${PTCE_SIRENS})))::int AS "supportedByPtce"
       FROM register_establishment ${where}
       ${grouped.length > 0 ? `GROUP BY ${grouped.join(", ")} ORDER BY ${grouped.map((g) => `${g} NULLS LAST`).join(", ")}` : ""}`,
    params,
  );
}

export interface RegisterSource {
  extractDate: string | null;
  /** The demo's fictitious extract. */
  demo: boolean;
  importedAt: string;
  establishments: number;
}

/** The extract the register holds: the last import that succeeded, or null before any. */
export async function registerSource(sql: SqlExecutor): Promise<RegisterSource | null> {
  const [row] = await sql.query<RegisterSource>(
    `SELECT to_char(extract_date, 'YYYY-MM-DD') AS "extractDate", demo, to_char(finished_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "importedAt",
            (SELECT count(*)::int FROM register_establishment) AS establishments
       FROM register_import WHERE status = 'DONE' ORDER BY seq DESC LIMIT 1`,
  );
  return row ?? null;
}
