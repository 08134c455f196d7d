// What every indicator means: one definition, with its unit and reference date, in French (the
// dashboard, the open data, the guide) and English (the API's descriptions, the guide). Tests hold
// the guide, the Data Package and the schema to these words.

export interface Definition {
  /** The indicator's name in the dashboard. */
  label: string;
  fr: { definition: string; unit: string; reference: string };
  en: { definition: string; unit: string; reference: string };
}

export const DEFINITIONS = {
  jobsCreated: {
    label: "Emplois créés",
    fr: {
      definition:
        "Personnes embauchées dans l'année par les entreprises de l'ESS accompagnées, tous contrats de travail confondus (associés salariés des Scop et des SCIC compris), en créations brutes : les départs ne sont pas déduits. Chaque entreprise les déclare une fois par an.",
      unit: "personnes",
      reference: "année civile de l'embauche, déclarée au printemps suivant",
    },
    en: {
      definition:
        "People hired during the year by the ESS enterprises the PTCE supports, whatever the employment contract (worker-members of Scop and SCIC included), counted gross: departures are not deducted. Each enterprise declares them once a year.",
      unit: "people",
      reference: "calendar year of hiring, declared the following spring",
    },
  },
  fullTimeEquivalents: {
    label: "Équivalents temps plein (ETP)",
    fr: {
      definition:
        "Durée de travail de ces emplois sur l'année : un temps plein toute l'année compte 1, un mi-temps toute l'année ou un temps plein de six mois 0,5.",
      unit: "ETP",
      reference: "année civile de l'embauche",
    },
    en: {
      definition: "Working time of those jobs over the year: a full-time job all year counts 1; a half-time job all year, or six months full time, 0.5.",
      unit: "full-time equivalents (FTE)",
      reference: "calendar year of hiring",
    },
  },
  enterprisesIncubated: {
    label: "Projets entrés en incubation",
    fr: {
      definition: "Projets d'entreprise de l'ESS entrés en incubation au PTCE, quelle qu'en soit l'issue : créée, abandonnée ou en cours.",
      unit: "projets",
      reference: "date de début de l'accompagnement",
    },
    en: {
      definition: "ESS enterprise projects that entered the PTCE's incubator, whatever came of them: created, abandoned or ongoing.",
      unit: "projects",
      reference: "start date of the support",
    },
  },
  enterprisesCreated: {
    label: "Entreprises créées",
    fr: {
      definition: "Entreprises de l'ESS accompagnées créées dans l'année : immatriculation, ou déclaration en préfecture pour une association.",
      unit: "entreprises",
      reference: "date de création",
    },
    en: {
      definition: "Supported ESS enterprises created during the year: registration, or declaration to the préfecture for an association.",
      unit: "enterprises",
      reference: "creation date",
    },
  },
  fundingAmount: {
    label: "Financements des partenaires",
    fr: {
      definition:
        "Montants décidés (attribués) par les partenaires du PTCE, pas les montants versés : subventions, avances remboursables, prêts et prestations. Une prestation en nature est valorisée au coût que le partenaire déclare pour elle (coût complet, à défaut prix de marché).",
      unit: "euros courants",
      reference: "exercice budgétaire de la décision",
    },
    en: {
      definition:
        "Amounts decided (awarded) by the PTCE's partners, not amounts paid: grants, repayable advances, loans and in-kind services. An in-kind service is valued at the cost the partner declares for it (full cost, else market price).",
      unit: "current euros",
      reference: "budget year of the decision",
    },
  },
  fundingCount: {
    label: "Nombre de financements",
    fr: {
      definition: "Décisions de financement des partenaires, une par convention ou acte d'attribution.",
      unit: "décisions",
      reference: "exercice budgétaire de la décision",
    },
    en: { definition: "Funding decisions of the partners, one per agreement or award.", unit: "decisions", reference: "budget year of the decision" },
  },
} as const satisfies Record<string, Definition>;

export type DefinedIndicator = keyof typeof DEFINITIONS;

/** "definition (unit; reference)", as every description gives it. */
export const describeIndicator = (key: DefinedIndicator, language: "fr" | "en"): string => {
  const { definition, unit, reference } = DEFINITIONS[key][language];
  return language === "fr" ? `${definition} Unité : ${unit}. Date de référence : ${reference}.` : `${definition} Unit: ${unit}. Reference date: ${reference}.`;
};

/** The dashboard's headline figures: labels from the definitions. */
export const HEADLINE_INDICATORS = {
  jobsCreated: { label: DEFINITIONS.jobsCreated.label },
  enterprisesIncubated: { label: DEFINITIONS.enterprisesIncubated.label },
  enterprisesCreated: { label: DEFINITIONS.enterprisesCreated.label },
  fundingAmount: { label: DEFINITIONS.fundingAmount.label },
} as const;

/**
 * Whether a year's figures are all in: jobs are declared in the spring after the year, so a year
 * is complete from the 1st of July of the next one. A later year is provisional.
 */
export const isYearComplete = (year: number, today: Date): boolean =>
  year < today.getUTCFullYear() - 1 || (year === today.getUTCFullYear() - 1 && today.getUTCMonth() >= 6);

/** Below this many units, a change is told as two counts, never as a percentage (« 1, −88 % » says nothing). */
export const PERCENT_CHANGE_FROM = 10;

/** Wording that goes with every figure or export drawn from the synthetic demo dataset. */
export const DEMO_DATA_NOTICE = "Données de démonstration : entreprises, emplois et financements fictifs, générés pour illustrer l'outil.";
export const DEMO_DATA_SOURCE = "Données de démonstration (générées par l'Observatoire ESS)";
