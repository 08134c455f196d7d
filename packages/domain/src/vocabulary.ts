// The domain's closed vocabularies, with their French labels. The database enums mirror these
// lists; packages/db has a test that fails if the two drift apart.

export const LEGAL_FAMILIES = ["ASSOCIATION", "COOPERATIVE", "MUTUAL", "FOUNDATION", "ESS_COMPANY"] as const;
export type LegalFamily = (typeof LEGAL_FAMILIES)[number];
export const LEGAL_FAMILY_LABELS: Record<LegalFamily, string> = {
  ASSOCIATION: "Association",
  COOPERATIVE: "Coopérative",
  MUTUAL: "Mutuelle",
  FOUNDATION: "Fondation",
  ESS_COMPANY: "Société commerciale de l'ESS",
};

export const COOPERATIVE_KINDS = ["SCOP", "SCIC", "CAE", "OTHER"] as const;
export type CooperativeKind = (typeof COOPERATIVE_KINDS)[number];
export const COOPERATIVE_KIND_LABELS: Record<CooperativeKind, string> = {
  SCOP: "Scop",
  SCIC: "SCIC",
  CAE: "Coopérative d'activité et d'emploi",
  OTHER: "Autre coopérative",
};

/** A cooperative must say which kind it is; any other family must not. */
export function checkCooperativeKind(family: LegalFamily, kind: CooperativeKind | null): string | null {
  if (family === "COOPERATIVE" && kind === null) return "Une coopérative doit préciser son type (Scop, SCIC, CAE ou autre).";
  if (family !== "COOPERATIVE" && kind !== null) return "Seule une coopérative a un type de coopérative.";
  return null;
}

/** The label an elected official expects: "Scop" rather than "Coopérative". */
export function legalFormLabel(family: LegalFamily, kind: CooperativeKind | null): string {
  return family === "COOPERATIVE" && kind !== null ? COOPERATIVE_KIND_LABELS[kind] : LEGAL_FAMILY_LABELS[family];
}

export const FUNDING_INSTRUMENTS = ["GRANT", "REPAYABLE_ADVANCE", "LOAN", "SERVICE"] as const;
export type FundingInstrument = (typeof FUNDING_INSTRUMENTS)[number];
export const FUNDING_INSTRUMENT_LABELS: Record<FundingInstrument, string> = {
  GRANT: "Subvention",
  REPAYABLE_ADVANCE: "Avance remboursable",
  LOAN: "Prêt",
  SERVICE: "Prestation",
};

export const AID_NATURES = ["CASH", "IN_KIND", "BOTH"] as const;
export type AidNature = (typeof AID_NATURES)[number];
/** Values of the SCDL « nature » column. */
export const AID_NATURE_SCDL: Record<AidNature, string> = {
  CASH: "aide en numéraire",
  IN_KIND: "aide en nature",
  BOTH: "aide en numéraire;aide en nature",
};

export const INCUBATION_OUTCOMES = ["IN_PROGRESS", "CREATED", "ABANDONED"] as const;
export type IncubationOutcome = (typeof INCUBATION_OUTCOMES)[number];
export const INCUBATION_OUTCOME_LABELS: Record<IncubationOutcome, string> = {
  IN_PROGRESS: "En cours",
  CREATED: "Créée",
  ABANDONED: "Abandonnée",
};

/** The four kinds of records partners contribute (GraphQL type names), and their French names. */
export const RECORD_KINDS = ["Enterprise", "Incubation", "JobRecord", "Funding"] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];
export const RECORD_KIND_LABELS: Record<RecordKind, string> = {
  Enterprise: "Entreprise",
  Incubation: "Incubation",
  JobRecord: "Emplois de l'année",
  Funding: "Financement",
};

export const RECORD_STATUSES = ["DRAFT", "SUBMITTED", "PUBLISHED", "REJECTED"] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];
export const RECORD_STATUS_LABELS: Record<RecordStatus, string> = {
  DRAFT: "Brouillon",
  SUBMITTED: "Soumis",
  PUBLISHED: "Publié",
  REJECTED: "Rejeté",
};

export const PARTNER_KINDS = ["EPCI", "COMMUNE", "REGION", "STATE", "NETWORK", "COOPERATIVE", "UNIVERSITY", "OTHER"] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];
export const PARTNER_KIND_LABELS: Record<PartnerKind, string> = {
  EPCI: "Intercommunalité",
  COMMUNE: "Commune",
  REGION: "Région",
  STATE: "État",
  NETWORK: "Réseau",
  COOPERATIVE: "Coopérative",
  UNIVERSITY: "Université",
  OTHER: "Autre",
};

export const MEMBER_ROLES = ["VIEWER", "EDITOR", "ADMIN"] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];
export const MEMBER_ROLE_LABELS: Record<MemberRole, string> = {
  VIEWER: "Lecteur·rice",
  EDITOR: "Éditeur·rice",
  ADMIN: "Administrateur·rice",
};
