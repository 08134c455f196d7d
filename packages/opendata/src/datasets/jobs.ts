import { jobsProtection } from "@oess/db";
import { DEMO_DATA_NOTICE, describeIndicator, type SecretReason } from "@oess/domain";
import { communeCodeColumn, communeNameColumn, legalFamilyColumn, sourceColumn } from "../columns";
import type { Dataset } from "../dataset";

/** What the flag column says of a hidden figure (the API's `jobsSecret` gives the reason). */
const SECRET_FLAG = "s";

/** The flag column of a row's jobs figures: `s` when statistical confidentiality hides them. */
export const jobsFlagColumn = {
  name: "jobs_flag",
  type: "string",
  title: "Secret statistique",
  description:
    "« s » quand le secret statistique masque les emplois et les ETP de la ligne (moins de 3 entreprises, une entreprise à 85 % ou plus, ou secret induit) : ils sont alors vides, jamais zéro.",
  constraints: { enum: [SECRET_FLAG] },
} as const;

export const secretFlag = (secret: SecretReason | null) => (secret ? SECRET_FLAG : null);

const LEVELS = ["commune_family", "commune", "family", "year"] as const;

/**
 * Jobs as published to everyone: the protected table (year × commune × legal family, with its
 * margins), never one enterprise's jobs. Signed-in partners read the yearly records in the API.
 */
export const jobs: Dataset = {
  name: "jobs",
  title: "Emplois créés",
  description:
    "Les emplois créés chaque année par les entreprises de l'ESS accompagnées, effectif (personnes) et équivalents temps plein (ETP), par commune et famille juridique, avec les totaux par commune, par famille et par année. " +
    "Secret statistique : une case à laquelle moins de 3 entreprises contribuent, ou dont une entreprise fait 85 % ou plus, est masquée (« s »), ainsi que les cases qui permettraient de la retrouver par soustraction. " +
    "Les emplois d'une entreprise nommée ne sont pas publiés.",
  keywords: ["emploi", "ETP", "ESS", "création d'emplois", "secret statistique"],
  columns: [
    { name: "year", type: "integer", title: "Année", description: "Année des emplois créés.", constraints: { required: true, minimum: 2000, maximum: 2100 } },
    {
      name: "level",
      type: "string",
      title: "Niveau",
      description:
        "commune_family : une commune et une famille ; commune : total de la commune, toutes familles ; family : total de la famille, toutes communes ; year : total de l'année.",
      constraints: { required: true, enum: LEVELS },
    },
    { ...communeCodeColumn(false), description: "Code INSEE de la commune des entreprises ; vide pour un total de toutes les communes." },
    communeNameColumn,
    legalFamilyColumn("Famille juridique des entreprises ; vide pour un total de toutes les familles."),
    { name: "jobs_created", type: "integer", title: "Emplois créés", description: describeIndicator("jobsCreated", "fr"), constraints: { minimum: 0 } },
    { name: "fte", type: "number", title: "ETP", description: describeIndicator("fullTimeEquivalents", "fr"), constraints: { minimum: 0 } },
    jobsFlagColumn,
    sourceColumn,
  ],
  primaryKey: [],
  foreignKeys: [{ fields: "commune_code", reference: { resource: "communes", fields: "code" } }],
  filters: ["year", "commune"],
  async *source(ctx, filters) {
    const names = new Map(
      (await ctx.sql.query<{ code: string; name: string }>("SELECT code, name FROM commune WHERE epci_siren = $1", [ctx.epciSiren])).map((c) => [
        c.code,
        c.name,
      ]),
    );
    const { protection } = await jobsProtection(ctx.sql);
    const source = `Calculé par l'Observatoire ESS sur les enregistrements publiés, sous secret statistique${ctx.isDemo ? ` — ${DEMO_DATA_NOTICE}` : ""}`;
    const level = (commune: string | null, family: string | null) =>
      commune !== null ? (family !== null ? "commune_family" : "commune") : family !== null ? "family" : "year";
    const order = (value: string | null) => value ?? "\uffff"; // totals after their details
    const cells = [...protection.cells()]
      .filter((c) => (filters.year === undefined || c.year === filters.year) && (filters.commune === undefined || c.commune === filters.commune))
      .sort((a, b) => a.year - b.year || order(a.commune).localeCompare(order(b.commune)) || order(a.family).localeCompare(order(b.family)));
    yield cells.map((c) => ({
      year: c.year,
      level: level(c.commune, c.family),
      commune_code: c.commune,
      commune_name: c.commune === null ? null : (names.get(c.commune) ?? null),
      legal_family: c.family,
      jobs_created: c.secret ? null : c.jobs,
      fte: c.secret ? null : (c.fte / 100).toFixed(2),
      jobs_flag: secretFlag(c.secret),
      source,
    }));
  },
};
