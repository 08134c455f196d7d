// « Intégrer »: one chart or headline figure of the dashboard, with the filters of its address, for
// an <iframe> on the agglomeration's or a partner's website. Only what the frame needs: no menu,
// no filters, no footer (the root layout leaves them out here), and the view's data for this
// element's view only; other sites may frame it (proxy.ts).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { ComponentType } from "react";
import { ApiUnavailable } from "../../../components/api-unavailable";
import { EmbedOnly } from "../../../components/embed-context";
import { type EmbedView, embedViewOf } from "../../../lib/embeds";
import { describeFilters, filtersToSearch, filtersToWhere, parseFilters, type SearchParams } from "../../../lib/filters";
import { loadDashboardContext } from "../../../lib/options";
import { type ViewProps, viewProps } from "../../../lib/view";
import { FundingView } from "../../../views/funding-view";
import { IncubationView } from "../../../views/incubation-view";
import { JobsView } from "../../../views/jobs-view";
import { OverviewFigures, OverviewView } from "../../../views/overview-view";
import { TerritoryView } from "../../../views/territory-view";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Graphique intégré", robots: { index: false } };

const VIEWS: Record<EmbedView, { View: ComponentType<ViewProps>; page: string }> = {
  overviewFigures: { View: OverviewFigures, page: "/" },
  overview: { View: OverviewView, page: "/" },
  jobs: { View: JobsView, page: "/emplois" },
  incubation: { View: IncubationView, page: "/incubation" },
  funding: { View: FundingView, page: "/financements" },
  territory: { View: TerritoryView, page: "/territoire" },
};

export default async function EmbedPage({ params, searchParams }: { params: Promise<{ element: string }>; searchParams: Promise<SearchParams> }) {
  const { element } = await params;
  const view = embedViewOf(element);
  if (!view) notFound();
  const context = await loadDashboardContext();
  if (!context) return <ApiUnavailable />;
  const { options, territoryName } = context;
  const filters = parseFilters(await searchParams, options);
  const { View, page } = VIEWS[view];
  const search = filtersToSearch(filters).toString();
  return (
    <div className="embed">
      <EmbedOnly id={element}>
        <View {...viewProps(filters, options, filtersToWhere(filters, options))} />
      </EmbedOnly>
      <p className="embed__source">
        {territoryName} · {describeFilters(filters, options).join(" · ")}. Source : Observatoire de l'ESS du Niortais, Licence Ouverte 2.0.{" "}
        <a href={`${page}${search ? `?${search}` : ""}`} target="_top">
          Voir le tableau de bord
        </a>
      </p>
    </div>
  );
}
