// What the demo enterprises do: a NAF subclass, names that fit it, and the legal families that
// usually carry such an activity in a French ESS territory.
import type { LegalFamily } from "@oess/domain";

export interface Activity {
  naf: string;
  names: readonly string[];
  families: readonly LegalFamily[];
}

export const ACTIVITIES: readonly Activity[] = [
  { naf: "88.99B", names: ["Le Relais solidaire", "Entraide", "Les Petits Pas", "Solidarité active"], families: ["ASSOCIATION", "FOUNDATION"] },
  { naf: "88.10A", names: ["Aide à domicile", "Domicile solidaire", "Les Aidants"], families: ["ASSOCIATION", "COOPERATIVE"] },
  { naf: "94.99Z", names: ["Maison des initiatives", "Collectif citoyen", "Ateliers partagés"], families: ["ASSOCIATION"] },
  { naf: "85.59A", names: ["Formation et insertion", "École des savoir-faire", "Compétences solidaires"], families: ["ASSOCIATION", "COOPERATIVE"] },
  { naf: "56.10A", names: ["Le Bistrot coopératif", "La Table solidaire", "Café des possibles"], families: ["COOPERATIVE", "ESS_COMPANY", "ASSOCIATION"] },
  { naf: "38.32Z", names: ["La Ressourcerie", "La Recyclerie", "Réemploi"], families: ["ASSOCIATION", "COOPERATIVE"] },
  { naf: "47.79Z", names: ["Le Comptoir du réemploi", "Fripe et Cie", "La Boutique solidaire"], families: ["ASSOCIATION", "ESS_COMPANY"] },
  { naf: "01.13Z", names: ["Les Jardins partagés", "Maraîchage bio", "Potager solidaire"], families: ["ASSOCIATION", "COOPERATIVE"] },
  { naf: "90.01Z", names: ["Compagnie de la Roulotte", "Scène ouverte", "Théâtre en chemin"], families: ["ASSOCIATION", "COOPERATIVE"] },
  { naf: "93.12Z", names: ["Sport pour tous", "Club de canoë", "Les Foulées"], families: ["ASSOCIATION"] },
  { naf: "62.01Z", names: ["Numérique libre", "Code commun", "Atelier web"], families: ["COOPERATIVE", "ESS_COMPANY"] },
  { naf: "43.39Z", names: ["Bâtir ensemble", "Éco-rénovation", "Les Compagnons du bâti"], families: ["COOPERATIVE"] },
  { naf: "77.21Z", names: ["Vélo solidaire", "La Roue libre"], families: ["ASSOCIATION", "COOPERATIVE"] },
  { naf: "70.22Z", names: ["Conseil et coopération", "Ingénierie sociale", "Entreprendre ensemble"], families: ["COOPERATIVE", "ESS_COMPANY"] },
  { naf: "81.30Z", names: ["Espaces verts solidaires", "Paysages du Marais"], families: ["ASSOCIATION", "COOPERATIVE"] },
  { naf: "35.11Z", names: ["Énergie citoyenne", "Soleil partagé"], families: ["COOPERATIVE"] },
  { naf: "65.12Z", names: ["Prévoyance solidaire", "Santé mutualiste"], families: ["MUTUAL"] },
  { naf: "86.21Z", names: ["Centre de santé", "Maison de santé"], families: ["MUTUAL", "ASSOCIATION"] },
  { naf: "88.91A", names: ["Crèche parentale", "Les P'tits Loups"], families: ["ASSOCIATION", "MUTUAL"] },
  { naf: "87.30A", names: ["Résidence d'accueil", "Maison des aînés"], families: ["ASSOCIATION", "FOUNDATION", "MUTUAL"] },
  { naf: "10.71C", names: ["Le Fournil coopératif", "Pain partagé"], families: ["COOPERATIVE"] },
  { naf: "82.99Z", names: ["Services partagés", "Le Groupement d'employeurs"], families: ["ESS_COMPANY", "ASSOCIATION"] },
];

export const FAMILY_WEIGHTS: Record<LegalFamily, number> = {
  ASSOCIATION: 52,
  COOPERATIVE: 28,
  MUTUAL: 4,
  FOUNDATION: 3,
  ESS_COMPANY: 13,
};

export const NAME_PLACES = ["du Niortais", "de la Sèvre", "du Marais", "des Deux-Sèvres", "niortais", "79"] as const;
