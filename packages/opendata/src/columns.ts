// Column definitions used by several datasets.
import { LEGAL_FAMILIES } from "@oess/domain";
import type { Column } from "./dataset";

export const idColumn = (what: string): Column => ({
  name: "id",
  type: "string",
  title: "Identifiant",
  description: `Identifiant stable (UUID) ${what}, le même que databaseId dans l'API.`,
  constraints: { required: true, unique: true },
});

export const refColumn = (name: string, what: string, required = true): Column => ({
  name,
  type: "string",
  title: `Identifiant ${what}`,
  description: `Identifiant (UUID) ${what}.`,
  constraints: required ? { required: true } : {},
});

export const communeCodeColumn = (required: boolean): Column => ({
  name: "commune_code",
  type: "string",
  title: "Code commune",
  description: "Code officiel géographique (INSEE) de la commune.",
  constraints: { ...(required ? { required: true } : {}), pattern: "^[0-9][0-9AB][0-9]{3}$" },
});

export const dataYearColumn: Column = {
  name: "data_year",
  type: "integer",
  title: "Millésime",
  description: "Année à laquelle se rapporte le chiffre (millésime).",
  constraints: { required: true, minimum: 2000, maximum: 2100 },
};

export const sourceColumn: Column = {
  name: "source",
  type: "string",
  title: "Source",
  description: "Origine de la donnée ; « Données de démonstration » pour le jeu fictif de démonstration.",
  constraints: { required: true },
};

export const publishedAtColumn: Column = {
  name: "published_at",
  type: "datetime",
  title: "Date de publication",
  description: "Date et heure (UTC) de la première publication de l'enregistrement.",
  constraints: { required: true },
};

export const communeNameColumn: Column = { name: "commune_name", type: "string", title: "Commune", description: "Nom de la commune." };

export const legalFamilyColumn = (description: string, required = false): Column => ({
  name: "legal_family",
  type: "string",
  title: "Famille juridique",
  description,
  constraints: { ...(required ? { required } : {}), enum: LEGAL_FAMILIES },
});
