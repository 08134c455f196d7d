import { INCUBATION_OUTCOMES } from "@oess/domain";
import { dataYearColumn, idColumn, publishedAtColumn, refColumn, sourceColumn } from "../columns";
import { Conditions, type Dataset, sqlDate, sqlInstant } from "../dataset";
import { byCommune } from "./scoped";

export const incubations: Dataset = {
  name: "incubations",
  title: "Incubations",
  description: "Les projets d'entreprise suivis par l'incubateur du PTCE : entrée, sortie, issue (en cours, créée, abandonnée) et partenaire qui a accompagné.",
  keywords: ["incubation", "création d'entreprise", "ESS", "accompagnement"],
  columns: [
    idColumn("de l'incubation"),
    refColumn("enterprise_id", "de l'entreprise"),
    refColumn("supporting_partner_id", "du partenaire accompagnateur"),
    { name: "start_date", type: "date", title: "Entrée en incubation", description: "Date d'entrée en incubation.", constraints: { required: true } },
    { name: "end_date", type: "date", title: "Sortie d'incubation", description: "Date de sortie ; vide tant que l'incubation est en cours." },
    {
      name: "outcome",
      type: "string",
      title: "Issue",
      description: "IN_PROGRESS (en cours), CREATED (créée) ou ABANDONED (abandonnée).",
      constraints: { required: true, enum: INCUBATION_OUTCOMES },
    },
    dataYearColumn,
    publishedAtColumn,
    sourceColumn,
  ],
  primaryKey: ["id"],
  foreignKeys: [
    { fields: "enterprise_id", reference: { resource: "enterprises", fields: "id" } },
    { fields: "supporting_partner_id", reference: { resource: "partners", fields: "id" } },
  ],
  filters: ["year", "commune", "partner"],
  source(_ctx, filters) {
    const c = new Conditions(["i.status = 'PUBLISHED'"]);
    if (filters.year) c.add((p) => `i.data_year = ${p}`, filters.year);
    if (filters.partner) c.add((p) => `i.supporting_partner_id = ${p}::uuid`, filters.partner);
    byCommune(c, filters, "i.enterprise_id");
    return {
      select: `i.id::text AS id, i.enterprise_id::text AS enterprise_id, i.supporting_partner_id::text AS supporting_partner_id,
         ${sqlDate("i.start_date")} AS start_date, ${sqlDate("i.end_date")} AS end_date, i.outcome::text AS outcome, i.data_year,
         ${sqlInstant("i.published_at")} AS published_at, i.source`,
      from: "incubation i",
      ...c,
      key: { column: "i.seq", type: "bigint" },
    };
  },
};
