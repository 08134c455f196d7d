// The territory is one EPCI (intercommunalité) and its member communes, read from the official
// list published by Etalab (INSEE codes, SIREN, population municipale).
import fs from "node:fs";
import { createRequire } from "node:module";

export const DEFAULT_EPCI_SIREN = "200041317"; // CA du Niortais

export interface TerritoryCommune {
  code: string;
  name: string;
  siren: string;
  population: number;
}

export interface Territory {
  epciSiren: string;
  name: string;
  population: number;
  communes: TerritoryCommune[];
}

interface EpciEntry {
  code: string;
  nom: string;
  populationMunicipale: number;
  membres: Array<{ code: string; siren: string; nom: string; populationMunicipale: number }>;
}

export class UnknownTerritoryError extends Error {
  constructor(readonly epciSiren: string) {
    super(
      `TERRITORY_EPCI_SIREN=${epciSiren} is not the SIREN of an EPCI in @etalab/decoupage-administratif. ` +
        `Use the 9-digit SIREN of an intercommunalité, e.g. ${DEFAULT_EPCI_SIREN} for the CA du Niortais.`,
    );
    this.name = "UnknownTerritoryError";
  }
}

/** The EPCI with this SIREN and its communes, most populated first. */
export function loadTerritory(epciSiren: string = DEFAULT_EPCI_SIREN): Territory {
  // Read, not required: the file is 4 MB and `require` would keep it in memory for good.
  const file = createRequire(import.meta.url).resolve("@etalab/decoupage-administratif/data/epci.json");
  const epci = (JSON.parse(fs.readFileSync(file, "utf8")) as EpciEntry[]).find((e) => e.code === epciSiren);
  if (!epci) throw new UnknownTerritoryError(epciSiren);
  return {
    epciSiren: epci.code,
    name: epci.nom,
    population: epci.populationMunicipale,
    communes: epci.membres
      .map((m) => ({ code: m.code, name: m.nom, siren: m.siren, population: m.populationMunicipale }))
      .sort((a, b) => b.population - a.population || a.name.localeCompare(b.name, "fr")),
  };
}
