// The columns of an import file, in French, and how each turns into a field of the domain's input.
import {
  FUNDING_INSTRUMENT_LABELS,
  FUNDING_INSTRUMENTS,
  type FundingInstrument,
  IMPORT_COLUMNS,
  type ImportKind,
  isIsoDate,
  normalizeDecimal,
  normalizeIdentifier,
} from "@oess/domain";
import { columnKey } from "./read-table";

/** A cell that could not be read: the column and why. */
export interface CellProblem {
  column: string;
  message: string;
}

export class Cells {
  readonly problems: CellProblem[] = [];
  constructor(private readonly cells: Record<string, string>) {}

  text(column: string): string {
    return this.cells[column] ?? "";
  }
  optional(column: string): string | null {
    return this.text(column) || null;
  }
  required(column: string): string {
    const value = this.text(column);
    if (!value) this.problems.push({ column, message: "Valeur obligatoire." });
    return value;
  }
  int(column: string): number {
    const value = this.required(column).replace(/[\s\u00a0\u202f]/g, "");
    if (value && !/^-?\d+$/.test(value)) this.problems.push({ column, message: `« ${value} » n'est pas un nombre entier.` });
    return Number(value);
  }
  /** « 12 500,50 € » → "12500.50": spreadsheets write amounts the French way. */
  decimal(column: string, required = true): string | null {
    const raw = required ? this.required(column) : this.text(column);
    if (!raw) return null;
    const value = normalizeDecimal(raw);
    if (!/^-?\d+(\.\d+)?$/.test(value)) this.problems.push({ column, message: `« ${raw} » n'est pas un nombre.` });
    return value;
  }
  /** ISO (2024-03-31) or French (31/03/2024) dates; a day the calendar lacks (31/02) is said as such. */
  date(column: string, required = false): string | null {
    const raw = required ? this.required(column) : this.text(column);
    if (!raw) return null;
    const french = raw.match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/);
    const iso = french ? `${french[3]}-${french[2]?.padStart(2, "0")}-${french[1]?.padStart(2, "0")}` : raw;
    if (!isIsoDate(iso)) this.problems.push({ column, message: `« ${raw} » n'est pas une date du calendrier (JJ/MM/AAAA ou AAAA-MM-JJ).` });
    return iso;
  }
  identifier(column: string): string | null {
    const value = this.text(column);
    return value ? normalizeIdentifier(value) : null;
  }
  boolean(column: string): boolean | null {
    const value = this.text(column).toLowerCase();
    if (!value) return null;
    if (["oui", "o", "vrai", "true", "1"].includes(value)) return true;
    if (["non", "n", "faux", "false", "0"].includes(value)) return false;
    this.problems.push({ column, message: "« oui » ou « non » attendu." });
    return null;
  }
  instrument(column: string): FundingInstrument {
    const value = this.required(column);
    const found = FUNDING_INSTRUMENTS.find((i) => i === value.toUpperCase() || columnKey(FUNDING_INSTRUMENT_LABELS[i]) === columnKey(value));
    if (value && !found)
      this.problems.push({ column, message: `Instrument inconnu : ${FUNDING_INSTRUMENTS.map((i) => FUNDING_INSTRUMENT_LABELS[i].toLowerCase()).join(", ")}.` });
    return found ?? "GRANT";
  }
}

const named = (kind: ImportKind, presence: "required" | "one-of") => IMPORT_COLUMNS[kind].filter((c) => c.presence === presence).map((c) => c.name);

export const JOB_COLUMNS = {
  required: named("JOBS", "required"),
  oneOf: named("JOBS", "one-of"),
  /** Which column to blame for a problem with a domain field. */
  fieldColumn: { enterpriseId: "siret", year: "annee", jobsCreated: "emplois_crees", fte: "etp", source: "source", dataYear: "millesime" } as Record<
    string,
    string
  >,
};

export const FUNDING_COLUMNS = {
  required: named("FUNDINGS", "required"),
  oneOf: named("FUNDINGS", "one-of"),
  fieldColumn: {
    funderId: "financeur",
    beneficiaryEnterpriseId: "beneficiaire_siret",
    beneficiaryPartnerId: "beneficiaire_partenaire",
    amount: "montant",
    year: "annee",
    decisionDate: "date_decision",
    instrument: "instrument",
    purpose: "objet",
    decisionReference: "reference_decision",
    conventionDate: "date_convention",
    aidNature: "nature",
    paymentTerms: "conditions_versement",
    paymentStart: "debut_versement",
    paymentEnd: "fin_versement",
    fundingShare: "part_subvention",
    euNotification: "notification_ue",
    aidScheme: "dispositif",
    raeId: "id_rae",
    source: "source",
    dataYear: "millesime",
  } as Record<string, string>,
};

/** Columns the file lacks, said before any row is looked at. */
export function missingColumns(columns: readonly string[], spec: { required: readonly string[]; oneOf: readonly string[] }): string[] {
  const missing = spec.required.filter((c) => !columns.includes(c));
  if (!spec.oneOf.some((c) => columns.includes(c))) missing.push(spec.oneOf.join(" ou "));
  return missing;
}
