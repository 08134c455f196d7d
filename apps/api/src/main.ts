// Starts the API: read the settings, open the database, migrate, seed on first run, serve.
// SIGTERM or Ctrl-C: stop accepting, let requests in flight finish for a bounded time, cut the
// rest (their queries are cancelled), close the database, exit.
import { DatabaseOpenError, describeTarget, MigrationError, openDatabase, prepareDatabase, SeedError, targetFromEnv } from "@oess/db";
import { UnknownTerritoryError } from "@oess/domain";
import { createApp } from "./app";
import { apiConfig, ConfigError } from "./config";
import { type DrainableServer, drainableServer } from "./drainable-server";
import { scheduleReleases } from "./release-schedule";
import { skipAbandoned } from "./skip-abandoned";

const log = (message: string) => console.log(`[api] ${message}`);

async function main(): Promise<void> {
  const config = apiConfig();
  const target = targetFromEnv();
  log(`Database: ${describeTarget(target)}`);
  const db = await openDatabase(target, { statementTimeoutMs: config.statementTimeoutMs });
  let http: DrainableServer | undefined;
  let stopReleases: (() => void) | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    stopReleases?.();
    await http?.drain(config.shutdownGraceMs, log);
    await db.close(); // the seed runs in one transaction: stopping mid-way leaves nothing half-written
    process.exit(code);
  };
  process.once("SIGINT", () => void stop(0));
  process.once("SIGTERM", () => void stop(0));

  try {
    const { territory } = await prepareDatabase(db, { epciSiren: config.epciSiren, demoData: config.demoData, secrecyRules: config.secrecyRules, log });
    http = drainableServer(skipAbandoned(createApp({ db, territory, urls: config.urls, security: config.security, downloadStallMs: config.downloadStallMs })));
    http.server.on("error", (error: NodeJS.ErrnoException) => {
      console.error(error.code === "EADDRINUSE" ? `[api] Port ${config.port} is already in use: set API_PORT to another port.` : error);
      void stop(1);
    });
    http.server.listen(config.port, () => {
      log(`Ready: http://localhost:${config.port}/graphql (territory: ${territory.name})`);
      log(`Trusted proxies: ${config.security.trustedProxies.description}; credentialed CORS origins: ${config.security.corsOrigins.join(", ")}`);
      for (const warning of config.warnings) log(`Warning: ${warning}`);
      stopReleases = scheduleReleases(db, territory, config.releaseEveryHours, log);
    });
  } catch (error) {
    report(error);
    await stop(1);
  }
}

function report(error: unknown): void {
  const known = [ConfigError, DatabaseOpenError, MigrationError, SeedError, UnknownTerritoryError].some((type) => error instanceof type);
  console.error(known ? `[api] ${(error as Error).message}` : error);
}

main().catch((error) => {
  report(error);
  process.exit(1);
});
