// Starts the API: read the settings, open the database, migrate, seed on first run, serve.
// SIGTERM or Ctrl-C: stop accepting, let requests in flight finish for a bounded time, cut the
// rest (their queries are cancelled), close the database, exit.
import { createServer, type Server } from "node:http";
import { DatabaseOpenError, describeTarget, MigrationError, openDatabase, prepareDatabase, SeedError, targetFromEnv } from "@oess/db";
import { UnknownTerritoryError } from "@oess/domain";
import { createApp } from "./app";
import { type ApiConfig, apiConfig, ConfigError } from "./config";
import { scheduleReleases } from "./release-schedule";

const log = (message: string) => console.log(`[api] ${message}`);

async function main(): Promise<void> {
  const config = apiConfig();
  const target = targetFromEnv();
  log(`Database: ${describeTarget(target)}`);
  const db = await openDatabase(target, { statementTimeoutMs: config.statementTimeoutMs });
  let server: Server | undefined;
  let stopReleases: (() => void) | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    stopReleases?.();
    if (server) await drain(server, config);
    await db.close(); // the seed runs in one transaction: stopping mid-way leaves nothing half-written
    process.exit(code);
  };
  process.once("SIGINT", () => void stop(0));
  process.once("SIGTERM", () => void stop(0));

  try {
    const { territory } = await prepareDatabase(db, { epciSiren: config.epciSiren, demoData: config.demoData, secrecyRules: config.secrecyRules, log });
    server = createServer(createApp({ db, territory, urls: config.urls, security: config.security, downloadStallMs: config.downloadStallMs }));
    server.on("error", (error: NodeJS.ErrnoException) => {
      console.error(error.code === "EADDRINUSE" ? `[api] Port ${config.port} is already in use: set API_PORT to another port.` : error);
      void stop(1);
    });
    server.listen(config.port, () => {
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

/** Stops accepting; requests in flight get `shutdownGraceMs`, then their connections are cut. */
async function drain(server: Server, config: ApiConfig): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const grace = new Promise<"late">((resolve) => setTimeout(() => resolve("late"), config.shutdownGraceMs).unref());
  if ((await Promise.race([closed, grace])) === "late") {
    log(`Requests still running after ${config.shutdownGraceMs} ms: closing them.`);
    // Each cut connection aborts its request's signal: exports stop and give their connection back.
    server.closeAllConnections();
    await closed;
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
