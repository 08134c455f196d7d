// The dashboard's filters live in the URL, in French: any view is a permalink.
//   ?debut=2019&fin=2024&commune=79191&famille=cooperative&partenaire=urscop
import { LEGAL_FAMILIES, LEGAL_FAMILY_LABELS, type LegalFamily } from "@oess/domain/vocabulary";

export interface Filters {
  from: number | null;
  to: number | null;
  commune: string | null;
  family: LegalFamily | null;
  partner: string | null;
}

/** The filters' names in the URL, in French: the form's fields and the parser share them. */
export const FILTER_PARAMS = { from: "debut", to: "fin", commune: "commune", family: "famille", partner: "partenaire" } as const satisfies Record<
  keyof Filters,
  string
>;

/** URL words for the legal families: readable in a shared link. */
export const FAMILY_SLUGS: Record<LegalFamily, string> = {
  ASSOCIATION: "association",
  COOPERATIVE: "cooperative",
  MUTUAL: "mutuelle",
  FOUNDATION: "fondation",
  ESS_COMPANY: "societe-ess",
};

export interface FilterOptions {
  firstYear: number;
  lastYear: number;
  communes: ReadonlyArray<{ code: string; name: string; population: number }>;
  partners: ReadonlyArray<{ databaseId: string; slug: string; shortName: string; name: string }>;
}

export type SearchParams = Record<string, string | string[] | undefined>;
/** A URL parameter's first value, trimmed; null when absent or empty. */
export const firstParam = (params: SearchParams, key: string): string | null => {
  const value = params[key];
  const text = Array.isArray(value) ? value[0] : value;
  return text ? text.trim() || null : null;
};

/** Reads the filters of a URL. Values that name nothing known are dropped, never trusted. */
export function parseFilters(params: SearchParams, options: FilterOptions): Filters {
  const year = (key: string) => {
    const n = Number(firstParam(params, key));
    return Number.isInteger(n) && n >= options.firstYear && n <= options.lastYear ? n : null;
  };
  let from = year(FILTER_PARAMS.from);
  let to = year(FILTER_PARAMS.to);
  if (from !== null && to !== null && from > to) [from, to] = [to, from];
  const commune = firstParam(params, FILTER_PARAMS.commune);
  const family = firstParam(params, FILTER_PARAMS.family);
  const partner = firstParam(params, FILTER_PARAMS.partner);
  return {
    from,
    to,
    commune: options.communes.some((c) => c.code === commune) ? commune : null,
    family: LEGAL_FAMILIES.find((f) => FAMILY_SLUGS[f] === family) ?? null,
    partner: options.partners.some((p) => p.slug === partner) ? partner : null,
  };
}

/** The URL parameters of these filters (the inverse of parseFilters). */
export function filtersToSearch(filters: Filters): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.from !== null) search.set(FILTER_PARAMS.from, String(filters.from));
  if (filters.to !== null) search.set(FILTER_PARAMS.to, String(filters.to));
  if (filters.commune) search.set(FILTER_PARAMS.commune, filters.commune);
  if (filters.family) search.set(FILTER_PARAMS.family, FAMILY_SLUGS[filters.family]);
  if (filters.partner) search.set(FILTER_PARAMS.partner, filters.partner);
  return search;
}

/** The research API's `IndicatorWhere` for these filters. */
export interface IndicatorWhere {
  fromYear?: number;
  toYear?: number;
  communeCodes?: string[];
  legalFamilies?: LegalFamily[];
  partnerIds?: string[];
}

export function filtersToWhere(filters: Filters, options: FilterOptions): IndicatorWhere {
  const where: IndicatorWhere = {};
  if (filters.from !== null) where.fromYear = filters.from;
  if (filters.to !== null) where.toYear = filters.to;
  if (filters.commune) where.communeCodes = [filters.commune];
  if (filters.family) where.legalFamilies = [filters.family];
  const partner = options.partners.find((p) => p.slug === filters.partner);
  if (partner) where.partnerIds = [partner.databaseId];
  return where;
}

/** The active filters in words, for the page header and the printed page. */
export function describeFilters(filters: Filters, options: FilterOptions): string[] {
  const from = filters.from ?? options.firstYear;
  const to = filters.to ?? options.lastYear;
  const parts = [from === to ? `Année ${from}` : `De ${from} à ${to}`];
  parts.push(filters.commune ? `Commune : ${options.communes.find((c) => c.code === filters.commune)?.name}` : "Toutes les communes");
  parts.push(filters.family ? `Famille juridique : ${LEGAL_FAMILY_LABELS[filters.family]}` : "Toutes les familles juridiques");
  parts.push(filters.partner ? `Partenaire : ${options.partners.find((p) => p.slug === filters.partner)?.shortName}` : "Tous les partenaires");
  return parts;
}
