// The frame of every dashboard page: title, the view in words (what a printed page must say),
// the filters, then the page's charts.
import { formatDay } from "@oess/domain/format";
import type { ComponentType, ReactNode } from "react";
import { describeFilters, filtersToWhere, parseFilters } from "../lib/filters";
import { loadDashboardContext } from "../lib/options";
import { type DashboardPageProps, type ViewProps, viewProps } from "../lib/view";
import { ApiUnavailable } from "./api-unavailable";
import { DemoNotice } from "./demo-notice";
import { FilterBar } from "./filter-bar";
import { ViewComments } from "./view-comments";

async function DashboardPage({
  path,
  title,
  lead,
  searchParams,
  children,
}: {
  path: string;
  title: string;
  lead: string;
  searchParams: DashboardPageProps["searchParams"];
  children: (view: ViewProps) => ReactNode;
}) {
  const context = await loadDashboardContext();
  if (!context) return <ApiUnavailable />;
  const { options, notice, territoryName } = context;
  const params = await searchParams;
  const filters = parseFilters(params, options);
  const view = viewProps(filters, options, filtersToWhere(filters, options));
  return (
    <>
      <header className="page-header">
        <h1>{title}</h1>
        <p className="lead">
          {lead} Territoire : {territoryName}.
        </p>
        <p className="view-summary">
          <span className="view-summary__label">Vue affichée :</span> {describeFilters(filters, options).join(" · ")}.{" "}
          <span className="print-only">Édité le {formatDay(new Date())} à partir des données publiées.</span>
        </p>
      </header>
      {notice ? <DemoNotice notice={notice} /> : null}
      <FilterBar options={options} filters={filters} />
      {children(view)}
      <ViewComments path={path} params={params} />
    </>
  );
}

/** A dashboard route: its path, its title, its lead sentence and the client view that draws its charts. */
export function dashboardPage(path: string, title: string, lead: string, View: ComponentType<ViewProps>) {
  return function Page({ searchParams }: DashboardPageProps) {
    return (
      <DashboardPage path={path} title={title} lead={lead} searchParams={searchParams}>
        {(view) => <View {...view} />}
      </DashboardPage>
    );
  };
}
