import { DEMO_DATA_SOURCE, PARTNER_KINDS } from "@oess/domain";
import { idColumn } from "../columns";
import { Conditions, type Dataset, sqlBoolean, sqlLiteral } from "../dataset";

export const partners: Dataset = {
  name: "partners",
  title: "Partenaires du PTCE",
  description: "Les organisations partenaires du pôle territorial de coopération économique : collectivités, réseaux, coopérative, université.",
  keywords: ["partenaires", "PTCE", "ESS", "collectivités"],
  columns: [
    idColumn("du partenaire"),
    {
      name: "slug",
      type: "string",
      title: "Nom court stable",
      description: "Nom court stable, utilisable dans ?partner=.",
      constraints: { required: true, unique: true },
    },
    { name: "name", type: "string", title: "Nom", description: "Nom complet.", constraints: { required: true } },
    { name: "short_name", type: "string", title: "Nom abrégé", description: "Nom pour les graphiques.", constraints: { required: true } },
    { name: "kind", type: "string", title: "Type", description: "Type d'organisation.", constraints: { required: true, enum: PARTNER_KINDS } },
    { name: "siret", type: "string", title: "SIRET", description: "SIRET de l'organisation.", constraints: { pattern: "^[0-9]{14}$" } },
    {
      name: "is_public_body",
      type: "boolean",
      title: "Personne publique",
      description: "Vrai si le partenaire est une personne publique (il publie ses subventions au format SCDL).",
      constraints: { required: true },
    },
    { name: "source", type: "string", title: "Source", description: "Origine de la donnée.", constraints: { required: true } },
  ],
  primaryKey: ["id"],
  filters: ["partner"],
  source(ctx, filters) {
    const c = new Conditions();
    if (filters.partner) c.add((p) => `id = ${p}::uuid`, filters.partner);
    const source = sqlLiteral(ctx.isDemo ? DEMO_DATA_SOURCE : "Observatoire ESS");
    return {
      select: `id::text AS id, slug, name, short_name, kind::text AS kind, siret, ${sqlBoolean("is_public_body")} AS is_public_body, ${source} AS source`,
      from: "partner",
      ...c,
      key: { column: "id::text", type: "text" },
    };
  },
};
