import { AID_NATURES, describeIndicator, FUNDING_INSTRUMENTS } from "@oess/domain";
import { dataYearColumn, idColumn, publishedAtColumn, refColumn, sourceColumn } from "../columns";
import { Conditions, type Dataset, sqlDate, sqlInstant } from "../dataset";
import { byCommune } from "./scoped";

export const fundings: Dataset = {
  name: "fundings",
  title: "Financements des partenaires",
  description:
    "Les subventions, avances remboursables, prêts et prestations que les partenaires du PTCE accordent aux entreprises de l'ESS et à la structure porteuse du PTCE. " +
    "La commune de l'entreprise bénéficiaire est dans enterprises (beneficiary_enterprise_id).",
  keywords: ["financement", "subventions", "ESS", "PTCE", "aides"],
  columns: [
    idColumn("du financement"),
    refColumn("funder_id", "du partenaire financeur"),
    refColumn("beneficiary_enterprise_id", "de l'entreprise bénéficiaire (vide si le bénéficiaire est un partenaire)", false),
    refColumn("beneficiary_partner_id", "du partenaire bénéficiaire (vide si le bénéficiaire est une entreprise)", false),
    {
      name: "amount",
      type: "number",
      title: "Montant",
      description: `${describeIndicator("fundingAmount", "fr")} Point décimal.`,
      constraints: { required: true, minimum: 0 },
    },
    {
      name: "year",
      type: "integer",
      title: "Exercice",
      description: "Année budgétaire de la décision.",
      constraints: { required: true, minimum: 2000, maximum: 2100 },
    },
    { name: "decision_date", type: "date", title: "Date de décision", description: "Date de la décision d'attribution.", constraints: { required: true } },
    {
      name: "instrument",
      type: "string",
      title: "Instrument",
      description: "GRANT (subvention), REPAYABLE_ADVANCE (avance remboursable), LOAN (prêt) ou SERVICE (prestation).",
      constraints: { required: true, enum: FUNDING_INSTRUMENTS },
    },
    { name: "purpose", type: "string", title: "Objet", description: "Ce que le financement soutient.", constraints: { required: true } },
    { name: "decision_reference", type: "string", title: "Référence de la décision", description: "Référence de l'acte d'attribution." },
    { name: "convention_date", type: "date", title: "Date de convention", description: "Date de signature de la convention." },
    {
      name: "aid_nature",
      type: "string",
      title: "Nature",
      description: "CASH (numéraire), IN_KIND (en nature) ou BOTH.",
      constraints: { required: true, enum: AID_NATURES },
    },
    {
      name: "payment_terms",
      type: "string",
      title: "Conditions de versement",
      description: "« unique », « échelonné » ou autres modalités.",
      constraints: { required: true },
    },
    { name: "payment_start", type: "date", title: "Premier versement", description: "Date du premier versement." },
    { name: "payment_end", type: "date", title: "Dernier versement", description: "Date du dernier versement, pour un versement échelonné." },
    dataYearColumn,
    publishedAtColumn,
    sourceColumn,
  ],
  primaryKey: ["id"],
  foreignKeys: [
    { fields: "funder_id", reference: { resource: "partners", fields: "id" } },
    { fields: "beneficiary_enterprise_id", reference: { resource: "enterprises", fields: "id" } },
    { fields: "beneficiary_partner_id", reference: { resource: "partners", fields: "id" } },
  ],
  filters: ["year", "commune", "partner"],
  source(_ctx, filters) {
    const c = new Conditions(["f.status = 'PUBLISHED'"]);
    if (filters.year) c.add((p) => `f.year = ${p}`, filters.year);
    if (filters.partner) c.add((p) => `f.funder_id = ${p}::uuid`, filters.partner);
    byCommune(c, filters, "f.beneficiary_enterprise_id");
    return {
      select: `f.id::text AS id, f.funder_id::text AS funder_id, f.beneficiary_enterprise_id::text AS beneficiary_enterprise_id,
         f.beneficiary_partner_id::text AS beneficiary_partner_id, f.amount::text AS amount, f.year, ${sqlDate("f.decision_date")} AS decision_date,
         f.instrument::text AS instrument, f.purpose, f.decision_reference, ${sqlDate("f.convention_date")} AS convention_date, f.aid_nature::text AS aid_nature,
         f.payment_terms, ${sqlDate("f.payment_start")} AS payment_start, ${sqlDate("f.payment_end")} AS payment_end, f.data_year,
         ${sqlInstant("f.published_at")} AS published_at, f.source`,
      from: "funding f",
      ...c,
      key: { column: "f.seq", type: "bigint" },
    };
  },
};
