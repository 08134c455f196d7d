// SCDL « Subventions » 2.1.1: the grants awarded by partners that are public bodies, one row
// per beneficiary, in the schema's 16 columns.
import { AID_NATURE_SCDL, type AidNature, SCDL_COLUMNS, SCDL_REQUIRED } from "@oess/domain";
import { type Column, type Dataset, type Row, Conditions, keysetBatches, sqlDate } from "../dataset";

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
  datesPeriodeVersement: { type: "string", title: "Date ou période de versement", description: "AAAA-MM-JJ ou AAAA-MM-JJ/AAAA-MM-JJ.", pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}(/[0-9]{4}-[0-9]{2}-[0-9]{2})?$" },
  idRAE: { type: "string", title: "Identifiant RAE", description: "Numéro au répertoire des aides aux entreprises." },
  notificationUE: { type: "string", title: "Notification UE", description: "« oui » ou « non »." },
  pourcentageSubvention: { type: "number", title: "Pourcentage de la subvention", description: "Part du montant total versée à ce bénéficiaire, de 0.01 à 1." },
  dispositifAide: { type: "string", title: "Dispositif d'aide", description: "Dispositif d'aide à l'origine de la subvention." },
};

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
  async *batches(ctx, filters) {
    const c = new Conditions(["f.status = 'PUBLISHED'", "f.instrument = 'GRANT'", "a.is_public_body"]);
    if (filters.year) c.add((p) => `f.year = ${p}`, filters.year);
    if (filters.attribuant) c.add((p) => `a.siret = ${p}`, filters.attribuant);
    const batches = keysetBatches(
      ctx.sql,
      `SELECT f.id::text AS _key, a.name AS attribuant_name, a.siret AS attribuant_siret, ${sqlDate("f.convention_date")} AS convention_date,
         f.decision_reference, coalesce(e.name, bp.name) AS beneficiary_name, coalesce(e.siret, bp.siret) AS beneficiary_siret, e.rna AS beneficiary_rna,
         f.purpose, f.amount::text AS amount, f.aid_nature::text AS aid_nature, f.payment_terms, ${sqlDate("f.payment_start")} AS payment_start,
         ${sqlDate("f.payment_end")} AS payment_end, f.decision_date::text AS decision_date, f.rae_id, f.eu_notification, f.funding_share::text AS funding_share, f.aid_scheme
       FROM funding f JOIN partner a ON a.id = f.funder_id
         LEFT JOIN enterprise e ON e.id = f.beneficiary_enterprise_id LEFT JOIN partner bp ON bp.id = f.beneficiary_partner_id`,
      c.where,
      c.params,
      { column: "f.id", type: "uuid" },
    );
    for await (const rows of batches) yield rows.map(toScdl);
  },
};

function toScdl(r: Row): Row {
  const start = (r.payment_start as string | null) ?? (r.convention_date as string | null) ?? (r.decision_date as string);
  return {
    nomAttribuant: r.attribuant_name as string,
    idAttribuant: (r.attribuant_siret as string | null) ?? "",
    dateConvention: (r.convention_date as string | null) ?? "",
    referenceDecision: (r.decision_reference as string | null) ?? "",
    nomBeneficiaire: r.beneficiary_name as string,
    idBeneficiaire: (r.beneficiary_siret as string | null) ?? "",
    rnaBeneficiaire: (r.beneficiary_rna as string | null) ?? "",
    objet: r.purpose as string,
    montant: r.amount as string,
    nature: AID_NATURE_SCDL[r.aid_nature as AidNature],
    conditionsVersement: r.payment_terms as string,
    datesPeriodeVersement: r.payment_end ? `${start}/${r.payment_end as string}` : start,
    idRAE: (r.rae_id as string | null) ?? "",
    notificationUE: r.eu_notification ? "oui" : "non",
    pourcentageSubvention: (r.funding_share as string | null) ?? "1.00",
    dispositifAide: (r.aid_scheme as string | null) ?? "",
  };
}
