// The "projects incubated and enterprises created, by year" chart appears on the overview and on
// the incubation page: one definition of what it plots and tabulates.
import { formatInteger } from "@oess/domain/format";
import type { Series } from "../components/charts/bar-model";
import type { Column } from "./csv";

export interface IncubationYear {
  year: number | null;
  enterprisesIncubated: number;
  enterprisesCreated: number;
}

/** Creations have no partner: under a partner filter only incubations are plotted. */
export function incubationByYear<Row extends IncubationYear>(partnerFiltered: boolean): { series: Series<Row>[]; columns: Column<Row>[] } {
  const series: Series<Row>[] = [{ label: "Projets incubés", value: (r) => r.enterprisesIncubated }];
  const columns: Column<Row>[] = [
    { label: "Année", raw: (r) => r.year, shown: (r) => String(r.year) },
    { label: "Projets incubés", raw: (r) => r.enterprisesIncubated, shown: (r) => formatInteger(r.enterprisesIncubated), numeric: true },
  ];
  if (!partnerFiltered) {
    series.push({ label: "Entreprises créées", value: (r) => r.enterprisesCreated });
    columns.push({ label: "Entreprises créées", raw: (r) => r.enterprisesCreated, shown: (r) => formatInteger(r.enterprisesCreated), numeric: true });
  }
  return { series, columns };
}
