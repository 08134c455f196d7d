// The columns of the import files, described once: the importer reads them, the import page
// explains them, and the template files and the list of allowed values are made from them.
import { AID_NATURE_SCDL, FUNDING_INSTRUMENT_LABELS, FUNDING_INSTRUMENTS } from "./vocabulary";

export const IMPORT_KINDS = ["JOBS", "FUNDINGS"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ImportColumn {
  name: string;
  /** "one-of": one column of the group suffices (e.g. siret or rna). */
  presence: "required" | "one-of" | "optional";
  description: string;
  /** A value for the template's example row. */
  example: string;
  /** The values a coded column accepts (any case), with their meaning. */
  allowed?: ReadonlyArray<{ value: string; meaning: string }>;
  /** What is recorded when the column is absent or empty. */
  default?: string;
}

const DATE = "Date, JJ/MM/AAAA ou AAAA-MM-JJ.";
const provenance: ImportColumn[] = [
  { name: "source", presence: "optional", description: "D'où vient le chiffre.", example: "Déclaration annuelle", default: "« Import » et le nom du fichier" },
  { name: "millesime", presence: "optional", description: "Année des données (millésime).", example: "2025", default: "l'année de la ligne (annee)" },
];

export const IMPORT_COLUMNS: Record<ImportKind, readonly ImportColumn[]> = {
  JOBS: [
    { name: "siret", presence: "one-of", description: "SIRET de l'entreprise (14 chiffres), déjà enregistrée.", example: "79829012300016" },
    { name: "rna", presence: "one-of", description: "Ou bien son numéro RNA (W suivi de 9 chiffres), pour une association.", example: "" },
    { name: "annee", presence: "required", description: "Année des emplois créés.", example: "2025" },
    { name: "emplois_crees", presence: "required", description: "Emplois créés dans l'année, en personnes.", example: "3" },
    { name: "etp", presence: "required", description: "Équivalents temps plein, virgule ou point décimal.", example: "2,5" },
    ...provenance,
  ],
  FUNDINGS: [
    {
      name: "financeur",
      presence: "required",
      description: "Le partenaire qui finance : son nom court (ex. can) ou son SIRET.",
      example: "can",
    },
    { name: "beneficiaire_siret", presence: "one-of", description: "SIRET de l'entreprise bénéficiaire, déjà enregistrée.", example: "79829012300016" },
    { name: "beneficiaire_rna", presence: "one-of", description: "Ou son numéro RNA.", example: "" },
    { name: "beneficiaire_partenaire", presence: "one-of", description: "Ou le nom court d'un partenaire bénéficiaire.", example: "" },
    { name: "montant", presence: "required", description: "Montant décidé, en euros (12 500,50 ou 12500.50).", example: "12 500,50" },
    { name: "annee", presence: "required", description: "Exercice.", example: "2025" },
    { name: "date_decision", presence: "required", description: DATE, example: "15/03/2025" },
    {
      name: "instrument",
      presence: "required",
      description: "Forme du financement.",
      example: "subvention",
      allowed: FUNDING_INSTRUMENTS.map((i) => ({ value: FUNDING_INSTRUMENT_LABELS[i].toLowerCase(), meaning: `${FUNDING_INSTRUMENT_LABELS[i]} (${i})` })),
    },
    { name: "objet", presence: "required", description: "Objet du financement.", example: "Aide au démarrage" },
    { name: "reference_decision", presence: "required", description: "Numéro de délibération ou de convention.", example: "DEL-2025-042" },
    {
      name: "date_convention",
      presence: "optional",
      description: `${DATE} Obligatoire pour publier la subvention d'un organisme public.`,
      example: "01/04/2025",
    },
    {
      name: "nature",
      presence: "optional",
      description: "Nature de l'aide (SCDL).",
      example: "numéraire",
      allowed: [
        { value: "numéraire", meaning: AID_NATURE_SCDL.CASH },
        { value: "nature", meaning: AID_NATURE_SCDL.IN_KIND },
        { value: "les deux", meaning: AID_NATURE_SCDL.BOTH },
      ],
      default: "numéraire",
    },
    {
      name: "conditions_versement",
      presence: "optional",
      description: "Conditions de versement (SCDL).",
      example: "unique",
      allowed: [
        { value: "unique", meaning: "Versement en une fois" },
        { value: "échelonné", meaning: "Versements échelonnés" },
      ],
      default: "unique",
    },
    { name: "debut_versement", presence: "optional", description: DATE, example: "" },
    { name: "fin_versement", presence: "optional", description: DATE, example: "" },
    { name: "part_subvention", presence: "optional", description: "Part de la dépense subventionnée, de 0,01 à 1.", example: "" },
    {
      name: "notification_ue",
      presence: "optional",
      description: "Aide notifiée à la Commission européenne.",
      example: "non",
      allowed: [
        { value: "oui", meaning: "Notifiée" },
        { value: "non", meaning: "Non notifiée" },
      ],
      default: "non",
    },
    { name: "dispositif", presence: "optional", description: "Dispositif d'aide.", example: "" },
    { name: "id_rae", presence: "optional", description: "Identifiant au registre des aides d'État (RAE).", example: "" },
    ...provenance,
  ],
};

export const IMPORT_PRESENCE_LABELS: Record<ImportColumn["presence"], string> = {
  required: "obligatoire",
  "one-of": "l'une de ces colonnes",
  optional: "facultative",
};
