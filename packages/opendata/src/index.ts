export { DATASETS, LICENSE, SCDL_DATASET } from "./catalog";
export { type ConformityReport, conformityReport } from "./conformity";
export { catalogJsonLd, offlineLoader } from "./dcat";
export type { Dataset } from "./dataset";
export { type OpenDataOptions, createOpenDataHandler } from "./http";
