export { DATASETS, LICENSE, type PublicUrls, SCDL_DATASET } from "./catalog";
export { citationText, citedUrl } from "./citation";
export { type ConformityReport, conformityReport } from "./conformity";
export type { Dataset } from "./dataset";
export { catalogJsonLd, offlineLoader } from "./dcat";
export { createOpenDataHandler, type OpenDataOptions } from "./http";
export { createRelease, type DatasetChanges, latestRelease, listReleases, type Release } from "./releases";
