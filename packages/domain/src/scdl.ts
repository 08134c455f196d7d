// SCDL « Subventions » 2.1.1 (schema.data.gouv.fr/scdl/subventions): the format in which public
// bodies must publish the grants they award (loi 2000-321 art. 10, décret 2017-779). The rules
// are checked on every exported row and on data entry, so that nothing unexportable is recorded.
import { isValidRna, isValidSiret } from "./identifiers";

export const SCDL_COLUMNS = [
  "nomAttribuant",
  "idAttribuant",
  "dateConvention",
  "referenceDecision",
  "nomBeneficiaire",
  "idBeneficiaire",
  "rnaBeneficiaire",
  "objet",
  "montant",
  "nature",
  "conditionsVersement",
  "datesPeriodeVersement",
  "idRAE",
  "notificationUE",
  "pourcentageSubvention",
  "dispositifAide",
] as const;

export type ScdlColumn = (typeof SCDL_COLUMNS)[number];
export type ScdlRow = Record<ScdlColumn, string>;

export const SCDL_REQUIRED: readonly ScdlColumn[] = [
  "nomAttribuant",
  "idAttribuant",
  "dateConvention",
  "nomBeneficiaire",
  "objet",
  "montant",
  "nature",
  "conditionsVersement",
  "datesPeriodeVersement",
  "notificationUE",
  "pourcentageSubvention",
];

/** Threshold above which a grant's essential data must be published (décret 2017-779). */
export const SCDL_PUBLICATION_THRESHOLD = 23_000;
/** Months allowed between the convention and its publication. */
export const SCDL_PUBLICATION_DELAY_MONTHS = 3;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const NATURES = new Set(["aide en numéraire", "aide en nature", "aide en numéraire;aide en nature", "aide en nature;aide en numéraire"]);

const isDate = (value: string): boolean =>
  DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

export interface ScdlProblem {
  column: ScdlColumn;
  message: string;
}

/** Everything that keeps a row from being valid SCDL Subventions 2.1.1 (empty list: valid). */
export function scdlProblems(row: ScdlRow): ScdlProblem[] {
  const problems: ScdlProblem[] = [];
  const fail = (column: ScdlColumn, message: string) => problems.push({ column, message });
  for (const column of SCDL_REQUIRED) if (row[column].trim() === "") fail(column, "obligatoire");
  if (row.idBeneficiaire === "" && row.rnaBeneficiaire === "") fail("idBeneficiaire", "un SIRET ou un numéro RNA du bénéficiaire est obligatoire");
  if (row.idAttribuant !== "" && !isValidSiret(row.idAttribuant)) fail("idAttribuant", "SIRET de 14 chiffres invalide");
  if (row.idBeneficiaire !== "" && !isValidSiret(row.idBeneficiaire)) fail("idBeneficiaire", "SIRET de 14 chiffres invalide");
  if (row.rnaBeneficiaire !== "" && !isValidRna(row.rnaBeneficiaire)) fail("rnaBeneficiaire", "numéro RNA attendu : W suivi de 9 chiffres");
  if (row.dateConvention !== "" && !isDate(row.dateConvention)) fail("dateConvention", "date AAAA-MM-JJ attendue");
  if (row.objet.length >= 256) fail("objet", "moins de 256 caractères");
  if (row.montant !== "" && (!/^\d+(\.\d+)?$/.test(row.montant) || Number(row.montant) <= 0)) fail("montant", "nombre positif avec un point décimal attendu");
  if (row.nature !== "" && !NATURES.has(row.nature)) fail("nature", "« aide en numéraire », « aide en nature » ou les deux séparés par « ; »");
  if (row.conditionsVersement.length >= 256) fail("conditionsVersement", "moins de 256 caractères");
  if (row.datesPeriodeVersement !== "") {
    const [start, end, ...rest] = row.datesPeriodeVersement.split("/");
    const valid = rest.length === 0 && start !== undefined && isDate(start) && (end === undefined || (isDate(end) && end >= start));
    if (!valid) fail("datesPeriodeVersement", "date AAAA-MM-JJ ou période AAAA-MM-JJ/AAAA-MM-JJ attendue");
  }
  if (row.idRAE.length > 5) fail("idRAE", "5 caractères au plus");
  if (row.notificationUE !== "" && row.notificationUE !== "oui" && row.notificationUE !== "non") fail("notificationUE", "« oui » ou « non »");
  if (row.pourcentageSubvention !== "") {
    const share = Number(row.pourcentageSubvention);
    if (!/^\d+(\.\d+)?$/.test(row.pourcentageSubvention) || share < 0.01 || share > 1) fail("pourcentageSubvention", "nombre entre 0.01 et 1 attendu");
  }
  return problems;
}

/** The date by which a grant signed on `conventionDate` (YYYY-MM-DD) must be published. */
export function scdlPublicationDeadline(conventionDate: string): string {
  const d = new Date(`${conventionDate}T00:00:00Z`);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + SCDL_PUBLICATION_DELAY_MONTHS);
  // 30 November + 3 months is the last day of February, not 2 March.
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return d.toISOString().slice(0, 10);
}
