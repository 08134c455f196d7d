import { COOPERATIVE_KINDS } from "@oess/domain";
import { legalCategories } from "@oess/domain/legal-categories";
import { communeCodeColumn, dataYearColumn, idColumn, legalFamilyColumn, publishedAtColumn, sourceColumn } from "../columns";
import { Conditions, type Dataset, sqlDate, sqlInstant, sqlLiteral } from "../dataset";
import { byPartnerOfEnterprise } from "./scoped";

/** INSEE's nomenclature as an SQL table of (code, label), built once: the labels ship with the code, not the database. */
let labels: string | null = null;
export const categoryLabels = () =>
  (labels ??= `(VALUES ${[...legalCategories()].map(([code, label]) => `(${sqlLiteral(code)}, ${sqlLiteral(label)})`).join(", ")}) AS cj (code, label)`);

export const enterprises: Dataset = {
  name: "enterprises",
  title: "Entreprises de l'ESS accompagnées",
  description:
    "Les structures de l'économie sociale et solidaire suivies par le PTCE : associations, Scop, SCIC, mutuelles, fondations, sociétés commerciales de l'ESS.",
  keywords: ["ESS", "entreprises", "associations", "Scop", "SCIC", "coopératives"],
  columns: [
    idColumn("de l'entreprise"),
    { name: "name", type: "string", title: "Nom", description: "Nom (raison sociale).", constraints: { required: true } },
    { name: "siret", type: "string", title: "SIRET", description: "SIRET, une fois l'entreprise immatriculée.", constraints: { pattern: "^[0-9]{14}$" } },
    {
      name: "siren",
      type: "string",
      title: "SIREN",
      description: "SIREN de l'entreprise (les 9 premiers chiffres du SIRET, clé vérifiée à la saisie), pour joindre les données de l'INSEE (Sirene).",
      constraints: { pattern: "^[0-9]{9}$" },
    },
    {
      name: "rna",
      type: "string",
      title: "Numéro RNA",
      description: "Numéro RNA d'une association (W suivi de 9 chiffres).",
      constraints: { pattern: "^W[0-9]{9}$" },
    },
    legalFamilyColumn("Famille juridique de l'ESS.", true),
    {
      name: "cooperative_kind",
      type: "string",
      title: "Type de coopérative",
      description: "Pour une coopérative : SCOP, SCIC, CAE ou OTHER.",
      constraints: { enum: COOPERATIVE_KINDS },
    },
    {
      name: "legal_category",
      type: "string",
      title: "Catégorie juridique",
      description: "Catégorie juridique de l'INSEE (niveau III, 4 chiffres), comme categorieJuridiqueUniteLegale dans Sirene ; vide pour un projet.",
      constraints: { pattern: "^[0-9]{4}$" },
    },
    { name: "legal_category_label", type: "string", title: "Libellé de la catégorie juridique", description: "Son libellé dans la nomenclature de l'INSEE." },
    {
      name: "naf_code",
      type: "string",
      title: "Code NAF",
      description: "Code d'activité NAF rév. 2.",
      constraints: { required: true, pattern: "^[0-9]{2}\\.[0-9]{2}[A-Z]$" },
    },
    {
      name: "naf_section",
      type: "string",
      title: "Section NAF",
      description: "Section NAF (lettre de A à U).",
      constraints: { required: true, pattern: "^[A-U]$" },
    },
    communeCodeColumn(true),
    { name: "founded_on", type: "date", title: "Date de création", description: "Date de création ; vide pour un projet non (encore) créé." },
    {
      name: "ceased_on",
      type: "date",
      title: "Date de cessation",
      description:
        "Date de cessation d'activité ; vide pour une entreprise en activité. Avec founded_on, elle permet de refaire le calcul de la pérennité à 3 ans.",
    },
    dataYearColumn,
    publishedAtColumn,
    sourceColumn,
  ],
  primaryKey: ["id"],
  foreignKeys: [{ fields: "commune_code", reference: { resource: "communes", fields: "code" } }],
  filters: ["year", "commune", "partner"],
  source(_ctx, filters) {
    const c = new Conditions(["e.status = 'PUBLISHED'"]);
    if (filters.year) c.add((p) => `e.data_year = ${p}`, filters.year);
    if (filters.commune) c.add((p) => `e.commune_code = ${p}`, filters.commune);
    byPartnerOfEnterprise(c, filters, "e.id");
    return {
      select: `e.id::text AS id, e.name, e.siret, left(e.siret, 9) AS siren, e.rna, e.legal_family::text AS legal_family, e.cooperative_kind::text AS cooperative_kind,
         e.legal_category, cj.label AS legal_category_label,
         e.naf_code, e.naf_section, e.commune_code, ${sqlDate("e.founded_on")} AS founded_on, ${sqlDate("e.ceased_on")} AS ceased_on, e.data_year, ${sqlInstant("e.published_at")} AS published_at, e.source`,
      from: `enterprise e LEFT JOIN ${categoryLabels()} ON cj.code = e.legal_category`,
      ...c,
      key: { column: "e.seq", type: "bigint" },
    };
  },
};
