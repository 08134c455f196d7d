import { communeCodeColumn } from "../columns";
import { Conditions, type Dataset } from "../dataset";

export const communes: Dataset = {
  name: "communes",
  title: "Communes du territoire",
  description: "Les communes de l'intercommunalité couverte par l'Observatoire, avec leur population municipale (INSEE).",
  keywords: ["communes", "territoire", "population", "INSEE"],
  columns: [
    { ...communeCodeColumn(true), name: "code", constraints: { required: true, unique: true, pattern: "^[0-9][0-9AB][0-9]{3}$" } },
    { name: "name", type: "string", title: "Nom", description: "Nom officiel de la commune.", constraints: { required: true } },
    {
      name: "siren",
      type: "string",
      title: "SIREN",
      description: "SIREN de la commune (collectivité).",
      constraints: { required: true, pattern: "^[0-9]{9}$" },
    },
    {
      name: "epci_siren",
      type: "string",
      title: "SIREN de l'EPCI",
      description: "SIREN de l'intercommunalité.",
      constraints: { required: true, pattern: "^[0-9]{9}$" },
    },
    {
      name: "population",
      type: "integer",
      title: "Population municipale",
      description: "Population municipale (INSEE).",
      constraints: { required: true, minimum: 0 },
    },
    { name: "source", type: "string", title: "Source", description: "Origine de la donnée.", constraints: { required: true } },
  ],
  primaryKey: ["code"],
  filters: ["commune"],
  source(ctx, filters) {
    const c = new Conditions().add((p) => `epci_siren = ${p}`, ctx.epciSiren);
    if (filters.commune) c.add((p) => `code = ${p}`, filters.commune);
    return {
      select: "code, name, siren, epci_siren, population, 'INSEE, via @etalab/decoupage-administratif' AS source",
      from: "commune",
      ...c,
      key: { column: "code", type: "text" },
    };
  },
};
