export { DATASETS, LICENSE, SCDL_DATASET } from "./catalog";
export { type ConformityReport, conformityReport } from "./conformity";
export type { Dataset } from "./dataset";
export { catalogJsonLd, offlineLoader } from "./dcat";
export { createOpenDataHandler, type OpenDataOptions } from "./http";
