export { DATASETS, LICENSE, type PublicUrls, SCDL_DATASET } from "./catalog";
export { citationText, citedUrl } from "./citation";
export { type ConformityReport, conformityReport } from "./conformity";
export type { Column, Dataset } from "./dataset";
export { catalogJsonLd, offlineLoader } from "./dcat";
export { createOpenDataHandler, type OpenDataOptions } from "./http";
export { releasedIndicators, releasedSurvival } from "./released-indicators";
export {
  createRelease,
  type DatasetChanges,
  findRelease,
  latestRelease,
  listReleases,
  type Release,
  type ReleasedRow,
  releasedColumns,
  releasedPage,
} from "./releases";
