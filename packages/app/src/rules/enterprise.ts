// An ESS enterprise as a partner records it.
import { type EnterpriseInput, enterpriseProblems, nafSection } from "@oess/domain";
import { LEGAL_CATEGORY_FACTS } from "@oess/domain/legal-categories";
import { isoDate } from "../funding-row";
import type { RecordRules } from "../record-writes";
import { identifier, text } from "./form-values";

export const enterpriseRules: RecordRules<EnterpriseInput> = {
  kind: "Enterprise",
  normalize: (form) => {
    const legalCategory = identifier(form.legalCategory);
    // A category that tells the family (and the Scop kind) fills them in when they are not given.
    const impliedFamily = legalCategory ? LEGAL_CATEGORY_FACTS.family(legalCategory) : null;
    const impliedKind = legalCategory && !form.legalFamily ? LEGAL_CATEGORY_FACTS.cooperativeKind(legalCategory) : null;
    return {
      name: form.name.trim(),
      siret: identifier(form.siret),
      rna: identifier(form.rna),
      legalFamily: form.legalFamily ?? impliedFamily,
      cooperativeKind: form.cooperativeKind ?? impliedKind,
      legalCategory,
      nafCode: form.nafCode.trim().toUpperCase(),
      communeCode: form.communeCode.trim(),
      foundedOn: text(form.foundedOn),
      ceasedOn: text(form.ceasedOn),
      source: form.source.trim(),
      dataYear: form.dataYear,
    };
  },
  problems: (input, ctx) => enterpriseProblems(input, (code) => ctx.territory.communes.some((c) => c.code === code), LEGAL_CATEGORY_FACTS),
  references: async () => [],
  data: (input) => ({ ...input, nafSection: nafSection(input.nafCode), foundedOn: isoDate(input.foundedOn), ceasedOn: isoDate(input.ceasedOn) }),
  duplicate: { field: "siret", message: "Une entreprise avec ce SIRET ou ce numéro RNA existe déjà." },
};
