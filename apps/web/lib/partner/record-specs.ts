// The four record forms, described once: fields and labels in French, how a form becomes the
// API's input, and the API's typed documents to create and update each kind.
import {
  AID_NATURE_SCDL,
  AID_NATURES,
  COOPERATIVE_KIND_LABELS,
  COOPERATIVE_KINDS,
  FUNDING_INSTRUMENT_LABELS,
  FUNDING_INSTRUMENTS,
  INCUBATION_OUTCOME_LABELS,
  INCUBATION_OUTCOMES,
  LEGAL_FAMILIES,
  LEGAL_FAMILY_LABELS,
  RECORD_KIND_LABELS,
  type RecordKind,
} from "@oess/domain/vocabulary";

export interface FieldSpec {
  name: string;
  label: string;
  type: "text" | "date" | "integer" | "decimal" | "select" | "checkbox" | "enterprise" | "partner" | "commune";
  required?: boolean;
  options?: ReadonlyArray<{ value: string; label: string }>;
  help?: string;
}

export interface RecordSpec {
  kind: RecordKind;
  /** URL word: /espace-partenaire/fiches/{slug}/… */
  slug: string;
  title: string;
  fields: readonly FieldSpec[];
}

const options = <V extends string>(values: readonly V[], labels: Record<V, string>) => values.map((value) => ({ value, label: labels[value] }));
const provenance: FieldSpec[] = [
  { name: "source", label: "Source", type: "text", required: true, help: "D'où vient le chiffre : déclaration annuelle, convention, fichier de suivi…" },
  { name: "dataYear", label: "Millésime", type: "integer", required: true, help: "Année des données." },
];

export const RECORD_SPECS: readonly RecordSpec[] = [
  {
    kind: "Enterprise",
    slug: "entreprise",
    title: RECORD_KIND_LABELS.Enterprise,
    fields: [
      { name: "name", label: "Nom (raison sociale)", type: "text", required: true },
      {
        name: "legalFamily",
        label: "Famille juridique",
        type: "select",
        options: options(LEGAL_FAMILIES, LEGAL_FAMILY_LABELS),
        help: "Laissez vide pour la déduire de la catégorie juridique INSEE (9220 : association, 5458 : coopérative Scop…).",
      },
      {
        name: "cooperativeKind",
        label: "Type de coopérative",
        type: "select",
        options: options(COOPERATIVE_KINDS, COOPERATIVE_KIND_LABELS),
        help: "Pour une coopérative seulement.",
      },
      {
        name: "legalCategory",
        label: "Catégorie juridique INSEE",
        type: "text",
        help: "4 chiffres, comme dans Sirene : 9220 association déclarée, 5458 SARL Scop, 5710 SAS… Elle doit concorder avec la famille juridique, qu'elle remplit si vous la laissez vide.",
      },
      { name: "siret", label: "SIRET", type: "text", help: "14 chiffres ; la clé de contrôle est vérifiée." },
      { name: "rna", label: "Numéro RNA", type: "text", help: "Associations : W suivi de 9 chiffres." },
      { name: "nafCode", label: "Code NAF (APE)", type: "text", required: true, help: "Par exemple 88.99B." },
      { name: "communeCode", label: "Commune", type: "commune", required: true },
      { name: "foundedOn", label: "Date de création", type: "date", help: "Vide pour un projet pas encore créé." },
      { name: "ceasedOn", label: "Date de cessation", type: "date" },
      ...provenance,
    ],
  },
  {
    kind: "Incubation",
    slug: "incubation",
    title: RECORD_KIND_LABELS.Incubation,
    fields: [
      { name: "enterpriseId", label: "Entreprise ou projet", type: "enterprise", required: true },
      { name: "supportingPartnerId", label: "Partenaire qui accompagne", type: "partner", required: true },
      { name: "startDate", label: "Début de l'incubation", type: "date", required: true },
      { name: "endDate", label: "Fin de l'incubation", type: "date", help: "Vide tant qu'elle est en cours." },
      { name: "outcome", label: "Issue", type: "select", required: true, options: options(INCUBATION_OUTCOMES, INCUBATION_OUTCOME_LABELS) },
      ...provenance,
    ],
  },
  {
    kind: "JobRecord",
    slug: "emplois",
    title: RECORD_KIND_LABELS.JobRecord,
    fields: [
      { name: "enterpriseId", label: "Entreprise", type: "enterprise", required: true },
      { name: "year", label: "Année", type: "integer", required: true },
      { name: "jobsCreated", label: "Emplois créés", type: "integer", required: true, help: "Effectif, en personnes." },
      { name: "fte", label: "Équivalents temps plein", type: "decimal", required: true, help: "Par exemple 2,5." },
      ...provenance,
    ],
  },
  {
    kind: "Funding",
    slug: "financement",
    title: RECORD_KIND_LABELS.Funding,
    fields: [
      { name: "funderId", label: "Financeur", type: "partner", required: true },
      { name: "beneficiaryEnterpriseId", label: "Entreprise bénéficiaire", type: "enterprise", help: "Ou bien un partenaire bénéficiaire, ci-dessous." },
      { name: "beneficiaryPartnerId", label: "Partenaire bénéficiaire", type: "partner" },
      { name: "amount", label: "Montant (€)", type: "decimal", required: true },
      { name: "year", label: "Exercice", type: "integer", required: true },
      { name: "decisionDate", label: "Date de décision", type: "date", required: true },
      { name: "instrument", label: "Instrument", type: "select", required: true, options: options(FUNDING_INSTRUMENTS, FUNDING_INSTRUMENT_LABELS) },
      { name: "purpose", label: "Objet", type: "text", required: true },
      { name: "decisionReference", label: "Référence de la décision", type: "text", help: "Numéro de délibération ou de convention." },
      { name: "conventionDate", label: "Date de convention", type: "date", help: "Obligatoire pour publier la subvention d'un organisme public (SCDL)." },
      { name: "aidNature", label: "Nature de l'aide", type: "select", options: options(AID_NATURES, AID_NATURE_SCDL) },
      { name: "paymentTerms", label: "Conditions de versement", type: "text", help: "« unique » ou « échelonné »." },
      { name: "paymentStart", label: "Premier versement", type: "date" },
      { name: "paymentEnd", label: "Dernier versement", type: "date" },
      { name: "fundingShare", label: "Part de la subvention (0,01 à 1)", type: "decimal" },
      { name: "euNotification", label: "Aide notifiée à la Commission européenne", type: "checkbox" },
      { name: "aidScheme", label: "Dispositif", type: "text" },
      { name: "raeId", label: "Identifiant RAE", type: "text" },
      ...provenance,
    ],
  },
];

export const specOfKind = (kind: RecordKind): RecordSpec => {
  const spec = RECORD_SPECS.find((s) => s.kind === kind);
  if (!spec) throw new Error(`No form for ${kind}`);
  return spec;
};
export const specOfSlug = (slug: string): RecordSpec | undefined => RECORD_SPECS.find((s) => s.slug === slug);

/** The page of a record, by kind and UUID. */
export const recordPath = (kind: RecordKind, id: string) => `/espace-partenaire/fiches/${specOfKind(kind).slug}/${id}`;

/** The API's global ID of a record (Relay's: base64 of « Kind:uuid »). */
export const globalId = (kind: RecordKind, id: string) => btoa(`${kind}:${id}`);
