// Test fixtures: small SIRENE stock files of the official shape, with the cases an import must
// sort out (non-diffusible units, ceased establishments, non-ESS units, units outside the
// territory, both NAF nomenclatures, quoted commas, quotes and line breaks).
import fs from "node:fs";
import path from "node:path";
import { ESTABLISHMENT_HEADER, stockLine, UNIT_HEADER } from "./official-shape";

// Niort, Chauray and Aiffres are in the territory; Poitiers (86194) is not.
export const FIXTURE_COMMUNES = new Set(["79191", "79081", "79003"]);

export type Values = Record<string, string>;

export const unit = (siren: string, values: Values): Values => ({
  siren,
  statutDiffusionUniteLegale: "O",
  unitePurgeeUniteLegale: "",
  dateCreationUniteLegale: "2012-05-01",
  dateDernierTraitementUniteLegale: "2026-10-02T09:12:45",
  etatAdministratifUniteLegale: "A",
  categorieJuridiqueUniteLegale: "9220",
  economieSocialeSolidaireUniteLegale: "O",
  ...values,
});

export const establishment = (siret: string, values: Values): Values => ({
  siren: siret.slice(0, 9),
  nic: siret.slice(9),
  siret,
  statutDiffusionEtablissement: "O",
  dateCreationEtablissement: "2013-01-15",
  trancheEffectifsEtablissement: "03",
  anneeEffectifsEtablissement: "2024",
  dateDernierTraitementEtablissement: "2026-09-30T10:00:00",
  etablissementSiege: "true",
  codePostalEtablissement: "79000",
  libelleCommuneEtablissement: "NIORT",
  codeCommuneEtablissement: "79191",
  dateDebut: "2013-01-15",
  etatAdministratifEtablissement: "A",
  activitePrincipaleEtablissement: "88.99B",
  nomenclatureActivitePrincipaleEtablissement: "NAFRev2",
  caractereEmployeurEtablissement: "O",
  ...values,
});

export const FIXTURE_UNITS = [
  unit("111111111", { denominationUniteLegale: 'Association "Le Lien", Niort' }),
  unit("222222222", { categorieJuridiqueUniteLegale: "5458", denominationUniteLegale: "SCOP ELAN" }),
  // Not diffusible (statut P): counted, never named.
  unit("333333333", { statutDiffusionUniteLegale: "P", denominationUniteLegale: "[ND]", categorieJuridiqueUniteLegale: "9220" }),
  // Not ESS.
  unit("444444444", { categorieJuridiqueUniteLegale: "5710", economieSocialeSolidaireUniteLegale: "N", denominationUniteLegale: "SAS ORDINAIRE" }),
  // ESS, but its only establishment is outside the territory.
  unit("555555555", { denominationUniteLegale: "MUTUELLE DE POITIERS", categorieJuridiqueUniteLegale: "8210" }),
  // ESS, a person's name rather than a denomination (a rare case, but the register has it).
  unit("666666666", { categorieJuridiqueUniteLegale: "9220", nomUniteLegale: "MARTIN", prenom1UniteLegale: "JEANNE" }),
];

export const FIXTURE_ESTABLISHMENTS = [
  establishment("11111111100012", { libelleVoieEtablissement: "DE LA GARE, BAT. B", enseigne1Etablissement: "LE LIEN" }),
  // A second establishment, ceased, with a quoted line break in its address.
  establishment("11111111100020", {
    etablissementSiege: "false",
    codeCommuneEtablissement: "79081",
    complementAdresseEtablissement: "ZONE DES ASSOCIATIONS\nENTREE 2",
    etatAdministratifEtablissement: "F",
    dateDebut: "2021-06-30",
    trancheEffectifsEtablissement: "NN",
    anneeEffectifsEtablissement: "",
  }),
  // Activity in NAF 2025 only.
  establishment("22222222200015", {
    codeCommuneEtablissement: "79003",
    activitePrincipaleEtablissement: "",
    nomenclatureActivitePrincipaleEtablissement: "",
    activitePrincipaleNAF25Etablissement: "62.10Y",
    trancheEffectifsEtablissement: "11",
  }),
  // Both nomenclatures.
  establishment("22222222200023", { etablissementSiege: "false", activitePrincipaleEtablissement: "62.01Z", activitePrincipaleNAF25Etablissement: "62.10Y" }),
  establishment("33333333300011", { statutDiffusionEtablissement: "P", enseigne1Etablissement: "[ND]" }),
  establishment("44444444400016", {}),
  establishment("55555555500013", { codeCommuneEtablissement: "86194", codePostalEtablissement: "86000" }),
  // Activity in an older nomenclature: not a NAF rév. 2 code.
  establishment("66666666600010", { activitePrincipaleEtablissement: "85.3K", nomenclatureActivitePrincipaleEtablissement: "NAFRev1" }),
];

/** Writes `rows` under `header` into `dir`/`name`; `eol` ends the rows (not the line breaks inside values). */
export function writeStock(dir: string, name: string, header: readonly string[], rows: Values[], eol = "\n"): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, [header.join(","), "\n", ...rows.map((r) => stockLine(header, r))].join("").replaceAll(/(?<!ZONE DES ASSOCIATIONS)\n/g, eol));
  return file;
}

/** The fixture's two files in `dir`. */
export const writeFixtureFiles = (dir: string, establishments: Values[] = FIXTURE_ESTABLISHMENTS, units: Values[] = FIXTURE_UNITS) => ({
  units: writeStock(dir, "StockUniteLegale_utf8.csv", UNIT_HEADER, units),
  establishments: writeStock(dir, "StockEtablissement_utf8.csv", ESTABLISHMENT_HEADER, establishments),
});
