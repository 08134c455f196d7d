"use client";
import { formatInteger, formatPercent } from "@oess/domain/format";
import { BarChartCard } from "../components/charts/bar-chart-card";
import { graphql, type ResultOf } from "../lib/graphql";
import { incubationByYear } from "../lib/incubation-by-year";
import { enteredIncubation, wereCreated } from "../lib/plural";
import { byDescending, everyYear, sum } from "../lib/rows";
import type { ViewProps } from "../lib/view";
import { useViewQuery } from "./use-view-query";

const QUERY = graphql(`
  query Incubation($where: IndicatorWhere) {
    byYear: indicators(groupBy: [YEAR], where: $where) {
      year
      enterprisesIncubated
      enterprisesCreated
    }
    byPartner: indicators(groupBy: [PARTNER], where: $where) {
      partnerName
      enterprisesIncubated
    }
    survival(where: $where) {
      foundingYear
      created
      survivors
    }
  }
`);

type Data = ResultOf<typeof QUERY>;
type YearRow = Data["byYear"][number];
type Cohort = Data["survival"][number] & { survivors: number };

export function IncubationView({ where, period, filterSuffix, partnerFiltered }: ViewProps) {
  const data = useViewQuery(QUERY, { where });
  const years = everyYear(data.byYear, period, (year) => ({ year, enterprisesIncubated: 0, enterprisesCreated: 0 }));
  const partners = data.byPartner.filter((r) => r.enterprisesIncubated > 0).sort(byDescending((r) => r.enterprisesIncubated));
  // Only cohorts old enough to have lived three years are shown.
  const cohorts = data.survival.filter((c): c is Cohort => c.survivors !== null);
  const incubated = sum(years, (r) => r.enterprisesIncubated);
  const created = sum(years, (r) => r.enterprisesCreated);
  const cohortTotal = sum(cohorts, (c) => c.created);
  const survivorTotal = sum(cohorts, (c) => c.survivors);
  const span = period.from === period.to ? `en ${period.from}` : `de ${period.from} à ${period.to}`;
  const byYear = incubationByYear<YearRow>(partnerFiltered);
  const first = cohorts[0];
  const last = cohorts.at(-1);

  return (
    <div className="chart-grid">
      <BarChartCard
        id="incubees-creees-par-annee"
        title="Projets incubés et entreprises créées, par année"
        summary={
          partnerFiltered
            ? `${enteredIncubation(incubated)} ${span} avec ce partenaire (les créations ne sont pas rattachées à un partenaire).`
            : `${enteredIncubation(incubated)} ${span} ; ${wereCreated(created)}.`
        }
        rows={years}
        empty={incubated === 0 && (partnerFiltered || created === 0)}
        category={(r) => String(r.year)}
        series={byYear.series}
        format={formatInteger}
        columns={byYear.columns}
        fileName="incubation-par-annee"
        filterSuffix={filterSuffix}
      />
      <BarChartCard
        id="perennite-3-ans"
        title="Pérennité à 3 ans des entreprises créées après incubation"
        summary={
          first && last
            ? `Des entreprises créées de ${first.foundingYear} à ${last.foundingYear} après une incubation, ${formatInteger(survivorTotal)} sur ${formatInteger(cohortTotal)} étaient toujours en activité trois ans après leur création, soit ${formatPercent(survivorTotal / cohortTotal)}.`
            : "Aucune génération d'entreprises n'a encore trois ans d'existence pour ces filtres."
        }
        rows={cohorts}
        category={(c) => String(c.foundingYear)}
        series={[
          { label: "Entreprises créées", value: (c) => c.created },
          { label: "Toujours actives 3 ans après", value: (c) => c.survivors },
        ]}
        format={formatInteger}
        columns={[
          { label: "Année de création", raw: (c) => c.foundingYear, shown: (c) => String(c.foundingYear) },
          { label: "Entreprises créées", raw: (c) => c.created, shown: (c) => formatInteger(c.created), numeric: true },
          { label: "Toujours actives 3 ans après", raw: (c) => c.survivors, shown: (c) => formatInteger(c.survivors), numeric: true },
        ]}
        fileName="perennite-3-ans"
        filterSuffix={filterSuffix}
      />
      <BarChartCard
        id="incubees-par-partenaire"
        title="Projets incubés par partenaire accompagnateur"
        summary={
          partners[0]
            ? `${partners[0].partnerName} a accompagné le plus de projets incubés ${span} : ${formatInteger(partners[0].enterprisesIncubated)} sur ${formatInteger(incubated)}.`
            : "Aucun projet incubé pour ces filtres."
        }
        rows={partners}
        category={(r) => r.partnerName ?? "Non renseigné"}
        series={[{ label: "Projets incubés", value: (r) => r.enterprisesIncubated }]}
        format={formatInteger}
        horizontal
        columns={[
          { label: "Partenaire", raw: (r) => r.partnerName, shown: (r) => r.partnerName ?? "Non renseigné" },
          { label: "Projets incubés", raw: (r) => r.enterprisesIncubated, shown: (r) => formatInteger(r.enterprisesIncubated), numeric: true },
        ]}
        fileName="incubation-par-partenaire"
        filterSuffix={filterSuffix}
      />
    </div>
  );
}
