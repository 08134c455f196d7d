// What every start-up does before serving: migrate, load the territory, and on an empty
// database (first run) fill in the demo dataset.
import { loadTerritory, type SecrecyRules, type Territory } from "@oess/domain";
import { migrate } from "./migrate";
import type { Database } from "./open";
import { saveSecrecyRules } from "./queries/jobs-secrecy";
import { isEmpty, NotEmptyError, type SeedReport, seedDemoData } from "./seed";
import { syncTerritory } from "./territory";

export interface PrepareOptions {
  epciSiren?: string;
  /** "auto" seeds the demo dataset into an empty database; "off" never does. */
  demoData?: "auto" | "off";
  /** Thresholds of statistical confidentiality to store for every process; the stored ones (or the defaults) when absent. */
  secrecyRules?: SecrecyRules;
  log?: (message: string) => void;
}

export interface PrepareResult {
  territory: Territory;
  migrationsApplied: string[];
  seeded: SeedReport | null;
}

export async function prepareDatabase(db: Database, options: PrepareOptions = {}): Promise<PrepareResult> {
  const log = options.log ?? (() => undefined);
  const territory = loadTerritory(options.epciSiren);
  const migrationsApplied = await migrate(db.sql);
  if (migrationsApplied.length > 0) log(`Applied migrations: ${migrationsApplied.join(", ")}`);
  await syncTerritory(db.sql, territory);
  if (options.secrecyRules) await saveSecrecyRules(db.sql, options.secrecyRules);
  let seeded: SeedReport | null = null;
  if ((options.demoData ?? "auto") === "auto" && (await isEmpty(db.sql))) {
    log("Empty database: loading the demo dataset (données de démonstration)…");
    try {
      seeded = await seedDemoData(db.sql, { territory });
      log(`Demo dataset loaded: ${seeded.enterprises} enterprises, ${seeded.jobRecords} job records, ${seeded.fundings} fundings.`);
    } catch (error) {
      if (!(error instanceof NotEmptyError)) throw error;
      log("Another instance loaded the demo dataset meanwhile.");
    }
  }
  return { territory, migrationsApplied, seeded };
}
