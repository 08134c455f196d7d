"use client";
import { formatDecimal, formatInteger } from "@oess/domain/format";
import { NAF_SECTION_LABELS } from "@oess/domain/naf-sections";
import { LEGAL_FAMILY_LABELS, type LegalFamily } from "@oess/domain/vocabulary";
import { BarChartCard } from "../components/charts/bar-chart-card";
import { graphql, type ResultOf } from "../lib/graphql";
import { byDescending, everyYear, peak, sum } from "../lib/rows";
import type { ViewProps } from "../lib/view";
import { useViewQuery } from "./use-view-query";

const QUERY = graphql(`
  query Jobs($where: IndicatorWhere) {
    byYear: indicators(groupBy: [YEAR], where: $where) {
      year
      jobsCreated
      fullTimeEquivalents
    }
    byFamily: indicators(groupBy: [LEGAL_FAMILY], where: $where) {
      legalFamily
      jobsCreated
      fullTimeEquivalents
    }
    bySection: indicators(groupBy: [NAF_SECTION], where: $where) {
      nafSection
      jobsCreated
    }
  }
`);

type Data = ResultOf<typeof QUERY>;
type Jobs = Pick<Data["byYear"][number], "jobsCreated" | "fullTimeEquivalents">;
type YearRow = Data["byYear"][number];
type FamilyRow = Data["byFamily"][number] & { legalFamily: LegalFamily };
type SectionRow = Data["bySection"][number] & { nafSection: string };

const jobsColumns = [
  { label: "Emplois créés", raw: (r: Jobs) => r.jobsCreated, shown: (r: Jobs) => formatInteger(r.jobsCreated), numeric: true },
  {
    label: "Équivalents temps plein",
    raw: (r: Jobs) => r.fullTimeEquivalents,
    shown: (r: Jobs) => formatDecimal(Number(r.fullTimeEquivalents)),
    numeric: true,
  },
];
const jobsSeries = [
  { label: "Emplois créés", value: (r: Jobs) => r.jobsCreated },
  { label: "Équivalents temps plein", value: (r: Jobs) => Number(r.fullTimeEquivalents) },
];
const sectionLabel = (r: SectionRow) => `${r.nafSection} — ${NAF_SECTION_LABELS[r.nafSection] ?? "Section inconnue"}`;

export function JobsView({ where, period, filterSuffix, partnerFiltered }: ViewProps) {
  const data = useViewQuery(QUERY, { where });
  if (partnerFiltered) {
    return (
      <p className="chart-empty" role="note">
        Les emplois sont déclarés par les entreprises, sans être rattachés à un partenaire financeur : retirez le filtre « Partenaire » pour les voir.
      </p>
    );
  }
  const years = everyYear(data.byYear, period, (year) => ({ year, jobsCreated: 0, fullTimeEquivalents: "0" }));
  const families = data.byFamily.filter((r): r is FamilyRow => r.legalFamily !== null && r.jobsCreated > 0).sort(byDescending((r) => r.jobsCreated));
  const sections = data.bySection.filter((r): r is SectionRow => r.nafSection !== null && r.jobsCreated > 0).sort(byDescending((r) => r.jobsCreated));
  const total = sum(years, (r) => r.jobsCreated);
  const fte = sum(years, (r) => Number(r.fullTimeEquivalents));
  const topFamily = families[0];
  const topSection = sections[0];
  const best = peak(years, (r) => r.jobsCreated);
  const span = period.from === period.to ? `en ${period.from}` : `de ${period.from} à ${period.to}`;
  const share = (n: number) => (total > 0 ? Math.round((100 * n) / total) : 0);

  return (
    <div className="chart-grid">
      <BarChartCard
        id="emplois-etp-par-annee"
        title="Emplois créés et équivalents temps plein, par année"
        summary={`${formatInteger(total)} emplois créés ${span}, soit ${formatDecimal(fte)} équivalents temps plein ; le plus haut en ${best?.year} (${formatInteger(best?.jobsCreated ?? 0)} emplois).`}
        rows={years}
        category={(r) => String(r.year)}
        series={jobsSeries}
        format={formatDecimal}
        columns={[{ label: "Année", raw: (r: YearRow) => r.year, shown: (r: YearRow) => String(r.year) }, ...jobsColumns]}
        fileName="emplois-etp-par-annee"
        filterSuffix={filterSuffix}
      />
      <BarChartCard
        id="emplois-par-famille"
        title="Emplois créés par famille juridique"
        summary={
          topFamily
            ? `${LEGAL_FAMILY_LABELS[topFamily.legalFamily]} en tête avec ${formatInteger(topFamily.jobsCreated)} emplois, ${share(topFamily.jobsCreated)} % du total.`
            : "Aucun emploi publié pour ces filtres."
        }
        rows={families}
        category={(r) => LEGAL_FAMILY_LABELS[r.legalFamily]}
        series={jobsSeries}
        format={formatDecimal}
        horizontal
        columns={[
          {
            label: "Famille juridique",
            raw: (r: FamilyRow) => LEGAL_FAMILY_LABELS[r.legalFamily],
            shown: (r: FamilyRow) => LEGAL_FAMILY_LABELS[r.legalFamily],
          },
          ...jobsColumns,
        ]}
        fileName="emplois-par-famille-juridique"
        filterSuffix={filterSuffix}
      />
      <BarChartCard
        id="emplois-par-secteur"
        title="Emplois créés par secteur d'activité (sections NAF)"
        summary={
          topSection
            ? `Le secteur « ${NAF_SECTION_LABELS[topSection.nafSection]} » compte le plus d'emplois créés : ${formatInteger(topSection.jobsCreated)}.`
            : "Aucun emploi publié pour ces filtres."
        }
        rows={sections}
        category={(r) => r.nafSection}
        series={[{ label: "Emplois créés", value: (r) => r.jobsCreated }]}
        format={formatInteger}
        horizontal
        columns={[
          { label: "Secteur (section NAF)", raw: sectionLabel, shown: sectionLabel },
          { label: "Emplois créés", raw: (r) => r.jobsCreated, shown: (r) => formatInteger(r.jobsCreated), numeric: true },
        ]}
        fileName="emplois-par-secteur"
        filterSuffix={filterSuffix}
        className="wide"
      />
    </div>
  );
}
