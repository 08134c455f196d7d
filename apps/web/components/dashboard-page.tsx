// The frame of every dashboard page: title, the view in words (what a printed page must say),
// the filters, then the page's charts.
import { formatDay } from "@oess/domain/format";
import type { ComponentType, ReactNode } from "react";
import { describeFilters, filtersToWhere, firstParam, parseFilters } from "../lib/filters";
import { loadDashboardContext } from "../lib/options";
import { type DashboardPageProps, type ViewProps, viewProps } from "../lib/view";
import { ApiUnavailable } from "./api-unavailable";
import { CommuneMap } from "./commune-map";
import { MAP_PARAM } from "./commune-map-card";
import { DemoNotice } from "./demo-notice";
import { FilterBar } from "./filter-bar";
import { ViewComments } from "./view-comments";

/** Where a page shows the map of its communes: first (Territoire), after its charts (home), or not at all. */
type MapPlace = "first" | "last" | null;

async function DashboardPage({
  path,
  title,
  lead,
  searchParams,
  map,
  children,
}: {
  path: string;
  title: string;
  lead: string;
  searchParams: DashboardPageProps["searchParams"];
  map: MapPlace;
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
      {map === "first" ? <CommuneMap filters={filters} options={options} path={path} asked={firstParam(params, MAP_PARAM)} /> : null}
      {children(view)}
      {map === "last" ? <CommuneMap filters={filters} options={options} path={path} asked={null} compact /> : null}
      <ViewComments path={path} params={params} />
    </>
  );
}

/** A dashboard route: its path, its title, its lead sentence, the client view that draws its charts, and where its map goes. */
export function dashboardPage(path: string, title: string, lead: string, View: ComponentType<ViewProps>, map: MapPlace = null) {
  return function Page({ searchParams }: DashboardPageProps) {
    return (
      <DashboardPage path={path} title={title} lead={lead} searchParams={searchParams} map={map}>
        {(view) => <View {...view} />}
      </DashboardPage>
    );
  };
}
