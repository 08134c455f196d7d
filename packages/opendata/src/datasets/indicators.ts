import { computeIndicators, type IndicatorDimension, type IndicatorFilter, jobsProtection, protectJobs } from "@oess/db";
import { DEMO_DATA_NOTICE, describeIndicator } from "@oess/domain";
import { communeCodeColumn, communeNameColumn, legalFamilyColumn, sourceColumn } from "../columns";
import type { Dataset } from "../dataset";
import { jobsFlagColumn, secretFlag } from "./jobs";

const count = (name: string, title: string, description: string) =>
  ({ name, type: "integer", title, description, constraints: { required: true, minimum: 0 } }) as const;

/** Rates are written with four decimals: a small commune's rate per 1 000 stays readable. */
const RATE_DECIMALS = 4;
const perThousand = (measure: string, what: string) =>
  ({
    name: `${measure}_per_1000_inhabitants`,
    type: "number",
    title: `${what} pour 1 000 habitants`,
    description: `${measure} × 1 000 ÷ population, quatre décimales ; vide sans commune.`,
    constraints: { minimum: 0 },
  }) as const;

const SECRET = "Vide quand le secret statistique le masque (jobs_flag « s »).";
const GRAIN: readonly IndicatorDimension[] = ["YEAR", "COMMUNE", "LEGAL_FAMILY", "PARTNER"];

export const indicators: Dataset = {
  name: "indicators",
  title: "Indicateurs annuels",
  description:
    "Les agrégats annuels du tableau de bord par commune, famille juridique et partenaire : emplois créés, ETP, entreprises incubées et créées, financements, et leurs taux pour 1 000 habitants. " +
    "Les mêmes chiffres que le tableau de bord et que l'API (indicators). Les financements versés à un partenaire n'ont pas de commune ; les emplois et les créations n'ont pas de partenaire. " +
    "Les emplois suivent le secret statistique (voir jobs) : masqués, ils sont vides et marqués « s » dans jobs_flag.",
  keywords: ["indicateurs", "emploi", "financements", "incubation", "ESS"],
  columns: [
    { name: "year", type: "integer", title: "Année", description: "Année.", constraints: { required: true } },
    { ...communeCodeColumn(false), description: "Code INSEE de la commune des entreprises ; vide pour les financements versés à un partenaire." },
    communeNameColumn,
    legalFamilyColumn("Famille juridique des entreprises."),
    {
      name: "partner_id",
      type: "string",
      title: "Partenaire",
      description: "Identifiant du partenaire financeur (financements) ou accompagnant (incubations) ; vide pour les emplois et les créations.",
    },
    { name: "partner_name", type: "string", title: "Nom du partenaire", description: "Nom court du partenaire." },
    {
      name: "population",
      type: "integer",
      title: "Population municipale",
      description: "Population municipale (INSEE) de la commune, base des taux pour 1 000 habitants ; vide sans commune.",
    },
    {
      name: "jobs_created",
      type: "integer",
      title: "Emplois créés",
      description: `${describeIndicator("jobsCreated", "fr")} ${SECRET}`,
      constraints: { minimum: 0 },
    },
    { name: "fte", type: "number", title: "ETP", description: `${describeIndicator("fullTimeEquivalents", "fr")} ${SECRET}`, constraints: { minimum: 0 } },
    jobsFlagColumn,
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
    perThousand("jobs_created", "emplois créés"),
    perThousand("enterprises_incubated", "entreprises incubées"),
    perThousand("enterprises_created", "entreprises créées"),
    perThousand("funding_amount", "euros de financements"),
    sourceColumn,
  ],
  primaryKey: [],
  foreignKeys: [
    { fields: "commune_code", reference: { resource: "communes", fields: "code" } },
    { fields: "partner_id", reference: { resource: "partners", fields: "id" } },
  ],
  filters: ["year", "commune", "partner"],
  async *source(ctx, filters) {
    const populations = new Map(
      (await ctx.sql.query<{ code: string; population: number }>("SELECT code, population FROM commune WHERE epci_siren = $1", [ctx.epciSiren])).map(
        (c) => [c.code, c.population] as const,
      ),
    );
    const filter: IndicatorFilter = {
      fromYear: filters.year,
      toYear: filters.year,
      communeCodes: filters.commune ? [filters.commune] : null,
      partnerIds: filters.partner ? [filters.partner] : null,
    };
    const rows = protectJobs((await jobsProtection(ctx.sql)).protection, await computeIndicators(ctx.sql, GRAIN, filter), GRAIN, filter);
    const source = `Calculé par l'Observatoire ESS sur les enregistrements publiés${ctx.isDemo ? ` — ${DEMO_DATA_NOTICE}` : ""}`;
    yield rows.map((r) => {
      const population = r.communeCode ? (populations.get(r.communeCode) ?? null) : null;
      const rate = (value: number | string | null) => (population && value !== null ? ((Number(value) * 1000) / population).toFixed(RATE_DECIMALS) : null);
      return {
        year: r.year,
        commune_code: r.communeCode,
        commune_name: r.communeName,
        legal_family: r.legalFamily,
        partner_id: r.partnerId,
        partner_name: r.partnerName,
        population,
        jobs_created: r.jobsCreated,
        fte: r.fullTimeEquivalents,
        jobs_flag: secretFlag(r.jobsSecret),
        enterprises_incubated: r.enterprisesIncubated,
        enterprises_created: r.enterprisesCreated,
        funding_amount: r.fundingAmount,
        funding_count: r.fundingCount,
        jobs_created_per_1000_inhabitants: rate(r.jobsCreated),
        enterprises_incubated_per_1000_inhabitants: rate(r.enterprisesIncubated),
        enterprises_created_per_1000_inhabitants: rate(r.enterprisesCreated),
        funding_amount_per_1000_inhabitants: rate(r.fundingAmount),
        source,
      };
    });
  },
};
