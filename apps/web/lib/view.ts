import type { FilterOptions, Filters, IndicatorWhere, SearchParams } from "./filters";

/** What a page's charts need to know of the view: plain data, handed from server to client components. */
export interface ViewProps {
  where: IndicatorWhere;
  /** The years shown, filters applied. */
  period: { from: number; to: number };
  /** Appended to CSV file names so that a download says which view it comes from. */
  filterSuffix: string;
  /** A partner filter leaves out the measures no partner carries (jobs, creations). */
  partnerFiltered: boolean;
  communes: FilterOptions["communes"];
}

export function viewProps(filters: Filters, options: FilterOptions, where: IndicatorWhere): ViewProps {
  const parts = [
    filters.from !== null || filters.to !== null ? `${filters.from ?? options.firstYear}-${filters.to ?? options.lastYear}` : null,
    filters.commune,
    filters.family?.toLowerCase(),
    filters.partner,
  ].filter((p) => p !== null && p !== undefined);
  return {
    where,
    period: { from: filters.from ?? options.firstYear, to: filters.to ?? options.lastYear },
    filterSuffix: parts.length > 0 ? `_${parts.join("_")}` : "",
    partnerFiltered: filters.partner !== null,
    communes: options.communes,
  };
}

/** The props Next.js gives a dashboard page. */
export interface DashboardPageProps {
  searchParams: Promise<SearchParams>;
}
