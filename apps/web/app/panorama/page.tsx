// « Panorama imprimable »: the current view on a few A4 pages for a council meeting: the view in
// words and the date, the headline figures with their definitions, the map, the yearly charts
// each with its table, sources and licence. Each block keeps to one page.
import { formatDay } from "@oess/domain/format";
import { DEFINITIONS, HEADLINE_INDICATORS } from "@oess/domain/indicators";
import type { Metadata } from "next";
import { ApiUnavailable } from "../../components/api-unavailable";
import { CommuneMap } from "../../components/commune-map";
import { DemoNotice } from "../../components/demo-notice";
import { PrintButton } from "../../components/print-button";
import { describeFilters, filtersToSearch, filtersToWhere, parseFilters } from "../../lib/filters";
import { loadDashboardContext } from "../../lib/options";
import { type DashboardPageProps, viewProps } from "../../lib/view";
import { OverviewFigures, OverviewView } from "../../views/overview-view";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Panorama imprimable" };

export default async function PanoramaPage({ searchParams }: DashboardPageProps) {
  const context = await loadDashboardContext();
  if (!context) return <ApiUnavailable />;
  const { options, notice, territoryName } = context;
  const filters = parseFilters(await searchParams, options);
  const view = viewProps(filters, options, filtersToWhere(filters, options));
  const search = filtersToSearch(filters).toString();
  return (
    <article className="panorama">
      <header className="panorama-block">
        <h1>Panorama de l'économie sociale et solidaire — {territoryName}</h1>
        <p className="view-summary">
          <span className="view-summary__label">Vue :</span> {describeFilters(filters, options).join(" · ")}. Édité le {formatDay(new Date())} à partir des
          données publiées du tableau de bord de l'Observatoire ESS.
        </p>
        <p className="panorama__actions">
          <PrintButton label="Imprimer ce panorama" /> <a href={`/${search ? `?${search}` : ""}`}>Revenir au tableau de bord</a>
        </p>
      </header>
      {notice ? <DemoNotice notice={notice} /> : null}
      <OverviewFigures {...view} />
      <section className="panorama-block" aria-labelledby="definitions">
        <h2 id="definitions">Ce que comptent ces chiffres</h2>
        <dl className="panorama-definitions">
          {(Object.keys(HEADLINE_INDICATORS) as (keyof typeof HEADLINE_INDICATORS)[]).map((key) => (
            <div key={key}>
              <dt>{DEFINITIONS[key].label}</dt>
              <dd>{DEFINITIONS[key].fr.definition}</dd>
            </div>
          ))}
        </dl>
      </section>
      <CommuneMap filters={filters} options={options} path="/panorama" asked={null} compact />
      <OverviewView {...view} />
      <section className="panorama-block" aria-labelledby="sources">
        <h2 id="sources">Sources et licence</h2>
        <p>
          Enregistrements des partenaires du PTCE, relus et publiés par sa coordination ; population municipale de l'INSEE ; contours des communes : IGN – Admin
          Express COG 2018, Licence Ouverte. Données réutilisables sous la Licence Ouverte 2.0 (Etalab) : fichiers et API sur la page « Données ouvertes » du
          tableau de bord. Les emplois suivent le secret statistique : un chiffre qui révélerait celui d'une entreprise est marqué « secret ».
        </p>
      </section>
    </article>
  );
}
