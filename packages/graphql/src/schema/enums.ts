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
  PARTNER_KIND_LABELS,
  PARTNER_KINDS,
  RECORD_STATUS_LABELS,
  RECORD_STATUSES,
} from "@oess/domain";
import { builder } from "../builder";

function values<V extends string>(list: readonly V[], labels: Record<V, string>) {
  return Object.fromEntries(list.map((v) => [v, { value: v, description: labels[v] }])) as { [K in V]: { value: K; description: string } };
}

export const LegalFamily = builder.enumType("LegalFamily", {
  description: "Legal family of an ESS structure (famille juridique, loi ESS du 31 juillet 2014).",
  values: values(LEGAL_FAMILIES, LEGAL_FAMILY_LABELS),
});
export const CooperativeKind = builder.enumType("CooperativeKind", {
  description: "Kind of cooperative: Scop, SCIC, CAE (coopérative d'activité et d'emploi) or other.",
  values: values(COOPERATIVE_KINDS, COOPERATIVE_KIND_LABELS),
});
export const FundingInstrument = builder.enumType("FundingInstrument", {
  description: "How a partner funds: subvention, avance remboursable, prêt or prestation.",
  values: values(FUNDING_INSTRUMENTS, FUNDING_INSTRUMENT_LABELS),
});
export const AidNature = builder.enumType("AidNature", {
  description: "SCDL « nature » of an aid: in cash, in kind, or both.",
  values: values(AID_NATURES, AID_NATURE_SCDL),
});
export const IncubationOutcome = builder.enumType("IncubationOutcome", {
  description: "What became of an incubated project: en cours, créée, abandonnée.",
  values: values(INCUBATION_OUTCOMES, INCUBATION_OUTCOME_LABELS),
});
export const RecordStatus = builder.enumType("RecordStatus", {
  description: "Publication workflow of a contributed record; anonymous callers only ever see PUBLISHED.",
  values: values(RECORD_STATUSES, RECORD_STATUS_LABELS),
});
export const PartnerKind = builder.enumType("PartnerKind", {
  description: "Kind of partner organisation of the PTCE.",
  values: values(PARTNER_KINDS, PARTNER_KIND_LABELS),
});
