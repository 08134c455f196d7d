// An incubation: an enterprise project accompanied by a partner.
import { type IncubationInput, incubationProblems } from "@oess/domain";
import { isoDate } from "../funding-row";
import type { RecordRules } from "../record-writes";
import { enterpriseRef, partnerRef, text } from "./form-values";

export const incubationRules: RecordRules<IncubationInput> = {
  kind: "Incubation",
  normalize: (form) => ({ ...form, startDate: form.startDate.trim(), endDate: text(form.endDate), source: form.source.trim() }),
  problems: (input) => incubationProblems(input),
  references: async (tx, ctx, input) => [
    ...(await enterpriseRef(tx, ctx, input.enterpriseId, "enterpriseId")),
    ...(await partnerRef(tx, input.supportingPartnerId, "supportingPartnerId")),
  ],
  data: (input) => ({ ...input, startDate: isoDate(input.startDate), endDate: isoDate(input.endDate) }),
  duplicate: { field: "startDate", message: "Cette incubation existe déjà." },
};
