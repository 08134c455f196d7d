"use client";
// « L'ESS du territoire »: the weight of the ESS as SIRENE counts it, beside what the PTCE supports.
// Staff bands stay bands: the register gives ranges of employees, never head counts, so the page
// counts establishments per band and never adds jobs up.
import { formatDate, formatInteger, formatPercent } from "@oess/domain/format";
import { STAFF_BAND_CODES, staffBandLabel } from "@oess/domain/staff-bands";
import { LEGAL_FAMILY_LABELS } from "@oess/domain/vocabulary";
import { BarChartCard } from "../components/charts/bar-chart-card";
import { KeyFigure, KeyFigures } from "../components/key-figure";
import type { Column } from "../lib/csv";
import { graphql, type ResultOf } from "../lib/graphql";
import { counted } from "../lib/plural";
import { byDescending } from "../lib/rows";
import type { ViewProps } from "../lib/view";
import { useViewQuery } from "./use-view-query";

const QUERY = graphql(`
  query Register($where: RegisterWhere, $open: RegisterWhere) {
    registerSource {
      extractDate
    }
    state: registerAggregates(groupBy: [ACTIVE], where: $where) {
      active
      establishments
      supportedByPtce
    }
    byCommune: registerAggregates(groupBy: [COMMUNE], where: $open) {
      communeCode
      communeName
      establishments
      supportedByPtce
    }
    byFamily: registerAggregates(groupBy: [LEGAL_FAMILY], where: $open) {
      legalFamily
      establishments
      supportedByPtce
    }
    bySector: registerAggregates(groupBy: [SECTOR], where: $open) {
      sector
      sectorLabel
      establishments
    }
    byBand: registerAggregates(groupBy: [STAFF_BAND], where: $open) {
      staffBand
      establishments
    }
    byYear: registerAggregates(groupBy: [CREATION_YEAR], where: $where) {
      creationYear
      establishments
    }
  }
`);

type Data = ResultOf<typeof QUERY>;

/** The register's filters from the dashboard's: commune and legal family apply; years and partners do not. */
function registerWhere({ where }: ViewProps) {
  const base = { communeCodes: where.communeCodes ?? null, legalFamilies: where.legalFamilies ?? null };
  return { where: base, open: { ...base, active: true } };
}

function useRegister(view: ViewProps): Data {
  return useViewQuery(QUERY, registerWhere(view));
}

/** Staff bands in the register's order; the API names them BAND_<code>. */
const BAND_ORDER = STAFF_BAND_CODES.map((code) => `BAND_${code}`);
const EMPLOYERS = new Set(BAND_ORDER.slice(2));
const bandLabel = (band: string | null) => staffBandLabel(band === null ? null : band.replace(/^BAND_/, ""));

const countColumn = <Row extends { establishments: number }>(label = "Établissements"): Column<Row> => ({
  label,
  raw: (r) => r.establishments,
  shown: (r) => formatInteger(r.establishments),
  numeric: true,
});
const supportedColumn = <Row extends { supportedByPtce: number }>(): Column<Row> => ({
  label: "Dont accompagnés par le PTCE",
  raw: (r) => r.supportedByPtce,
  shown: (r) => formatInteger(r.supportedByPtce),
  numeric: true,
});

const share = (part: number, whole: number) => (whole > 0 ? formatPercent(part / whole) : "—");

/** The headline figures: open establishments, employers among them, the PTCE's share, the extract's date. */
export function RegisterFigures(view: ViewProps) {
  const data = useRegister(view);
  const open = data.state.find((s) => s.active === true);
  const closed = data.state.find((s) => s.active === false);
  const employers = data.byBand.filter((b) => b.staffBand !== null && EMPLOYERS.has(b.staffBand)).reduce((n, b) => n + b.establishments, 0);
  const extract = data.registerSource?.extractDate;
  return (
    <KeyFigures>
      <KeyFigure
        id="etablissements-ess"
        label="Établissements de l'ESS en activité"
        value={formatInteger(open?.establishments ?? 0)}
        detail={`d'après Sirene${extract ? ` (extrait du ${formatDate(extract)})` : ""} ; ${counted(closed?.establishments ?? 0, "autre est fermé", "autres sont fermés")}.`}
      />
      <KeyFigure
        id="employeurs"
        label="Établissements employeurs"
        value={formatInteger(employers)}
        detail={`${share(employers, open?.establishments ?? 0)} des établissements en activité déclarent au moins un salarié (tranche d'effectif).`}
      />
      <KeyFigure
        id="accompagnes"
        label="Accompagnés par le PTCE"
        value={formatInteger(open?.supportedByPtce ?? 0)}
        detail={`${share(open?.supportedByPtce ?? 0, open?.establishments ?? 0)} des établissements de l'ESS en activité appartiennent à une entreprise que le PTCE accompagne.`}
      />
    </KeyFigures>
  );
}

export function RegisterView(view: ViewProps) {
  const { filterSuffix } = view;
  const data = useRegister(view);
  if (!data.registerSource) {
    return (
      <p className="notice">
        Le registre Sirene n'a pas encore été importé : un administrateur de la coordination l'importe depuis l'espace partenaire (Administration → Registre
        Sirene), ou avec <code>npm run import:sirene</code>.
      </p>
    );
  }
  const communes = [...data.byCommune].sort(byDescending((r) => r.establishments));
  const families = [...data.byFamily].sort(byDescending((r) => r.establishments));
  const sectors = data.bySector.filter((r) => r.sector !== null).sort(byDescending((r) => r.establishments));
  const bands = [...data.byBand].sort((a, b) =>
    a.staffBand === null ? 1 : b.staffBand === null ? -1 : BAND_ORDER.indexOf(a.staffBand) - BAND_ORDER.indexOf(b.staffBand),
  );
  const years = data.byYear.filter((r): r is typeof r & { creationYear: number } => r.creationYear !== null && r.creationYear >= 2000);
  const familyName = (f: string | null) => (f ? LEGAL_FAMILY_LABELS[f as keyof typeof LEGAL_FAMILY_LABELS] : "Autre catégorie");
  const top = communes[0];
  const topFamily = families[0];
  const topSector = sectors[0];
  const lastYears = years.slice(-5);

  return (
    <div className="chart-grid">
      <BarChartCard
        id="etablissements-ess-par-commune"
        title="Établissements de l'ESS en activité, par commune"
        summary={
          top
            ? `${counted(communes.length, "commune accueille", "communes accueillent")} des établissements de l'ESS en activité ; ${top.communeName ?? top.communeCode} en compte le plus (${formatInteger(top.establishments)}).`
            : "Aucun établissement de l'ESS en activité pour ces filtres."
        }
        rows={communes}
        category={(r) => r.communeName ?? r.communeCode ?? ""}
        series={[
          { label: "Établissements", value: (r) => r.establishments },
          { label: "Dont accompagnés par le PTCE", value: (r) => r.supportedByPtce },
        ]}
        format={formatInteger}
        horizontal
        columns={[
          { label: "Commune", raw: (r) => r.communeName ?? r.communeCode, shown: (r) => r.communeName ?? r.communeCode ?? "" },
          countColumn(),
          supportedColumn(),
        ]}
        fileName="etablissements-ess-par-commune"
        filterSuffix={filterSuffix}
      />
      <BarChartCard
        id="etablissements-ess-par-famille"
        title="Établissements de l'ESS en activité, par famille juridique"
        summary={
          topFamily
            ? `${familyName(topFamily.legalFamily)} : ${formatInteger(topFamily.establishments)} établissements, la première famille (${share(
                topFamily.establishments,
                families.reduce((n, f) => n + f.establishments, 0),
              )}).`
            : "Aucun établissement pour ces filtres."
        }
        rows={families}
        category={(r) => familyName(r.legalFamily)}
        series={[
          { label: "Établissements", value: (r) => r.establishments },
          { label: "Dont accompagnés par le PTCE", value: (r) => r.supportedByPtce },
        ]}
        format={formatInteger}
        horizontal
        columns={[{ label: "Famille juridique", raw: (r) => r.legalFamily, shown: (r) => familyName(r.legalFamily) }, countColumn(), supportedColumn()]}
        fileName="etablissements-ess-par-famille"
        filterSuffix={filterSuffix}
      />
      <BarChartCard
        id="etablissements-ess-par-secteur"
        title="Établissements de l'ESS en activité, par secteur d'activité"
        summary={
          topSector
            ? `Le premier secteur est « ${topSector.sectorLabel} » (${formatInteger(topSector.establishments)} établissements ; section NAF ${topSector.sector}).`
            : "Sirene ne donne l'activité d'aucun de ces établissements en NAF rév. 2."
        }
        rows={sectors}
        category={(r) => r.sectorLabel ?? r.sector ?? ""}
        series={[{ label: "Établissements", value: (r) => r.establishments }]}
        format={formatInteger}
        horizontal
        columns={[
          { label: "Section NAF", raw: (r) => r.sector, shown: (r) => r.sector ?? "" },
          { label: "Secteur", raw: (r) => r.sectorLabel, shown: (r) => r.sectorLabel ?? "" },
          countColumn(),
        ]}
        fileName="etablissements-ess-par-secteur"
        filterSuffix={filterSuffix}
      />
      <BarChartCard
        id="etablissements-ess-par-tranche"
        title="Établissements de l'ESS en activité, par tranche d'effectif salarié"
        summary="Sirene classe chaque établissement dans une tranche d'effectif (un intervalle, pas un effectif exact) : le graphique compte les établissements de chaque tranche."
        rows={bands}
        category={(r) => bandLabel(r.staffBand)}
        series={[{ label: "Établissements", value: (r) => r.establishments }]}
        format={formatInteger}
        horizontal
        columns={[{ label: "Tranche d'effectif salarié", raw: (r) => bandLabel(r.staffBand), shown: (r) => bandLabel(r.staffBand) }, countColumn()]}
        fileName="etablissements-ess-par-tranche"
        filterSuffix={filterSuffix}
      />
      <BarChartCard
        id="etablissements-ess-par-annee"
        title="Établissements de l'ESS par année de création, depuis 2000"
        summary={
          lastYears.length > 0
            ? `Établissements créés chaque année, ouverts ou fermés depuis : ${lastYears.map((r) => `${r.creationYear} : ${formatInteger(r.establishments)}`).join(" ; ")}.`
            : "Aucun établissement créé depuis 2000 pour ces filtres."
        }
        rows={years}
        category={(r) => String(r.creationYear)}
        series={[{ label: "Établissements créés", value: (r) => r.establishments }]}
        format={formatInteger}
        columns={[{ label: "Année de création", raw: (r) => r.creationYear, shown: (r) => String(r.creationYear) }, countColumn("Établissements créés")]}
        fileName="etablissements-ess-par-annee"
        filterSuffix={filterSuffix}
        className="wide"
      />
    </div>
  );
}
