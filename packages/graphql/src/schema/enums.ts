// The domain's vocabularies as GraphQL enums; each value's description is its French label.
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
  MEMBER_ROLE_LABELS,
  MEMBER_ROLES,
  PARTNER_KIND_LABELS,
  PARTNER_KINDS,
  RECORD_KIND_LABELS,
  RECORD_KINDS,
  RECORD_STATUS_LABELS,
  RECORD_STATUSES,
} from "@oess/domain";
import { builder } from "../builder";

/** An enum of one of the domain's vocabularies; each value is described by its French label. */
export function domainEnum<V extends string>(name: string, description: string, list: readonly V[], labels: Record<V, string>) {
  const values = Object.fromEntries(list.map((v) => [v, { value: v, description: labels[v] }])) as { [K in V]: { value: K; description: string } };
  return builder.enumType(name, { description, values });
}

export const LegalFamily = domainEnum(
  "LegalFamily",
  "Legal family of an ESS structure (famille juridique, loi ESS du 31 juillet 2014).",
  LEGAL_FAMILIES,
  LEGAL_FAMILY_LABELS,
);
export const CooperativeKind = domainEnum(
  "CooperativeKind",
  "Kind of cooperative: Scop, SCIC, CAE (coopérative d'activité et d'emploi) or other.",
  COOPERATIVE_KINDS,
  COOPERATIVE_KIND_LABELS,
);
export const FundingInstrument = domainEnum(
  "FundingInstrument",
  "How a partner funds: subvention, avance remboursable, prêt or prestation.",
  FUNDING_INSTRUMENTS,
  FUNDING_INSTRUMENT_LABELS,
);
export const AidNature = domainEnum("AidNature", "SCDL « nature » of an aid: in cash, in kind, or both.", AID_NATURES, AID_NATURE_SCDL);
export const IncubationOutcome = domainEnum(
  "IncubationOutcome",
  "What became of an incubated project: en cours, créée, abandonnée.",
  INCUBATION_OUTCOMES,
  INCUBATION_OUTCOME_LABELS,
);
export const RecordStatus = domainEnum(
  "RecordStatus",
  "Publication workflow of a contributed record; anonymous callers only ever see PUBLISHED.",
  RECORD_STATUSES,
  RECORD_STATUS_LABELS,
);
export const PartnerKind = domainEnum("PartnerKind", "Kind of partner organisation of the PTCE.", PARTNER_KINDS, PARTNER_KIND_LABELS);
export const MemberRole = domainEnum("MemberRole", "Role of a user in a partner organisation.", MEMBER_ROLES, MEMBER_ROLE_LABELS);
export const RecordKind = domainEnum("RecordKind", "The four kinds of contributed records.", RECORD_KINDS, RECORD_KIND_LABELS);
