// The headline indicators: one definition read by the API, the dashboard and the open data.

export const HEADLINE_INDICATORS = {
  jobsCreated: {
    label: "Emplois créés",
    description: "Emplois créés (en personnes) par les entreprises de l'ESS accompagnées, somme des déclarations annuelles publiées.",
  },
  enterprisesIncubated: {
    label: "Entreprises incubées",
    description: "Projets d'entreprise de l'ESS entrés en incubation au PTCE, quelle qu'en soit l'issue.",
  },
  fundingAmount: {
    label: "Financements des partenaires",
    description: "Montant total des subventions, avances, prêts et prestations des partenaires du PTCE, en euros.",
  },
} as const;

export type HeadlineIndicator = keyof typeof HEADLINE_INDICATORS;

/** Wording that goes with every figure or export drawn from the synthetic demo dataset. */
export const DEMO_DATA_NOTICE = "Données de démonstration : entreprises, emplois et financements fictifs, générés pour illustrer l'outil.";
export const DEMO_DATA_SOURCE = "Données de démonstration (générées par l'Observatoire ESS)";
