// The partners of the Niort PTCE and the demo accounts. The SIRENs of the CA du Niortais and of
// the Ville de Niort are the official ones; the others, and every establishment number (NIC),
// are Luhn-valid placeholders of the demo dataset.
import { luhnCheckDigit, type PartnerKind } from "@oess/domain";

export interface DemoPartner {
  slug: string;
  name: string;
  shortName: string;
  kind: PartnerKind;
  siren: string;
  isPublicBody: boolean;
}

export const DEMO_PARTNERS: readonly DemoPartner[] = [
  { slug: "can", name: "Communauté d'agglomération du Niortais", shortName: "CA du Niortais", kind: "EPCI", siren: "200041317", isPublicBody: true },
  { slug: "ville-niort", name: "Ville de Niort", shortName: "Ville de Niort", kind: "COMMUNE", siren: "217901917", isPublicBody: true },
  { slug: "region-na", name: "Région Nouvelle-Aquitaine", shortName: "Région N.-A.", kind: "REGION", siren: "200053759", isPublicBody: true },
  {
    slug: "urscop",
    name: "Union régionale des Scop et SCIC Nouvelle-Aquitaine",
    shortName: "URSCOP",
    kind: "NETWORK",
    siren: "781246228",
    isPublicBody: false,
  },
  {
    slug: "cress-na",
    name: "Chambre régionale de l'ESS Nouvelle-Aquitaine",
    shortName: "CRESS N.-A.",
    kind: "NETWORK",
    siren: "823156229",
    isPublicBody: false,
  },
  { slug: "scic-elan", name: "SCIC Élan Coopératif Niortais", shortName: "SCIC Élan", kind: "COOPERATIVE", siren: "852364108", isPublicBody: false },
  { slug: "univ-poitiers", name: "Université de Poitiers", shortName: "Univ. Poitiers", kind: "UNIVERSITY", siren: "198607020", isPublicBody: true },
  { slug: "cbe-niortais", name: "Comité de bassin d'emploi du Niortais", shortName: "CBE du Niortais", kind: "OTHER", siren: "410932107", isPublicBody: false },
];

/** The structure that carries the PTCE and the Maison de l'ESS. */
export const PTCE_CARRIER_SLUG = "scic-elan";

/** A Luhn-valid SIRET for a SIREN: establishment number 0001 and the check digit. */
export function siretOf(siren: string): string {
  const body = `${siren}0001`;
  return body + luhnCheckDigit(body);
}

export interface DemoAccount {
  email: string;
  name: string;
  memberships: ReadonlyArray<{ partner: string; role: "VIEWER" | "EDITOR" | "ADMIN" }>;
}

/** The demo accounts' password: printed by `npm start` and the README; demo data only. */
export const DEMO_PASSWORD = "demo-niort-2026";

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: "coordination@elan-niortais.example", name: "Camille Coordination", memberships: [{ partner: "scic-elan", role: "ADMIN" }] },
  { email: "editrice@agglo-niort.example", name: "Élise Éditrice (CAN)", memberships: [{ partner: "can", role: "EDITOR" }] },
  { email: "lecteur@agglo-niort.example", name: "Louis Lecteur (CAN)", memberships: [{ partner: "can", role: "VIEWER" }] },
  { email: "editeur@vivre-a-niort.example", name: "Émile Éditeur (Ville)", memberships: [{ partner: "ville-niort", role: "EDITOR" }] },
  { email: "lectrice@vivre-a-niort.example", name: "Léa Lectrice (Ville)", memberships: [{ partner: "ville-niort", role: "VIEWER" }] },
];
