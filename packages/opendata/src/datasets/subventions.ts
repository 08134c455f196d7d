// SCDL « Subventions » 2.1.1: the grants awarded by partners that are public bodies, one row
// per beneficiary, in the schema's 16 columns.
import { AID_NATURE_SCDL, SCDL_COLUMNS, SCDL_REQUIRED } from "@oess/domain";
import { type Column, Conditions, type Dataset, sqlDate, sqlLiteral } from "../dataset";

const COLUMN_INFO: Record<(typeof SCDL_COLUMNS)[number], Omit<Column, "name" | "constraints"> & { pattern?: string }> = {
  nomAttribuant: { type: "string", title: "Nom de l'attribuant", description: "Nom officiel de la collectivité attribuant la subvention." },
  idAttribuant: { type: "string", title: "Identification de l'attribuant", description: "SIRET de l'attribuant (14 chiffres).", pattern: "^\\d{14}$" },
  dateConvention: { type: "date", title: "Date de la convention", description: "Date de la convention, AAAA-MM-JJ." },
  referenceDecision: { type: "string", title: "Référence de la décision", description: "Identifiant de l'acte d'attribution." },
  nomBeneficiaire: { type: "string", title: "Nom du bénéficiaire", description: "Nom officiel ou raison sociale du bénéficiaire." },
  idBeneficiaire: { type: "string", title: "SIRET du bénéficiaire", description: "SIRET du bénéficiaire (14 chiffres).", pattern: "^\\d{14}$" },
  rnaBeneficiaire: { type: "string", title: "RNA du bénéficiaire", description: "Numéro RNA : W suivi de 9 chiffres.", pattern: "^W\\d{9}$" },
  objet: { type: "string", title: "Objet", description: "Objet de la subvention, moins de 256 caractères." },
  montant: { type: "number", title: "Montant", description: "Montant total en euros, point décimal." },
  nature: { type: "string", title: "Nature", description: "« aide en numéraire », « aide en nature » ou les deux séparés par « ; »." },
  conditionsVersement: { type: "string", title: "Conditions de versement", description: "« unique », « échelonné » ou description libre." },
  datesPeriodeVersement: {
    type: "string",
    title: "Date ou période de versement",
    description: "AAAA-MM-JJ ou AAAA-MM-JJ/AAAA-MM-JJ.",
    pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}(/[0-9]{4}-[0-9]{2}-[0-9]{2})?$",
  },
  idRAE: { type: "string", title: "Identifiant RAE", description: "Numéro au répertoire des aides aux entreprises." },
  notificationUE: { type: "string", title: "Notification UE", description: "« oui » ou « non »." },
  pourcentageSubvention: { type: "number", title: "Pourcentage de la subvention", description: "Part du montant total versée à ce bénéficiaire, de 0.01 à 1." },
  dispositifAide: { type: "string", title: "Dispositif d'aide", description: "Dispositif d'aide à l'origine de la subvention." },
};

/** The share with two decimals at least and no trailing zero beyond (0.5000 → 0.50, 0.1250 → 0.125): the same text whether it was typed 1 or 1.0000, or left out (1.00). */
const SHARE = `regexp_replace(coalesce(f.funding_share, 1)::numeric(5, 4)::text, '(\\.[0-9]{2}[0-9]*?)0+$', '\\1')`;

export const subventions: Dataset = {
  name: "scdl-subventions",
  title: "Subventions attribuées (SCDL)",
  description:
    "Les données essentielles des conventions de subvention des partenaires publics du PTCE, au format SCDL « Subventions » 2.1.1 (décret n° 2017-779). " +
    "Une ligne par bénéficiaire. ?attribuant=<SIRET> restreint à un financeur.",
  keywords: ["subventions", "SCDL", "transparence", "données essentielles"],
  columns: SCDL_COLUMNS.map((name) => {
    const { pattern, ...info } = COLUMN_INFO[name];
    return {
      name,
      ...info,
      constraints: {
        ...(SCDL_REQUIRED.includes(name) ? { required: true } : {}),
        ...(pattern ? { pattern } : {}),
        ...(name === "pourcentageSubvention" ? { minimum: 0.01, maximum: 1 } : {}),
        ...(name === "notificationUE" ? { enum: ["oui", "non"] } : {}),
      },
    };
  }),
  primaryKey: [],
  filters: ["year", "attribuant"],
  source(_ctx, filters) {
    const c = new Conditions(["f.status = 'PUBLISHED'", "f.instrument = 'GRANT'", "a.is_public_body"]);
    if (filters.year) c.add((p) => `f.year = ${p}`, filters.year);
    if (filters.attribuant) c.add((p) => `a.siret = ${p}`, filters.attribuant);
    const nature = `CASE f.aid_nature::text ${Object.entries(AID_NATURE_SCDL)
      .map(([k, v]) => `WHEN ${sqlLiteral(k)} THEN ${sqlLiteral(v)}`)
      .join(" ")} END`;
    const start = sqlDate("coalesce(f.payment_start, f.convention_date, f.decision_date)");
    return {
      select: `a.name AS "nomAttribuant", a.siret AS "idAttribuant", ${sqlDate("f.convention_date")} AS "dateConvention",
        f.decision_reference AS "referenceDecision", coalesce(e.name, bp.name) AS "nomBeneficiaire", coalesce(e.siret, bp.siret) AS "idBeneficiaire",
        e.rna AS "rnaBeneficiaire", f.purpose AS "objet", f.amount::text AS "montant", ${nature} AS "nature", f.payment_terms AS "conditionsVersement",
        ${start} || coalesce('/' || ${sqlDate("f.payment_end")}, '') AS "datesPeriodeVersement", f.rae_id AS "idRAE",
        CASE WHEN f.eu_notification THEN 'oui' ELSE 'non' END AS "notificationUE", ${SHARE} AS "pourcentageSubvention",
        f.aid_scheme AS "dispositifAide"`,
      from: `funding f JOIN partner a ON a.id = f.funder_id
        LEFT JOIN enterprise e ON e.id = f.beneficiary_enterprise_id LEFT JOIN partner bp ON bp.id = f.beneficiary_partner_id`,
      ...c,
      key: { column: "f.seq", type: "bigint" },
    };
  },
};
