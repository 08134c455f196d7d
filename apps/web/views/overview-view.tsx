"use client";
import { formatDate, formatDecimal, formatEuros, formatInteger } from "@oess/domain/format";
import { HEADLINE_INDICATORS } from "@oess/domain/indicators";
import Link from "next/link";
import { BarChartCard } from "../components/charts/bar-chart-card";
import { compact, compactEuros } from "../components/charts/compact";
import { useEmbedRole } from "../components/embed-context";
import { KeyFigure, KeyFigures } from "../components/key-figure";
import { graphql, type ResultOf } from "../lib/graphql";
import { incubationByYear } from "../lib/incubation-by-year";
import { counted, enteredIncubation, plural, wereCreated } from "../lib/plural";
import { everyYear, peak, sum } from "../lib/rows";
import { rawOrSecret, SECRET_NOTE, shownOrSecret, sumOrSecret } from "../lib/secret";
import type { ViewProps } from "../lib/view";
import { yearChange } from "../lib/year-change";
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

/** The territory's ESS as SIRENE counts it: the context of the PTCE's own figures. */
const CONTEXT = graphql(`
  query OverviewContext($register: RegisterWhere) {
    registerSource {
      extractDate
    }
    registerAggregates(groupBy: [], where: $register) {
      establishments
      supportedByPtce
    }
  }
`);

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

/** The year rows of the view and their totals, shared by the headline figures and the charts (one query: urql's cache serves the second). */
function useOverview({ where, period }: ViewProps) {
  const data = useViewQuery(QUERY, { where });
  const rows = everyYear(data.indicators, period, emptyYear);
  return {
    rows,
    jobs: sumOrSecret(rows, (r) => r.jobsCreated),
    incubated: sum(rows, (r) => r.enterprisesIncubated),
    created: sum(rows, (r) => r.enterprisesCreated),
    funding: sum(rows, (r) => Number(r.fundingAmount)),
    span: period.from === period.to ? `en ${period.from}` : `de ${period.from} à ${period.to}`,
  };
}

/** The headline figures, first thing after the page's title. */
export function OverviewFigures(view: ViewProps) {
  const { partnerFiltered } = view;
  const { rows, jobs, incubated, created, funding, span } = useOverview(view);
  const fte = sumOrSecret(rows, (r) => (r.fullTimeEquivalents === null ? null : Number(r.fullTimeEquivalents)));
  const fundings = sum(rows, (r) => r.fundingCount);
  const today = new Date();
  const lastYearDetail = (value: (r: YearRow) => number | null, format: (n: number) => string, counted = true) =>
    yearChange(rows, value, format, { counted, today });
  return (
    <KeyFigures after={<RegisterContext {...view} />}>
      <KeyFigure
        id="emplois"
        label={HEADLINE_INDICATORS.jobsCreated.label}
        value={partnerFiltered ? "—" : shownOrSecret(jobs, formatInteger)}
        detail={
          partnerFiltered
            ? "Les emplois ne sont pas rattachés à un partenaire : retirez ce filtre pour les voir."
            : jobs === null || fte === null
              ? `${span} : le secret statistique masque une année de la période (trop peu d'entreprises). ${lastYearDetail((r) => r.jobsCreated, formatInteger)}`
              : `soit ${formatDecimal(fte)} équivalents temps plein, ${span}. ${lastYearDetail((r) => r.jobsCreated, formatInteger)}`
        }
      />
      <KeyFigure
        id="incubees"
        label={HEADLINE_INDICATORS.enterprisesIncubated.label}
        value={formatInteger(incubated)}
        detail={`${plural(incubated, "projet entré", "projets entrés")} en incubation ${span}, quelle qu'en soit l'issue. ${lastYearDetail((r) => r.enterprisesIncubated, formatInteger)}`}
      />
      <KeyFigure
        id="creees"
        label={HEADLINE_INDICATORS.enterprisesCreated.label}
        value={partnerFiltered ? "—" : formatInteger(created)}
        detail={
          partnerFiltered
            ? "Les créations ne sont pas rattachées à un partenaire : retirez ce filtre pour les voir."
            : `${plural(created, "entreprise accompagnée créée", "entreprises accompagnées créées")} ${span}. ${lastYearDetail((r) => r.enterprisesCreated, formatInteger)}`
        }
      />
      <KeyFigure
        id="financements"
        label={HEADLINE_INDICATORS.fundingAmount.label}
        value={formatEuros(funding)}
        detail={`${counted(fundings, "financement", "financements")} ${span}. ${lastYearDetail((r) => Number(r.fundingAmount), formatEuros, false)}`}
      />
    </KeyFigures>
  );
}

/** One sentence after the headline figures: what the register counts for the same communes and family. */
function RegisterContext({ where }: ViewProps) {
  const data = useViewQuery(CONTEXT, {
    register: { active: true, communeCodes: where.communeCodes ?? null, legalFamilies: where.legalFamilies ?? null },
  });
  // An embedded headline figure comes alone.
  const role = useEmbedRole("contexte-ess");
  const total = data.registerAggregates[0];
  if (role === "hidden" || !data.registerSource?.extractDate || !total) return null;
  return (
    <p className="figures-context">
      Sur ce territoire, le répertoire Sirene compte {counted(total.establishments, "établissement de l'ESS", "établissements de l'ESS")} en activité (extrait
      du {formatDate(data.registerSource.extractDate)}), dont {formatInteger(total.supportedByPtce)} accompagnés par le PTCE :{" "}
      <Link href="/ess-du-territoire">l'ESS du territoire</Link>.
    </p>
  );
}

export function OverviewView(view: ViewProps) {
  const { filterSuffix, partnerFiltered } = view;
  const { rows, jobs, incubated, created, funding, span } = useOverview(view);
  const jobsPeak = peak(rows, (r) => r.jobsCreated ?? -1);
  const fundingPeak = peak(rows, (r) => Number(r.fundingAmount));
  const byYear = incubationByYear<YearRow>(partnerFiltered);

  return (
    <div className="chart-grid">
      <BarChartCard
        id="emplois-par-annee"
        title="Emplois créés par année"
        summary={
          partnerFiltered
            ? "Les emplois ne sont pas rattachés à un partenaire : le filtre partenaire n'en laisse aucun."
            : jobs === null
              ? `Emplois créés ${span}, par année. ${SECRET_NOTE}`
              : jobs === 0 || !jobsPeak
                ? `Aucun emploi créé publié ${span}.`
                : `${counted(jobs, "emploi créé", "emplois créés")} ${span} ; l'année la plus forte est ${jobsPeak.year} avec ${counted(jobsPeak.jobsCreated ?? 0, "emploi", "emplois")}.`
        }
        rows={partnerFiltered ? [] : rows}
        empty={partnerFiltered || jobs === 0}
        columns={[
          yearColumn,
          { label: "Emplois créés", raw: (r) => rawOrSecret(r.jobsCreated), shown: (r) => shownOrSecret(r.jobsCreated, formatInteger), numeric: true },
        ]}
        fileName="emplois-par-annee"
        filterSuffix={filterSuffix}
        category={(r) => String(r.year)}
        series={[{ label: "Emplois créés", value: (r) => r.jobsCreated }]}
        format={formatInteger}
        short={compact}
      />
      <BarChartCard
        id="incubation-par-annee"
        title="Projets incubés et entreprises créées par année"
        summary={`${enteredIncubation(incubated)} ${span}${partnerFiltered ? "" : ` ; ${wereCreated(created)}`}.`}
        rows={rows}
        empty={incubated === 0 && (partnerFiltered || created === 0)}
        columns={byYear.columns}
        fileName="incubation-par-annee"
        filterSuffix={filterSuffix}
        category={(r) => String(r.year)}
        series={byYear.series}
        format={formatInteger}
        short={compact}
      />
      <BarChartCard
        id="financements-par-annee"
        title="Financements par année"
        summary={
          funding === 0 || !fundingPeak
            ? `Aucun financement publié ${span}.`
            : `${formatEuros(funding)} de financements ${span} ; l'année la plus forte est ${fundingPeak.year} avec ${formatEuros(fundingPeak.fundingAmount)}.`
        }
        rows={rows}
        empty={funding === 0}
        columns={[yearColumn, { label: "Montant (€)", raw: (r) => r.fundingAmount, shown: (r) => formatEuros(r.fundingAmount), numeric: true }]}
        fileName="financements-par-annee"
        filterSuffix={filterSuffix}
        category={(r) => String(r.year)}
        series={[{ label: "Montant des financements", value: (r) => Number(r.fundingAmount) }]}
        format={formatEuros}
        short={compactEuros}
      />
    </div>
  );
}
