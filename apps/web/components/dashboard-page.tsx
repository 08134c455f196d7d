// The frame of every dashboard page: the title, the headline figures if the page has some (on a
// phone they come first), the introduction, the filters folded under the view in words (what a
// printed page must say), then the page's charts.
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

/** What a page adds to its charts. */
interface PageParts {
  /** Where it shows the map of its communes: first (Territoire) or after its charts (home). */
  map?: "first" | "last";
  /** Its headline figures, right under the title. */
  Figures?: ComponentType<ViewProps>;
}

async function DashboardPage({
  path,
  title,
  lead,
  searchParams,
  parts: { map, Figures },
  children,
}: {
  path: string;
  title: string;
  lead: string;
  searchParams: DashboardPageProps["searchParams"];
  parts: PageParts;
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
      </header>
      {Figures ? <Figures {...view} /> : null}
      <p className="lead">
        {lead} Territoire : {territoryName}.
      </p>
      {notice ? <DemoNotice notice={notice} /> : null}
      <FilterBar
        options={options}
        filters={filters}
        summary={
          <>
            <span className="view-summary__label">Vue affichée :</span> {describeFilters(filters, options).join(" · ")}.{" "}
            <span className="print-only">Édité le {formatDay(new Date())} à partir des données publiées.</span>
          </>
        }
      />
      {map === "first" ? <CommuneMap filters={filters} options={options} path={path} asked={firstParam(params, MAP_PARAM)} /> : null}
      {children(view)}
      {map === "last" ? <CommuneMap filters={filters} options={options} path={path} asked={null} compact /> : null}
      <ViewComments path={path} params={params} />
    </>
  );
}

/** A dashboard route: its path, its title, its lead sentence, the client view that draws its charts, and what it adds to them. */
export function dashboardPage(path: string, title: string, lead: string, View: ComponentType<ViewProps>, parts: PageParts = {}) {
  return function Page({ searchParams }: DashboardPageProps) {
    return (
      <DashboardPage path={path} title={title} lead={lead} searchParams={searchParams} parts={parts}>
        {(view) => <View {...view} />}
      </DashboardPage>
    );
  };
}
