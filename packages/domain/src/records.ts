// What partners enter (forms, imports, API), checked field by field with French messages, before
// anything reaches the database. The database's constraints say the same, as a last line.
import { checkSiret, isValidRna } from "./identifiers";
import { nafSection } from "./naf";
import {
  AID_NATURES,
  type AidNature,
  COOPERATIVE_KINDS,
  type CooperativeKind,
  checkCooperativeKind,
  FUNDING_INSTRUMENTS,
  type FundingInstrument,
  INCUBATION_OUTCOMES,
  type IncubationOutcome,
  LEGAL_FAMILIES,
  LEGAL_FAMILY_LABELS,
  type LegalFamily,
} from "./vocabulary";

export interface FieldProblem {
  field: string;
  message: string;
}

/** Fields every contributed record carries. */
export interface ProvenanceInput {
  source: string;
  dataYear: number;
}

export interface EnterpriseInput extends ProvenanceInput {
  name: string;
  siret?: string | null;
  rna?: string | null;
  /** Null when not given: derived from the legal category where it tells it, else a problem. */
  legalFamily?: LegalFamily | null;
  cooperativeKind?: CooperativeKind | null;
  /** INSEE legal category (catégorie juridique, niveau III), 4 digits. */
  legalCategory?: string | null;
  nafCode: string;
  communeCode: string;
  /** ISO dates (AAAA-MM-JJ). */
  foundedOn?: string | null;
  ceasedOn?: string | null;
}

export interface IncubationInput extends ProvenanceInput {
  enterpriseId: string;
  supportingPartnerId: string;
  startDate: string;
  endDate?: string | null;
  outcome: IncubationOutcome;
}

export interface JobRecordInput extends ProvenanceInput {
  enterpriseId: string;
  year: number;
  jobsCreated: number;
  /** Decimal as text, e.g. "2.5". */
  fte: string;
}

export interface FundingInput extends ProvenanceInput {
  funderId: string;
  beneficiaryEnterpriseId?: string | null;
  beneficiaryPartnerId?: string | null;
  amount: string;
  year: number;
  decisionDate: string;
  instrument: FundingInstrument;
  purpose: string;
  decisionReference?: string | null;
  conventionDate?: string | null;
  aidNature?: AidNature | null;
  paymentTerms?: string | null;
  paymentStart?: string | null;
  paymentEnd?: string | null;
  fundingShare?: string | null;
  euNotification?: boolean | null;
  aidScheme?: string | null;
  raeId?: string | null;
}

/** « 12 500,50 € » → "12500.50": amounts as French people write them. */
export const normalizeDecimal = (text: string): string => text.replace(/[\s\u00a0\u202f€]/g, "").replace(",", ".");

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DECIMAL = /^\d{1,10}(\.\d{1,2})?$/;

export const isIsoDate = (value: string): boolean =>
  ISO_DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

/**
 * A text that a spreadsheet would run as a formula when it opens a CSV (OWASP « CSV injection »):
 * refused in free text at entry and import, and neutralised in every CSV export besides.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** Collects problems; each check names its field. */
class Checker {
  readonly problems: FieldProblem[] = [];
  fail(field: string, message: string): void {
    this.problems.push({ field, message });
  }
  text(field: string, value: string | null | undefined, { required = false, max = 255 } = {}): void {
    const text = value?.trim() ?? "";
    if (required && text === "") this.fail(field, "Ce champ est obligatoire.");
    else if (text.length > max) this.fail(field, `${max} caractères au plus (${text.length} saisis).`);
    else if (value && (FORMULA_START.test(value) || FORMULA_START.test(text)))
      this.fail(field, "Un texte ne peut pas commencer par =, +, -, @, une tabulation ou un retour chariot (un tableur le prendrait pour une formule).");
  }
  year(field: string, value: number): void {
    if (!Number.isInteger(value) || value < MIN_YEAR || value > MAX_YEAR) this.fail(field, `Année entre ${MIN_YEAR} et ${MAX_YEAR} attendue.`);
  }
  date(field: string, value: string | null | undefined, required = false): boolean {
    if (value == null || value === "") {
      if (required) this.fail(field, "Ce champ est obligatoire.");
      return false;
    }
    if (!isIsoDate(value)) {
      this.fail(field, "Date attendue au format AAAA-MM-JJ.");
      return false;
    }
    if (value < `${MIN_YEAR}-01-01` && field !== "foundedOn") {
      this.fail(field, `Date à partir de ${MIN_YEAR} attendue.`);
      return false;
    }
    if (value > `${MAX_YEAR}-12-31` || value < "1800-01-01") {
      this.fail(field, "Date hors des limites plausibles.");
      return false;
    }
    return true;
  }
  oneOf<T extends string>(field: string, value: string | null | undefined, allowed: readonly T[]): void {
    if (value == null || !allowed.includes(value as T)) this.fail(field, `Valeur attendue parmi : ${allowed.join(", ")}.`);
  }
  provenance(input: ProvenanceInput): void {
    this.text("source", input.source, { required: true });
    this.year("dataYear", input.dataYear);
  }
}

/** What the legal-category nomenclature says of a code (kept out of this module: it reads a file). */
export interface LegalCategoryFacts {
  label(code: string): string | null;
  family(code: string): LegalFamily | null;
  cooperativeKind(code: string): CooperativeKind | null;
}

export function enterpriseProblems(input: EnterpriseInput, isCommune: (code: string) => boolean, categories: LegalCategoryFacts): FieldProblem[] {
  const c = new Checker();
  c.text("name", input.name, { required: true });
  if (input.legalFamily == null) {
    c.fail("legalFamily", "Choisissez la famille juridique, ou donnez une catégorie juridique INSEE qui la détermine (ex. 9220, 5458).");
  } else c.oneOf("legalFamily", input.legalFamily, LEGAL_FAMILIES);
  if (input.cooperativeKind != null) c.oneOf("cooperativeKind", input.cooperativeKind, COOPERATIVE_KINDS);
  if (input.legalFamily != null && LEGAL_FAMILIES.includes(input.legalFamily)) {
    const kind = checkCooperativeKind(input.legalFamily, input.cooperativeKind ?? null);
    if (kind) c.fail("cooperativeKind", kind);
  }
  if (input.legalCategory) legalCategoryProblems(c, input, categories);
  if (input.siret) {
    const problem = checkSiret(input.siret);
    if (problem === "format") c.fail("siret", "Le SIRET compte 14 chiffres.");
    else if (problem === "checksum") c.fail("siret", "Ce SIRET n'existe pas : sa clé de contrôle (algorithme de Luhn) est fausse. Vérifiez les chiffres.");
  }
  if (input.rna && !isValidRna(input.rna)) c.fail("rna", "Le numéro RNA s'écrit W suivi de 9 chiffres (ex. W791234567).");
  if (input.rna && input.legalFamily !== "ASSOCIATION") c.fail("rna", "Seule une association a un numéro RNA.");
  if (!nafSection(input.nafCode)) c.fail("nafCode", "Code NAF rév. 2 inconnu : 2 chiffres, un point, 2 chiffres et une lettre (ex. 88.99B).");
  if (!isCommune(input.communeCode)) c.fail("communeCode", "Cette commune n'appartient pas au territoire de l'observatoire.");
  const founded = c.date("foundedOn", input.foundedOn);
  const ceased = c.date("ceasedOn", input.ceasedOn);
  if (founded && !input.siret && !input.rna) c.fail("siret", "Une entreprise créée a un SIRET (ou, pour une association, un numéro RNA).");
  if (ceased && !input.foundedOn) c.fail("ceasedOn", "Une date de cessation suppose une date de création.");
  if (founded && ceased && (input.ceasedOn ?? "") < (input.foundedOn ?? "")) c.fail("ceasedOn", "La cessation ne peut précéder la création.");
  c.provenance(input);
  return c.problems;
}

/** A known code, and a family (and Scop kind) that agree with it. */
function legalCategoryProblems(c: Checker, input: EnterpriseInput, categories: LegalCategoryFacts): void {
  const code = input.legalCategory ?? "";
  const label = /^\d{4}$/.test(code) ? categories.label(code) : null;
  if (label === null) {
    c.fail("legalCategory", `« ${code} » n'est pas une catégorie juridique de l'INSEE (niveau III, 4 chiffres, ex. 9220 pour une association déclarée).`);
    return;
  }
  const family = categories.family(code);
  if (family && input.legalFamily != null && family !== input.legalFamily) {
    c.fail("legalFamily", `La catégorie juridique ${code} (${label}) est celle d'une famille « ${LEGAL_FAMILY_LABELS[family]} ».`);
  }
  const kind = categories.cooperativeKind(code);
  if (kind && input.cooperativeKind !== kind) c.fail("cooperativeKind", `La catégorie juridique ${code} (${label}) est celle d'une Scop.`);
}

export function incubationProblems(input: IncubationInput): FieldProblem[] {
  const c = new Checker();
  c.oneOf("outcome", input.outcome, INCUBATION_OUTCOMES);
  const start = c.date("startDate", input.startDate, true);
  const end = c.date("endDate", input.endDate);
  if (input.outcome === "IN_PROGRESS" && input.endDate) c.fail("endDate", "Une incubation en cours n'a pas encore de date de fin.");
  if (input.outcome !== "IN_PROGRESS" && !input.endDate) c.fail("endDate", "Indiquez la date de fin d'une incubation terminée.");
  if (start && end && (input.endDate ?? "") < input.startDate) c.fail("endDate", "La fin ne peut précéder le début.");
  c.provenance(input);
  return c.problems;
}

export function jobRecordProblems(input: JobRecordInput): FieldProblem[] {
  const c = new Checker();
  c.year("year", input.year);
  if (!Number.isInteger(input.jobsCreated) || input.jobsCreated < 0 || input.jobsCreated > 100_000)
    c.fail("jobsCreated", "Nombre entier d'emplois entre 0 et 100 000 attendu.");
  if (!DECIMAL.test(input.fte)) c.fail("fte", "Nombre positif attendu, avec au plus 2 décimales et un point (ex. 2.5).");
  else if (Number(input.fte) > input.jobsCreated) c.fail("fte", "Les équivalents temps plein ne peuvent dépasser le nombre d'emplois créés.");
  c.provenance(input);
  return c.problems;
}

export function fundingProblems(input: FundingInput): FieldProblem[] {
  const c = new Checker();
  const beneficiaries = [input.beneficiaryEnterpriseId, input.beneficiaryPartnerId].filter((b) => b != null && b !== "").length;
  if (beneficiaries !== 1) c.fail("beneficiaryEnterpriseId", "Indiquez un bénéficiaire, et un seul : une entreprise ou un partenaire.");
  if (!DECIMAL.test(input.amount)) c.fail("amount", "Montant en euros attendu, avec au plus 2 décimales et un point (ex. 15000.50).");
  else if (Number(input.amount) <= 0) c.fail("amount", "Le montant doit être supérieur à 0 €.");
  c.year("year", input.year);
  const decided = c.date("decisionDate", input.decisionDate, true);
  c.oneOf("instrument", input.instrument, FUNDING_INSTRUMENTS);
  c.text("purpose", input.purpose, { required: true, max: 255 });
  c.text("decisionReference", input.decisionReference, { max: 100 });
  const convention = c.date("conventionDate", input.conventionDate);
  if (input.aidNature != null) c.oneOf("aidNature", input.aidNature, AID_NATURES);
  c.text("paymentTerms", input.paymentTerms, { max: 255 });
  const paidFrom = c.date("paymentStart", input.paymentStart);
  const paidTo = c.date("paymentEnd", input.paymentEnd);
  if (paidFrom && paidTo && (input.paymentEnd ?? "") < (input.paymentStart ?? "")) c.fail("paymentEnd", "La fin des versements ne peut précéder leur début.");
  if (convention && decided && (input.conventionDate ?? "") < input.decisionDate) c.fail("conventionDate", "La convention ne peut précéder la décision.");
  if (input.fundingShare != null && input.fundingShare !== "") {
    const share = Number(input.fundingShare);
    if (!/^\d(\.\d{1,4})?$/.test(input.fundingShare) || share < 0.01 || share > 1)
      c.fail("fundingShare", "Part entre 0.01 et 1 attendue (ex. 0.5 pour la moitié).");
  }
  c.text("aidScheme", input.aidScheme, { max: 255 });
  if (input.raeId != null && input.raeId.length > 5) c.fail("raeId", "L'identifiant RAE compte 5 caractères au plus.");
  c.provenance(input);
  return c.problems;
}

/**
 * What a grant of a public body lacks to be published in the SCDL « Subventions » (décret
 * 2017-779): the database refuses to publish it otherwise (migration 0005).
 */
export function grantPublicationProblems(grant: {
  conventionDate: string | null;
  amount: string;
  paymentTerms: string | null;
  beneficiarySiret: string | null;
  beneficiaryRna: string | null;
}): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!grant.conventionDate)
    problems.push({ field: "conventionDate", message: "La date de convention est obligatoire pour publier une subvention d'un organisme public (SCDL)." });
  if (!(Number(grant.amount) > 0)) problems.push({ field: "amount", message: "Une subvention publiée a un montant supérieur à 0 €." });
  if (!grant.paymentTerms?.trim())
    problems.push({ field: "paymentTerms", message: "Les conditions de versement sont obligatoires pour publier une subvention (SCDL)." });
  else if (grant.paymentTerms.length >= 256)
    problems.push({ field: "paymentTerms", message: "Les conditions de versement tiennent en moins de 256 caractères pour être publiées (SCDL)." });
  if (!grant.beneficiarySiret && !grant.beneficiaryRna)
    problems.push({
      field: "beneficiaryEnterpriseId",
      message: "Le bénéficiaire doit avoir un SIRET ou un numéro RNA pour que la subvention soit publiée (SCDL).",
    });
  return problems;
}
