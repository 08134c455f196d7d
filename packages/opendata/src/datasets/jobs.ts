import { describeIndicator } from "@oess/domain";
import { dataYearColumn, idColumn, publishedAtColumn, refColumn, sourceColumn } from "../columns";
import { Conditions, type Dataset, sqlInstant } from "../dataset";
import { byCommune, byPartnerOfEnterprise } from "./scoped";

export const jobs: Dataset = {
  name: "jobs",
  title: "Emplois créés",
  description:
    "Les emplois créés chaque année par les entreprises de l'ESS accompagnées : effectif (personnes) et équivalents temps plein (ETP). " +
    "La commune de chaque entreprise est dans enterprises (enterprise_id).",
  keywords: ["emploi", "ETP", "ESS", "création d'emplois"],
  columns: [
    idColumn("de la déclaration annuelle"),
    refColumn("enterprise_id", "de l'entreprise"),
    { name: "year", type: "integer", title: "Année", description: "Année des emplois créés.", constraints: { required: true, minimum: 2000, maximum: 2100 } },
    {
      name: "jobs_created",
      type: "integer",
      title: "Emplois créés",
      description: describeIndicator("jobsCreated", "fr"),
      constraints: { required: true, minimum: 0 },
    },
    { name: "fte", type: "number", title: "ETP", description: describeIndicator("fullTimeEquivalents", "fr"), constraints: { required: true, minimum: 0 } },
    dataYearColumn,
    publishedAtColumn,
    sourceColumn,
  ],
  primaryKey: ["id"],
  foreignKeys: [{ fields: "enterprise_id", reference: { resource: "enterprises", fields: "id" } }],
  filters: ["year", "commune", "partner"],
  source(_ctx, filters) {
    const c = new Conditions(["j.status = 'PUBLISHED'"]);
    if (filters.year) c.add((p) => `j.year = ${p}`, filters.year);
    byCommune(c, filters, "j.enterprise_id");
    byPartnerOfEnterprise(c, filters, "j.enterprise_id");
    return {
      select: `j.id::text AS id, j.enterprise_id::text AS enterprise_id, j.year, j.jobs_created, j.fte::text AS fte,
         j.data_year, ${sqlInstant("j.published_at")} AS published_at, j.source`,
      from: "job_record j",
      ...c,
      key: { column: "j.seq", type: "bigint" },
    };
  },
};
