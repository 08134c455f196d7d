// The SCDL « Subventions » file a public body already publishes (versions 2.0 to 2.1.1), read as
// a file of fundings: its rows whose idAttribuant is the organisation's SIRET become grants, the
// others are left out and counted. The fundings import then does the rest (matching, preview,
// all or nothing, natural keys), and its problems are said in the SCDL's own column names.
import { SCDL_COLUMNS } from "@oess/domain";
import { type ImportPlan, type PlanContext, planImport } from "./plan";
import { columnKey, type Table } from "./read-table";

/** SCDL columns (as headers normalise) → fundings import columns, for the values copied as they are. */
const COPIED: Record<string, string> = {
  montant: "montant",
  objet: "objet",
  referencedecision: "reference_decision",
  nature: "nature",
  conditionsversement: "conditions_versement",
  idrae: "id_rae",
  notificationue: "notification_ue",
  pourcentagesubvention: "part_subvention",
  dispositifaide: "dispositif",
};

/** The columns a file must have to be read as SCDL; the others are optional in every version. */
const REQUIRED = ["idattribuant", "dateconvention", "nombeneficiaire", "idbeneficiaire", "objet", "montant"];

const scdlName = (key: string): string => SCDL_COLUMNS.find((c) => columnKey(c) === key) ?? key;

/** For problems: the SCDL column a fundings column comes from. */
const ORIGIN: Record<string, string> = {
  ...Object.fromEntries(Object.entries(COPIED).map(([scdl, funding]) => [funding, scdlName(scdl)])),
  financeur: "idAttribuant",
  beneficiaire_siret: "idBeneficiaire",
  beneficiaire_rna: "rnaBeneficiaire",
  beneficiaire_partenaire: "idBeneficiaire",
  annee: "dateConvention",
  date_decision: "dateConvention",
  date_convention: "dateConvention",
  debut_versement: "datesPeriodeVersement",
  fin_versement: "datesPeriodeVersement",
};

const scdlColumnOf = (fundingsColumn: string): string => ORIGIN[fundingsColumn] ?? fundingsColumn;

const COLUMNS = [
  "financeur",
  "instrument",
  "annee",
  "date_decision",
  "date_convention",
  "debut_versement",
  "fin_versement",
  "beneficiaire_siret",
  "beneficiaire_partenaire",
  "beneficiaire_rna",
  ...Object.values(COPIED),
];

interface ScdlAsFundings {
  table: Table;
  /** Rows of another attribuant, left out. */
  ignored: number;
  /** Required SCDL columns the file lacks (then nothing is read). */
  missing: string[];
}

/**
 * The fundings table of `funder`'s rows. `partnerSirets`: SIRETs of partners, whose grants are to
 * a partner rather than to an enterprise.
 */
function scdlAsFundings(table: Table, funder: { slug: string; siret: string }, partnerSirets: ReadonlySet<string>): ScdlAsFundings {
  const missing = REQUIRED.filter((c) => !table.columns.includes(c)).map(scdlName);
  if (missing.length > 0) return { table: { ...table, rows: [] }, ignored: 0, missing };
  const own = table.rows.filter((r) => (r.cells.idattribuant ?? "").replace(/\s/g, "") === funder.siret);
  const rows = own.map(({ line, cells }) => {
    const beneficiary = (cells.idbeneficiaire ?? "").replace(/\s/g, "");
    const [start = "", end = ""] = (cells.datesperiodeversement ?? "").split("/");
    // The SCDL has no decision date nor budget year: the convention's date stands for both.
    const date = cells.dateconvention || start;
    const fundings: Record<string, string> = {
      financeur: funder.slug,
      instrument: "GRANT",
      annee: /^\d{4}/.test(date) ? date.slice(0, 4) : "",
      date_decision: date,
      date_convention: cells.dateconvention ?? "",
      debut_versement: start,
      fin_versement: end,
      beneficiaire_siret: partnerSirets.has(beneficiary) ? "" : beneficiary,
      beneficiaire_partenaire: partnerSirets.has(beneficiary) ? beneficiary : "",
      beneficiaire_rna: cells.rnabeneficiaire ?? "",
    };
    for (const [scdl, column] of Object.entries(COPIED)) fundings[column] = cells[scdl] ?? "";
    return { line, cells: fundings };
  });
  return { table: { rows, columns: COLUMNS, format: table.format }, ignored: table.rows.length - own.length, missing };
}

const refusal = (message: string, line = 0, column = ""): ImportPlan => ({
  kind: "FUNDINGS",
  rowCount: 0,
  rows: [],
  preview: [],
  problems: [{ line, column, message }],
});

/** What importing an SCDL file into the organisation's grants would do (see planImport). */
export async function planScdlImport(ctx: PlanContext, table: Table): Promise<ImportPlan> {
  const funder = await ctx.prisma.partner.findUnique({
    where: { id: ctx.partnerId },
    select: { slug: true, siret: true, isPublicBody: true, shortName: true },
  });
  if (!funder?.isPublicBody || !funder.siret) {
    return refusal("L'import SCDL est réservé aux personnes publiques dont le SIRET est enregistré : c'est lui qui désigne leurs lignes (idAttribuant).");
  }
  const partners = await ctx.prisma.partner.findMany({ where: { siret: { not: null } }, select: { siret: true } });
  const read = scdlAsFundings(table, { slug: funder.slug, siret: funder.siret }, new Set(partners.map((p) => p.siret ?? "")));
  if (read.missing.length > 0) return { ...refusal("", 1), problems: read.missing.map((column) => ({ line: 1, column, message: "Colonne SCDL manquante." })) };
  if (read.table.rows.length === 0) {
    return {
      ...refusal(`Aucune ligne n'a pour idAttribuant le SIRET de ${funder.shortName} (${funder.siret}) : rien à importer.`),
      ignored: read.ignored,
    };
  }
  // One source for every file of the organisation: a newer file (another name) changes no row it repeats.
  const plan = await planImport({ ...ctx, source: `Fichier SCDL de ${funder.shortName}` }, "FUNDINGS", read.table);
  return { ...plan, ignored: read.ignored, problems: plan.problems.map((p) => ({ ...p, column: scdlColumnOf(p.column) })) };
}
