export { type DatabaseKind, type DatabaseTarget, describeTarget, targetFromEnv } from "./config";
export type { SqlDriver, SqlExecutor } from "./driver";
export { DatabaseOpenError, type DatabaseProblem, MigrationError, RETRY_AFTER_SECONDS, databaseProblem } from "./errors";
export { Prisma, PrismaClient } from "./generated/prisma/client";
export { migrate, readMigrations } from "./migrate";
export { type Database, openDatabase } from "./open";
export { type PrepareOptions, prepareDatabase } from "./prepare";
export { DEMO_ACCOUNTS, DEMO_PARTNERS, DEMO_PASSWORD, FIRST_YEAR, LAST_YEAR, type SeedReport, SeedError, seedDemoData, wipeData } from "./seed";
export { syncTerritory } from "./territory";
export { type DatasetInfo, datasetInfo } from "./queries/dataset";
export {
  INDICATOR_DIMENSIONS,
  INDICATOR_MEASURES,
  type IndicatorDimension,
  type IndicatorFilter,
  type IndicatorMeasure,
  type IndicatorRow,
  computeIndicators,
} from "./queries/indicators";
export { SURVIVAL_YEARS, type SurvivalCohort, computeSurvival } from "./queries/survival";
export { type DataVersion, dataVersion } from "./queries/data-change";
export { type Column as BulkColumn, type TableSpec, column as bulkColumn, insertRows } from "./seed/bulk-insert";
