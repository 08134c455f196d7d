// A funding from a partner, with the fields the SCDL « Subventions » needs.
import { type FundingInput, fundingProblems, normalizeDecimal } from "@oess/domain";
import { fundingRow } from "../funding-row";
import type { RecordRules } from "../record-writes";
import { enterpriseRef, partnerRef, text } from "./form-values";

export const fundingRules: RecordRules<FundingInput> = {
  kind: "Funding",
  normalize: (form) => {
    const share = text(form.fundingShare);
    return {
      ...form,
      beneficiaryEnterpriseId: text(form.beneficiaryEnterpriseId),
      beneficiaryPartnerId: text(form.beneficiaryPartnerId),
      amount: normalizeDecimal(form.amount),
      decisionDate: form.decisionDate.trim(),
      purpose: form.purpose.trim(),
      decisionReference: text(form.decisionReference),
      conventionDate: text(form.conventionDate),
      paymentTerms: text(form.paymentTerms),
      paymentStart: text(form.paymentStart),
      paymentEnd: text(form.paymentEnd),
      fundingShare: share === null ? null : normalizeDecimal(share),
      aidScheme: text(form.aidScheme),
      raeId: text(form.raeId),
      source: form.source.trim(),
    };
  },
  problems: (input) => fundingProblems(input),
  references: async (tx, ctx, input) => [
    ...(await partnerRef(tx, input.funderId, "funderId")),
    ...(await enterpriseRef(tx, ctx, input.beneficiaryEnterpriseId, "beneficiaryEnterpriseId")),
    ...(await partnerRef(tx, input.beneficiaryPartnerId, "beneficiaryPartnerId")),
  ],
  data: fundingRow,
  duplicate: { field: "decisionReference", message: "Ce financement existe déjà : même financeur, même référence de décision, même bénéficiaire." },
};
