// The SIRENE register as open data: the diffusible establishments one by one, and every
// establishment (undisclosed ones included) counted by commune, legal family, sector and staff
// band. Each row names its source and the extract's date.
import { computeRegisterAggregates } from "@oess/db";
import { DEMO_DATA_SOURCE, LEGAL_FAMILY_LABELS, NAF_SECTION_LABELS, STAFF_BAND_CODES, staffBandLabel } from "@oess/domain";
import { communeCodeColumn, legalFamilyColumn } from "../columns";
import { type Column, Conditions, type Dataset, type ExportContext, sqlBoolean, sqlDate, sqlLiteral } from "../dataset";
import { categoryLabels } from "./enterprises";

const SIRENE = "Sirene (Insee), Licence Ouverte 2.0";
const SIRENE_NOTE =
  "Source : répertoire Sirene de l'Insee (fichiers stock StockUniteLegale et StockEtablissement), unités légales de l'ESS (economieSocialeSolidaireUniteLegale = O) et leurs établissements situés dans les communes du territoire ; la colonne source donne la date de l'extrait. Les tranches d'effectif sont des intervalles, pas des effectifs.";

/** « Sirene (Insee), extrait du 2026-11-01 », from the last import that succeeded; the demo's fictitious extract says what it is. */
const sourceSql = `(SELECT CASE WHEN demo THEN ${sqlLiteral(DEMO_DATA_SOURCE)}
                        ELSE ${sqlLiteral(`${SIRENE}, extrait du `)} || coalesce(to_char(extract_date, 'YYYY-MM-DD'), 'date inconnue') END
                     FROM register_import WHERE status = 'DONE' ORDER BY seq DESC LIMIT 1)`;

const sourceColumn: Column = {
  name: "source",
  type: "string",
  title: "Source",
  description: "Le répertoire Sirene de l'Insee et la date de l'extrait importé.",
  constraints: { required: true },
};
const staffBandColumn: Column = {
  name: "staff_band",
  type: "string",
  title: "Tranche d'effectif salarié",
  description: "Code de la tranche d'effectif salarié de Sirene (NN : non employeur ; 00 : 0 salarié ; 01 : 1 ou 2 salariés…) ; vide si Sirene n'en donne pas.",
  constraints: { enum: STAFF_BAND_CODES },
};
const staffBandLabelColumn: Column = {
  name: "staff_band_label",
  type: "string",
  title: "Libellé de la tranche d'effectif",
  description: "La tranche en clair.",
};
const sectionColumn: Column = {
  name: "naf_section",
  type: "string",
  title: "Section NAF",
  description: "Section NAF rév. 2 de l'activité (lettre de A à U) ; vide si Sirene ne donne l'activité qu'en NAF 2025 ou dans une nomenclature plus ancienne.",
  constraints: { pattern: "^[A-U]$" },
};
/** Labels that ship with the code, as an SQL table. */
const valuesTable = (alias: string, entries: ReadonlyArray<readonly [string, string]>) =>
  `(VALUES ${entries.map(([code, label]) => `(${sqlLiteral(code)}, ${sqlLiteral(label)})`).join(", ")}) AS ${alias} (code, label)`;
const bandLabels = () =>
  valuesTable(
    "sb",
    STAFF_BAND_CODES.map((code) => [code, staffBandLabel(code)] as const),
  );

export const registerEstablishments: Dataset = {
  name: "etablissements-ess",
  title: "Établissements de l'ESS du territoire (Sirene)",
  description: `Les établissements des entreprises de l'économie sociale et solidaire situés sur le territoire, d'après le répertoire Sirene : catégorie juridique, activité, tranche d'effectif, dates de création et de fermeture. Les unités non diffusibles n'y figurent pas : elles sont comptées dans « etablissements-ess-agreges ». ${SIRENE_NOTE}`,
  keywords: ["ESS", "Sirene", "établissements", "économie sociale et solidaire", "répertoire"],
  columns: [
    {
      name: "siret",
      type: "string",
      title: "SIRET",
      description: "SIRET de l'établissement.",
      constraints: { required: true, unique: true, pattern: "^[0-9]{14}$" },
    },
    { name: "siren", type: "string", title: "SIREN", description: "SIREN de l'unité légale.", constraints: { required: true, pattern: "^[0-9]{9}$" } },
    { name: "name", type: "string", title: "Dénomination", description: "Dénomination de l'unité légale." },
    { name: "establishment_name", type: "string", title: "Enseigne", description: "Enseigne ou nom usuel de l'établissement, s'il en a un." },
    communeCodeColumn(true),
    {
      name: "legal_category",
      type: "string",
      title: "Catégorie juridique",
      description: "Catégorie juridique de l'Insee (niveau III).",
      constraints: { required: true, pattern: "^[0-9]{4}$" },
    },
    { name: "legal_category_label", type: "string", title: "Libellé de la catégorie juridique", description: "Son libellé dans la nomenclature de l'Insee." },
    legalFamilyColumn("Famille juridique de l'ESS que la catégorie implique."),
    {
      name: "naf_rev2",
      type: "string",
      title: "Code NAF rév. 2",
      description: "Activité principale en NAF rév. 2.",
      constraints: { pattern: "^[0-9]{2}\\.[0-9]{2}[A-Z]$" },
    },
    { name: "naf_2025", type: "string", title: "Code NAF 2025", description: "Activité principale en NAF 2025, quand Sirene la donne." },
    sectionColumn,
    staffBandColumn,
    staffBandLabelColumn,
    { name: "staff_band_year", type: "integer", title: "Année de la tranche d'effectif", description: "Année à laquelle la tranche se rapporte." },
    { name: "created_on", type: "date", title: "Date de création", description: "Date de création de l'établissement." },
    {
      name: "active",
      type: "boolean",
      title: "Ouvert",
      description: "Vrai si l'établissement est ouvert (état administratif A).",
      constraints: { required: true },
    },
    { name: "ceased_on", type: "date", title: "Date de fermeture", description: "Date de fermeture d'un établissement fermé." },
    { name: "head_office", type: "boolean", title: "Siège", description: "Vrai pour le siège de l'unité légale.", constraints: { required: true } },
    sourceColumn,
  ],
  primaryKey: ["siret"],
  foreignKeys: [{ fields: "commune_code", reference: { resource: "communes", fields: "code" } }],
  filters: ["commune"],
  source(_ctx, filters) {
    const c = new Conditions(["r.diffusible"]);
    if (filters.commune) c.add((p) => `r.commune_code = ${p}`, filters.commune);
    return {
      select: `r.siret::text AS siret, r.siren::text AS siren, r.name, r.establishment_name, r.commune_code::text AS commune_code, r.legal_category::text AS legal_category,
         cj.label AS legal_category_label, r.legal_family::text AS legal_family, r.naf_rev2, r.naf_2025, r.naf_section::text AS naf_section,
         r.staff_band::text AS staff_band, sb.label AS staff_band_label, r.staff_band_year, ${sqlDate("r.created_on")} AS created_on, ${sqlBoolean("r.active")} AS active,
         ${sqlDate("r.ceased_on")} AS ceased_on, ${sqlBoolean("r.head_office")} AS head_office, ${sourceSql} AS source`,
      from: `register_establishment r LEFT JOIN ${categoryLabels()} ON cj.code = r.legal_category LEFT JOIN ${bandLabels()} ON sb.code = r.staff_band`,
      ...c,
      key: { column: "r.siret::text", type: "text" },
    };
  },
};

export const registerCounts: Dataset = {
  name: "etablissements-ess-agreges",
  title: "Établissements de l'ESS du territoire, comptés par commune, famille, secteur et tranche d'effectif (Sirene)",
  description: `Le nombre d'établissements de l'ESS du territoire d'après le répertoire Sirene, unités non diffusibles comprises, par commune, famille juridique, section NAF, tranche d'effectif et état (ouvert ou fermé). ${SIRENE_NOTE}`,
  keywords: ["ESS", "Sirene", "établissements", "statistiques", "territoire"],
  columns: [
    communeCodeColumn(true),
    legalFamilyColumn("Famille juridique de l'ESS ; vide si la catégorie juridique n'en implique pas."),
    { name: "legal_family_label", type: "string", title: "Libellé de la famille juridique", description: "La famille en clair." },
    sectionColumn,
    { name: "naf_section_label", type: "string", title: "Libellé de la section NAF", description: "La section en clair." },
    staffBandColumn,
    staffBandLabelColumn,
    { name: "active", type: "boolean", title: "Ouverts", description: "Vrai : établissements ouverts ; faux : fermés.", constraints: { required: true } },
    { name: "establishments", type: "integer", title: "Établissements", description: "Nombre d'établissements.", constraints: { required: true, minimum: 1 } },
    {
      name: "supported_by_ptce",
      type: "integer",
      title: "Dont accompagnés par le PTCE",
      description: "Parmi eux, ceux d'une unité légale que le PTCE accompagne (une entreprise publiée de même SIREN).",
      constraints: { required: true, minimum: 0 },
    },
    sourceColumn,
  ],
  // Its dimensions may be empty (no family, no section, no band): no key a validator would accept.
  primaryKey: [],
  foreignKeys: [{ fields: "commune_code", reference: { resource: "communes", fields: "code" } }],
  filters: ["commune"],
  async *source(ctx: ExportContext, filters) {
    const [source] = await ctx.sql.query<{ source: string | null }>(`SELECT ${sourceSql} AS source`);
    const rows = await computeRegisterAggregates(ctx.sql, ["COMMUNE", "LEGAL_FAMILY", "SECTOR", "STAFF_BAND", "ACTIVE"], {
      communeCodes: filters.commune ? [filters.commune] : null,
    });
    yield rows.map((r) => ({
      commune_code: r.communeCode,
      legal_family: r.legalFamily,
      legal_family_label: r.legalFamily ? LEGAL_FAMILY_LABELS[r.legalFamily] : null,
      naf_section: r.sector,
      naf_section_label: r.sector ? (NAF_SECTION_LABELS[r.sector] ?? null) : null,
      staff_band: r.staffBand,
      staff_band_label: staffBandLabel(r.staffBand),
      active: r.active,
      establishments: r.establishments,
      supported_by_ptce: r.supportedByPtce,
      source: source?.source ?? SIRENE,
    }));
  },
};
