"use client";
import { formatDecimal, formatInteger } from "@oess/domain/format";
import { NAF_SECTION_LABELS } from "@oess/domain/naf-sections";
import { LEGAL_FAMILY_LABELS, type LegalFamily } from "@oess/domain/vocabulary";
import { BarChartCard } from "../components/charts/bar-chart-card";
import { graphql, type ResultOf } from "../lib/graphql";
import { counted, plural } from "../lib/plural";
import { byDescending, everyYear, peak } from "../lib/rows";
import { rawOrSecret, SECRET_NOTE, shownOrSecret, sumOrSecret } from "../lib/secret";
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
      jobsSecret
    }
  }
`);

type Data = ResultOf<typeof QUERY>;
type Jobs = Pick<Data["byYear"][number], "jobsCreated" | "fullTimeEquivalents">;
type JobsCount = Pick<Jobs, "jobsCreated">;
type YearRow = Data["byYear"][number];
type FamilyRow = Data["byFamily"][number] & { legalFamily: LegalFamily };
type SectionRow = Data["bySection"][number] & { nafSection: string };

const fteOf = (r: Jobs) => (r.fullTimeEquivalents === null ? null : Number(r.fullTimeEquivalents));
const jobsColumns = [
  { label: "Emplois créés", raw: (r: Jobs) => rawOrSecret(r.jobsCreated), shown: (r: Jobs) => shownOrSecret(r.jobsCreated, formatInteger), numeric: true },
  {
    label: "Équivalents temps plein",
    raw: (r: Jobs) => rawOrSecret(r.fullTimeEquivalents),
    shown: (r: Jobs) => shownOrSecret(fteOf(r), formatDecimal),
    numeric: true,
  },
];
const jobsSeries = [
  { label: "Emplois créés", value: (r: Jobs) => r.jobsCreated, format: formatInteger },
  { label: "Équivalents temps plein", value: fteOf },
];
/** Largest first, hidden figures last. */
const byJobs = byDescending((r: JobsCount) => r.jobsCreated ?? -1);
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
  const shown = (r: JobsCount) => r.jobsCreated === null || r.jobsCreated > 0;
  const families = data.byFamily.filter((r): r is FamilyRow => r.legalFamily !== null && shown(r)).sort(byJobs);
  const sections = data.bySection.filter((r): r is SectionRow => r.nafSection !== null && shown(r)).sort(byJobs);
  // Sections split the protected table: anonymous readers get no figure at all there.
  const sectionsSecret = sections.length > 0 && sections.every((r) => r.jobsSecret === "FINER_THAN_PUBLISHED");
  const total = sumOrSecret(years, (r) => r.jobsCreated);
  const fte = sumOrSecret(years, fteOf);
  const topFamily = families[0]?.jobsCreated != null ? families[0] : undefined;
  const topSection = sections[0]?.jobsCreated != null ? sections[0] : undefined;
  const best = peak(years, (r) => r.jobsCreated ?? -1);
  const span = period.from === period.to ? `en ${period.from}` : `de ${period.from} à ${period.to}`;
  const share = (n: number) => (total ? `, ${Math.round((100 * n) / total)} % du total` : "");
  const hidden = (rows: readonly JobsCount[]) => (rows.some((r) => r.jobsCreated === null) ? ` ${SECRET_NOTE}` : "");

  return (
    <div className="chart-grid">
      <BarChartCard
        id="emplois-etp-par-annee"
        title="Emplois créés et équivalents temps plein, par année"
        summary={
          total === null || fte === null
            ? `Emplois créés et équivalents temps plein ${span}, par année.${hidden(years)}`
            : total === 0 || !best
              ? `Aucun emploi créé publié ${span}.`
              : `${counted(total, "emploi créé", "emplois créés")} ${span}, soit ${formatDecimal(fte)} ${plural(fte, "équivalent temps plein", "équivalents temps plein")} ; le plus haut en ${best.year} (${counted(best.jobsCreated ?? 0, "emploi", "emplois")}).`
        }
        rows={years}
        empty={total === 0}
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
            ? `${LEGAL_FAMILY_LABELS[topFamily.legalFamily]} en tête avec ${counted(topFamily.jobsCreated ?? 0, "emploi", "emplois")}${share(topFamily.jobsCreated ?? 0)}.${hidden(families)}`
            : families.length > 0
              ? SECRET_NOTE
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
      {sectionsSecret ? (
        <p className="chart-empty wide" role="note">
          Les emplois par secteur d'activité ne sont pas publiés : le secret statistique ne les protège que par commune et famille juridique. Les partenaires
          connectés les voient.
        </p>
      ) : (
        <BarChartCard
          id="emplois-par-secteur"
          title="Emplois créés par secteur d'activité (sections NAF)"
          summary={
            topSection
              ? `Le secteur « ${NAF_SECTION_LABELS[topSection.nafSection]} » compte le plus d'emplois créés : ${formatInteger(topSection.jobsCreated ?? 0)}.${hidden(sections)}`
              : "Aucun emploi publié pour ces filtres."
          }
          rows={sections}
          category={(r) => NAF_SECTION_LABELS[r.nafSection] ?? r.nafSection}
          series={[{ label: "Emplois créés", value: (r) => r.jobsCreated }]}
          format={formatInteger}
          horizontal
          columns={[
            { label: "Secteur (section NAF)", raw: sectionLabel, shown: sectionLabel },
            { label: "Emplois créés", raw: (r) => rawOrSecret(r.jobsCreated), shown: (r) => shownOrSecret(r.jobsCreated, formatInteger), numeric: true },
          ]}
          fileName="emplois-par-secteur"
          filterSuffix={filterSuffix}
          className="wide"
        />
      )}
    </div>
  );
}
