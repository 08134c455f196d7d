// The published datasets and the facts every catalogue shares (licence, publisher, formats).
import type { Dataset } from "./dataset";
import { communes } from "./datasets/communes";
import { enterprises } from "./datasets/enterprises";
import { fundings } from "./datasets/fundings";
import { incubations } from "./datasets/incubations";
import { indicators } from "./datasets/indicators";
import { jobs } from "./datasets/jobs";
import { partners } from "./datasets/partners";
import { registerCounts, registerEstablishments } from "./datasets/register";
import { subventions } from "./datasets/subventions";

/** Datasets served as /opendata/{name}.{csv,json,xlsx}. */
export const DATASETS: readonly Dataset[] = [communes, partners, enterprises, incubations, jobs, fundings, indicators, registerEstablishments, registerCounts];
/** Served as /opendata/scdl/subventions.csv. */
export const SCDL_DATASET = subventions;

export const LICENSE = {
  name: "Licence Ouverte / Open Licence version 2.0",
  url: "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
  spdx: "etalab-2.0",
} as const;

/** The title of the whole: the catalogue, the Data Package, a citation. */
export const COLLECTION_TITLE = "Observatoire de l'économie sociale et solidaire du Niortais";

export const PUBLISHER_NAME = "Observatoire ESS du Niortais (Maison de l'ESS et PTCE du Niortais)";

/** The SCDL « Subventions » 2.1.1 Table Schema as data.gouv.fr's schema catalogue knows it (its canonical URL). */
export const SCDL_SCHEMA_URL = "https://schema.data.gouv.fr/schemas/scdl/subventions/2.1.1/schema.json";

export const FORMATS = {
  csv: { mediaType: "text/csv", label: "CSV", title: "CSV" },
  json: { mediaType: "application/json", label: "JSON", title: "JSON" },
  xlsx: { mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", label: "XLSX", title: "XLSX" },
  // The same CSV as Excel France opens it with a double click: BOM, `;`, `,` decimals, CRLF.
  "excel.csv": { mediaType: "text/csv", label: "CSV", title: "CSV pour Excel, point-virgule et virgule décimale" },
} as const;
export type Format = keyof typeof FORMATS;

/** Where the catalogue points people and harvesters to, and whom they may write to. */
export interface PublicUrls {
  /** Base URL of the API, e.g. https://observatoire.example/api (no trailing slash). */
  api: string;
  /** The dashboard's open-data page. */
  landingPage: string;
  /** The datasets' contact point, shown by harvesters (OPEN_DATA_CONTACT_EMAIL). */
  contactEmail: string;
  /** No PUBLIC_API_URL: the API's URL comes from the request, and documents that cite it say so. */
  derived?: boolean;
}

/** Said in the catalogue and the Data Package while their URLs come from the request. */
export const DERIVED_URLS_NOTICE =
  "Attention : les adresses de ce document sont déduites de la requête, faute d'adresse publique configurée (PUBLIC_API_URL, PUBLIC_OPEN_DATA_PAGE).";

/** Where the files of a released version are, or the current files without a version. */
export const openDataBase = (urls: PublicUrls, version?: number) => `${urls.api}/opendata${version !== undefined ? `/v/${version}` : ""}`;

export function downloadUrl(urls: PublicUrls, dataset: Dataset, format: Format, version?: number): string {
  const base = openDataBase(urls, version);
  return dataset === SCDL_DATASET ? `${base}/scdl/subventions.csv` : `${base}/${dataset.name}.${format}`;
}
