// The published datasets and the facts every catalogue shares (licence, publisher, formats).
import type { Dataset } from "./dataset";
import { communes } from "./datasets/communes";
import { enterprises } from "./datasets/enterprises";
import { fundings } from "./datasets/fundings";
import { incubations } from "./datasets/incubations";
import { indicators } from "./datasets/indicators";
import { jobs } from "./datasets/jobs";
import { partners } from "./datasets/partners";
import { subventions } from "./datasets/subventions";

/** Datasets served as /opendata/{name}.{csv,json,xlsx}. */
export const DATASETS: readonly Dataset[] = [communes, partners, enterprises, incubations, jobs, fundings, indicators];
/** Served as /opendata/scdl/subventions.csv. */
export const SCDL_DATASET = subventions;

export const LICENSE = {
  name: "Licence Ouverte / Open Licence version 2.0",
  url: "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
  spdx: "etalab-2.0",
} as const;

export const PUBLISHER = {
  name: "Observatoire ESS du Niortais (Maison de l'ESS et PTCE du Niortais)",
  // Harvesters show this address as the datasets' contact point: set it for a real deployment.
  email: process.env.OPEN_DATA_CONTACT_EMAIL ?? "contact@observatoire-ess-niortais.example",
} as const;

export const FORMATS = {
  csv: { mediaType: "text/csv", label: "CSV" },
  json: { mediaType: "application/json", label: "JSON" },
  xlsx: { mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", label: "XLSX" },
} as const;
export type Format = keyof typeof FORMATS;

/** Where the catalogue points people and harvesters to. */
export interface PublicUrls {
  /** Base URL of the API, e.g. https://observatoire.example/api (no trailing slash). */
  api: string;
  /** The dashboard's open-data page. */
  landingPage: string;
}

export function downloadUrl(urls: PublicUrls, dataset: Dataset, format: Format): string {
  return dataset === SCDL_DATASET ? `${urls.api}/opendata/scdl/subventions.csv` : `${urls.api}/opendata/${dataset.name}.${format}`;
}
