"use client";
import { formatChange, formatDecimal, formatEuros, formatInteger } from "@oess/domain/format";
import { HEADLINE_INDICATORS } from "@oess/domain/indicators";
import { ChartCard } from "../components/chart-card";
import { ColumnChart } from "../components/charts/column-chart";
import { compact, compactEuros } from "../components/charts/compact";
import { KeyFigure } from "../components/key-figure";
import { graphql, type ResultOf } from "../lib/graphql";
import { incubationByYear } from "../lib/incubation-by-year";
import { everyYear, peak, sum } from "../lib/rows";
import { rawOrSecret, SECRET_NOTE, shownOrSecret, sumOrSecret } from "../lib/secret";
import type { ViewProps } from "../lib/view";
import { useViewQuery } from "./use-view-query";

const QUERY = graphql(`
  query Overview($where: IndicatorWhere) {
    indicators(groupBy: [YEAR], where: $where) {
      year
      jobsCreated
      fullTimeEquivalents
      enterprisesIncubated
      enterprisesCreated
      fundingAmount
      fundingCount
    }
  }
`);

type YearRow = ResultOf<typeof QUERY>["indicators"][number];

const emptyYear = (year: number): YearRow => ({
  year,
  jobsCreated: 0,
  fullTimeEquivalents: "0",
  enterprisesIncubated: 0,
  enterprisesCreated: 0,
  fundingAmount: "0",
  fundingCount: 0,
});

const yearColumn = { label: "Année", raw: (r: YearRow) => r.year, shown: (r: YearRow) => String(r.year) };

/** « En 2025 : 58, +12 % par rapport à 2024 » — the change the council asks about first. */
function lastYearDetail(rows: readonly YearRow[], value: (r: YearRow) => number | null, format: (n: number) => string): string {
  const last = rows.at(-1);
  const previous = rows.at(-2);
  if (!last || last.year === null) return "";
  const [now, before] = [value(last), previous ? value(previous) : null];
  const change = now !== null && before !== null ? formatChange(now, before) : null;
  return `En ${last.year} : ${shownOrSecret(now, format)}${change && previous ? `, ${change} par rapport à ${previous.year}` : ""}.`;
}

export function OverviewView({ where, period, filterSuffix, partnerFiltered }: ViewProps) {
  const data = useViewQuery(QUERY, { where });
  const rows = everyYear(data.indicators, period, emptyYear);
  const jobs = sumOrSecret(rows, (r) => r.jobsCreated);
  const fte = sumOrSecret(rows, (r) => (r.fullTimeEquivalents === null ? null : Number(r.fullTimeEquivalents)));
  const incubated = sum(rows, (r) => r.enterprisesIncubated);
  const funding = sum(rows, (r) => Number(r.fundingAmount));
  const fundings = sum(rows, (r) => r.fundingCount);
  const span = period.from === period.to ? `en ${period.from}` : `de ${period.from} à ${period.to}`;
  const jobsPeak = peak(rows, (r) => r.jobsCreated ?? -1);
  const fundingPeak = peak(rows, (r) => Number(r.fundingAmount));
  const byYear = incubationByYear<YearRow>(partnerFiltered);

  return (
    <>
      <section aria-labelledby="chiffres-cles">
        <h2 id="chiffres-cles" className="visually-hidden">
          Chiffres clés
        </h2>
        <dl className="key-figures">
          <KeyFigure
            id="emplois"
            label={HEADLINE_INDICATORS.jobsCreated.label}
            value={partnerFiltered ? "—" : shownOrSecret(jobs, formatInteger)}
            detail={
              partnerFiltered
                ? "Les emplois ne sont pas rattachés à un partenaire : retirez ce filtre pour les voir."
                : jobs === null || fte === null
                  ? `${span} : le secret statistique masque une année de la période (trop peu d'entreprises). ${lastYearDetail(rows, (r) => r.jobsCreated, formatInteger)}`
                  : `soit ${formatDecimal(fte)} équivalents temps plein, ${span}. ${lastYearDetail(rows, (r) => r.jobsCreated, formatInteger)}`
            }
          />
          <KeyFigure
            id="incubees"
            label={HEADLINE_INDICATORS.enterprisesIncubated.label}
            value={formatInteger(incubated)}
            detail={`projets entrés en incubation ${span}. ${lastYearDetail(rows, (r) => r.enterprisesIncubated, formatInteger)}`}
          />
          <KeyFigure
            id="financements"
            label={HEADLINE_INDICATORS.fundingAmount.label}
            value={formatEuros(funding)}
            detail={`${formatInteger(fundings)} financements ${span}. ${lastYearDetail(rows, (r) => Number(r.fundingAmount), formatEuros)}`}
          />
        </dl>
      </section>
      <div className="chart-grid">
        <ChartCard
          id="emplois-par-annee"
          title="Emplois créés par année"
          summary={
            partnerFiltered
              ? "Les emplois ne sont pas rattachés à un partenaire : le filtre partenaire n'en laisse aucun."
              : jobs === null
                ? `Emplois créés ${span}, par année. ${SECRET_NOTE}`
                : `${formatInteger(jobs)} emplois créés ${span} ; l'année la plus forte est ${jobsPeak?.year} avec ${formatInteger(jobsPeak?.jobsCreated ?? 0)} emplois.`
          }
          rows={partnerFiltered ? [] : rows}
          columns={[
            yearColumn,
            { label: "Emplois créés", raw: (r) => rawOrSecret(r.jobsCreated), shown: (r) => shownOrSecret(r.jobsCreated, formatInteger), numeric: true },
          ]}
          fileName="emplois-par-annee"
          filterSuffix={filterSuffix}
        >
          <ColumnChart
            rows={rows}
            category={(r) => String(r.year)}
            series={[{ label: "Emplois créés", value: (r) => r.jobsCreated }]}
            format={formatInteger}
            short={compact}
            label="Emplois créés par année"
          />
        </ChartCard>
        <ChartCard
          id="incubation-par-annee"
          title="Projets incubés et entreprises créées par année"
          summary={`${formatInteger(incubated)} projets sont entrés en incubation ${span}${partnerFiltered ? "" : ` et ${formatInteger(sum(rows, (r) => r.enterprisesCreated))} entreprises ont été créées`}.`}
          rows={rows}
          columns={byYear.columns}
          fileName="incubation-par-annee"
          filterSuffix={filterSuffix}
        >
          <ColumnChart
            rows={rows}
            category={(r) => String(r.year)}
            series={byYear.series}
            format={formatInteger}
            short={compact}
            label="Projets incubés et entreprises créées par année"
          />
        </ChartCard>
        <ChartCard
          id="financements-par-annee"
          title="Financements par année"
          summary={`${formatEuros(funding)} de financements ${span} ; l'année la plus forte est ${fundingPeak?.year} avec ${formatEuros(fundingPeak?.fundingAmount ?? 0)}.`}
          rows={rows}
          columns={[yearColumn, { label: "Montant (€)", raw: (r) => r.fundingAmount, shown: (r) => formatEuros(r.fundingAmount), numeric: true }]}
          fileName="financements-par-annee"
          filterSuffix={filterSuffix}
        >
          <ColumnChart
            rows={rows}
            category={(r) => String(r.year)}
            series={[{ label: "Montant des financements", value: (r) => Number(r.fundingAmount) }]}
            format={formatEuros}
            short={compactEuros}
            label="Financements par année"
          />
        </ChartCard>
      </div>
    </>
  );
}
