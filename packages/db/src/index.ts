export { cancelledWith } from "./cancellation";
export { type DatabaseKind, type DatabaseTarget, describeTarget, targetFromEnv } from "./config";
export type { SqlDriver, SqlExecutor } from "./driver";
export { DatabaseOpenError, type DatabaseProblem, databaseProblem, MigrationError, RETRY_AFTER_SECONDS } from "./errors";
export { Prisma, PrismaClient } from "./generated/prisma/client";
export { migrate, readMigrations } from "./migrate";
export { type Database, openDatabase } from "./open";
export { type PrepareOptions, prepareDatabase } from "./prepare";
export { type DataVersion, dataVersion } from "./queries/data-change";
export { type DatasetInfo, datasetInfo } from "./queries/dataset";
export {
  computeIndicators,
  INDICATOR_DIMENSIONS,
  INDICATOR_MEASURES,
  type IndicatorDimension,
  type IndicatorFilter,
  type IndicatorMeasure,
  type IndicatorRow,
} from "./queries/indicators";
export { jobsProtection, protectJobs, saveSecrecyRules, secrecyRules } from "./queries/jobs-secrecy";
export { type CompiledPage, compilePage, type PageArgs, PageRow, readPage } from "./queries/record-page";
export {
  computeRegisterAggregates,
  REGISTER_DIMENSIONS,
  type RegisterAggregate,
  type RegisterDimension,
  type RegisterFilter,
  type RegisterSource,
  registerSource,
} from "./queries/register";
export { computeSurvival, SURVIVAL_YEARS, type SurvivalCohort } from "./queries/survival";
export { DEMO_ACCOUNTS, DEMO_PARTNERS, DEMO_PASSWORD, FIRST_YEAR, LAST_YEAR, SeedError, type SeedReport, seedDemoData, wipeData } from "./seed";
export { type Column as BulkColumn, column as bulkColumn, insertRows, type TableSpec } from "./seed/bulk-insert";
export { syncTerritory } from "./territory";
