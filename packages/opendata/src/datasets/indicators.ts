import { computeIndicators } from "@oess/db";
import { DEMO_DATA_NOTICE, describeIndicator, LEGAL_FAMILIES } from "@oess/domain";
import { communeCodeColumn, sourceColumn } from "../columns";
import type { Dataset } from "../dataset";

const count = (name: string, title: string, description: string) =>
  ({ name, type: "integer", title, description, constraints: { required: true, minimum: 0 } }) as const;

export const indicators: Dataset = {
  name: "indicators",
  title: "Indicateurs annuels",
  description:
    "Les agrégats annuels du tableau de bord par commune et famille juridique : emplois créés, ETP, entreprises incubées et créées, financements. " +
    "Les mêmes chiffres que le tableau de bord et que l'API (indicators). Les financements versés à un partenaire n'ont pas de commune.",
  keywords: ["indicateurs", "emploi", "financements", "incubation", "ESS"],
  columns: [
    { name: "year", type: "integer", title: "Année", description: "Année.", constraints: { required: true } },
    { ...communeCodeColumn(false), description: "Code INSEE de la commune des entreprises ; vide pour les financements versés à un partenaire." },
    { name: "commune_name", type: "string", title: "Commune", description: "Nom de la commune." },
    {
      name: "legal_family",
      type: "string",
      title: "Famille juridique",
      description: "Famille juridique des entreprises.",
      constraints: { enum: LEGAL_FAMILIES },
    },
    count("jobs_created", "Emplois créés", describeIndicator("jobsCreated", "fr")),
    { name: "fte", type: "number", title: "ETP", description: describeIndicator("fullTimeEquivalents", "fr"), constraints: { required: true, minimum: 0 } },
    count("enterprises_incubated", "Entreprises incubées", describeIndicator("enterprisesIncubated", "fr")),
    count("enterprises_created", "Entreprises créées", describeIndicator("enterprisesCreated", "fr")),
    {
      name: "funding_amount",
      type: "number",
      title: "Financements (€)",
      description: `${describeIndicator("fundingAmount", "fr")} Point décimal.`,
      constraints: { required: true, minimum: 0 },
    },
    count("funding_count", "Nombre de financements", describeIndicator("fundingCount", "fr")),
    sourceColumn,
  ],
  primaryKey: [],
  foreignKeys: [{ fields: "commune_code", reference: { resource: "communes", fields: "code" } }],
  filters: ["year", "commune", "partner"],
  async *source(ctx, filters) {
    const rows = await computeIndicators(ctx.sql, ["YEAR", "COMMUNE", "LEGAL_FAMILY"], {
      fromYear: filters.year,
      toYear: filters.year,
      communeCodes: filters.commune ? [filters.commune] : null,
      partnerIds: filters.partner ? [filters.partner] : null,
    });
    const source = `Calculé par l'Observatoire ESS sur les enregistrements publiés${ctx.isDemo ? ` — ${DEMO_DATA_NOTICE}` : ""}`;
    yield rows.map((r) => ({
      year: r.year,
      commune_code: r.communeCode,
      commune_name: r.communeName,
      legal_family: r.legalFamily,
      jobs_created: r.jobsCreated,
      fte: r.fullTimeEquivalents,
      enterprises_incubated: r.enterprisesIncubated,
      enterprises_created: r.enterprisesCreated,
      funding_amount: r.fundingAmount,
      funding_count: r.fundingCount,
      source,
    }));
  },
};
