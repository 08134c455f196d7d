"use client";
import { formatDecimal, formatEuros, formatInteger } from "@oess/domain/format";
import { DataTable } from "../components/chart-card";
import { BarChartCard } from "../components/charts/bar-chart-card";
import { compactEuros } from "../components/charts/compact";
import { type Column, csvHref, toCsv } from "../lib/csv";
import { graphql } from "../lib/graphql";
import { counted } from "../lib/plural";
import { byDescending } from "../lib/rows";
import { rawOrSecret, SECRET_NOTE, shownOrSecret } from "../lib/secret";
import type { ViewProps } from "../lib/view";
import { useViewQuery } from "./use-view-query";

const QUERY = graphql(`
  query Territory($where: IndicatorWhere) {
    byCommune: indicators(groupBy: [COMMUNE], where: $where) {
      communeCode
      jobsCreated
      enterprisesCreated
      enterprisesIncubated
      fundingAmount
    }
  }
`);

interface CommuneRow {
  code: string;
  name: string;
  population: number;
  /** Null: hidden by statistical confidentiality. */
  jobsCreated: number | null;
  enterprisesCreated: number;
  enterprisesIncubated: number;
  fundingAmount: number;
  /** Per 1 000 inhabitants. */
  jobsPerThousand: number | null;
  /** Per inhabitant. */
  fundingPerInhabitant: number;
}

const C = {
  name: { label: "Commune", raw: (r) => r.name, shown: (r) => r.name },
  code: { label: "Code INSEE", raw: (r) => r.code, shown: (r) => r.code },
  population: { label: "Population", raw: (r) => r.population, shown: (r) => formatInteger(r.population), numeric: true },
  jobs: { label: "Emplois créés", raw: (r) => rawOrSecret(r.jobsCreated), shown: (r) => shownOrSecret(r.jobsCreated, formatInteger), numeric: true },
  jobsPerThousand: {
    label: "Emplois pour 1 000 habitants",
    raw: (r) => rawOrSecret(r.jobsPerThousand?.toFixed(2) ?? null),
    shown: (r) => shownOrSecret(r.jobsPerThousand, formatDecimal),
    numeric: true,
  },
  created: { label: "Entreprises créées", raw: (r) => r.enterprisesCreated, shown: (r) => formatInteger(r.enterprisesCreated), numeric: true },
  incubated: { label: "Projets incubés", raw: (r) => r.enterprisesIncubated, shown: (r) => formatInteger(r.enterprisesIncubated), numeric: true },
  funding: { label: "Financements (€)", raw: (r) => r.fundingAmount, shown: (r) => formatEuros(r.fundingAmount), numeric: true },
  fundingPerInhabitant: {
    label: "Financements par habitant (€)",
    raw: (r) => r.fundingPerInhabitant.toFixed(2),
    shown: (r) => formatEuros(r.fundingPerInhabitant),
    numeric: true,
  },
} satisfies Record<string, Column<CommuneRow>>;
const ALL_COLUMNS = Object.values(C);

export function TerritoryView({ where, filterSuffix, partnerFiltered, communes }: ViewProps) {
  const data = useViewQuery(QUERY, { where });
  const figures = new Map(data.byCommune.map((r) => [r.communeCode, r]));
  // Every commune of the territory appears, with zeros where nothing is recorded.
  const rows: CommuneRow[] = communes
    .filter((c) => !where.communeCodes || where.communeCodes.includes(c.code))
    .map((c) => {
      const f = figures.get(c.code);
      const jobsCreated = f ? f.jobsCreated : 0;
      const fundingAmount = Number(f?.fundingAmount ?? 0);
      return {
        ...c,
        jobsCreated,
        enterprisesCreated: f?.enterprisesCreated ?? 0,
        enterprisesIncubated: f?.enterprisesIncubated ?? 0,
        fundingAmount,
        jobsPerThousand: jobsCreated === null ? null : c.population > 0 ? (1000 * jobsCreated) / c.population : 0,
        fundingPerInhabitant: c.population > 0 ? fundingAmount / c.population : 0,
      };
    })
    .sort(byDescending((r) => r.jobsCreated ?? -1));
  const withJobs = rows.filter((r) => r.jobsCreated === null || r.jobsCreated > 0);
  const secretCommunes = withJobs.filter((r) => r.jobsCreated === null).length;
  const byFunding = rows.filter((r) => r.fundingAmount > 0).sort(byDescending((r) => r.fundingPerInhabitant));
  const top = withJobs[0]?.jobsCreated != null ? withJobs[0] : undefined;
  const topFunded = byFunding[0];

  return (
    <div className="chart-grid">
      {partnerFiltered ? null : (
        <BarChartCard
          id="emplois-par-commune"
          title="Emplois créés par commune"
          summary={
            top
              ? `${counted(withJobs.length, "commune compte", "communes comptent")} des emplois créés ; ${top.name} arrive en tête avec ${counted(top.jobsCreated ?? 0, "emploi", "emplois")} (${formatDecimal(top.jobsPerThousand ?? 0)} pour 1 000 habitants).${secretCommunes > 0 ? ` ${SECRET_NOTE}` : ""}`
              : withJobs.length > 0
                ? SECRET_NOTE
                : "Aucun emploi publié pour ces filtres."
          }
          rows={withJobs}
          category={(r) => r.name}
          series={[{ label: "Emplois créés", value: (r) => r.jobsCreated }]}
          format={formatInteger}
          horizontal
          columns={[C.name, C.jobs]}
          fileName="emplois-par-commune"
          filterSuffix={filterSuffix}
        />
      )}
      <BarChartCard
        id="financements-par-habitant"
        title="Financements par habitant, par commune"
        summary={
          topFunded
            ? `Rapportés à la population, les financements les plus élevés vont à ${topFunded.name} : ${formatEuros(topFunded.fundingPerInhabitant)} par habitant (${formatEuros(topFunded.fundingAmount)} au total).`
            : "Aucun financement publié pour ces filtres."
        }
        rows={byFunding}
        category={(r) => r.name}
        series={[{ label: "Financements par habitant", value: (r) => r.fundingPerInhabitant }]}
        format={formatEuros}
        short={compactEuros}
        horizontal
        columns={[C.name, C.fundingPerInhabitant]}
        fileName="financements-par-habitant"
        filterSuffix={filterSuffix}
      />
      <section className="chart-card wide" aria-labelledby="toutes-communes-titre">
        <h2 id="toutes-communes-titre">Toutes les communes</h2>
        <p className="chart-summary">
          Les chiffres de chaque commune du territoire, avec sa population municipale (INSEE). Les financements versés à des partenaires plutôt qu'à des
          entreprises ne sont rattachés à aucune commune.
        </p>
        <DataTable caption="Chiffres par commune" columns={ALL_COLUMNS} rows={rows} />
        <p className="chart-actions">
          <a href={csvHref(toCsv(ALL_COLUMNS, rows))} download={`communes${filterSuffix}.csv`}>
            Télécharger ces données (CSV)
          </a>
        </p>
      </section>
    </div>
  );
}
