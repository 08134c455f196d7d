// Jobs created by one enterprise in one year.
import { type JobRecordInput, jobRecordProblems, normalizeDecimal } from "@oess/domain";
import type { RecordRules } from "../record-writes";
import { enterpriseRef } from "./form-values";

export const jobRecordRules: RecordRules<JobRecordInput> = {
  kind: "JobRecord",
  normalize: (form) => ({ ...form, fte: normalizeDecimal(form.fte), source: form.source.trim() }),
  problems: (input) => jobRecordProblems(input),
  references: (tx, ctx, input) => enterpriseRef(tx, ctx, input.enterpriseId, "enterpriseId"),
  data: (input) => ({ ...input }),
  duplicate: { field: "year", message: "Les emplois de cette entreprise pour cette année sont déjà saisis : modifiez-les plutôt." },
};
