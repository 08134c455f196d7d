// Starts the API: open the database, migrate, seed on first run, serve; Ctrl-C closes it all.
import { type Server, createServer } from "node:http";
import { DatabaseOpenError, MigrationError, SeedError, describeTarget, openDatabase, prepareDatabase, targetFromEnv } from "@oess/db";
import { UnknownTerritoryError } from "@oess/domain";
import { createApp } from "./app";

const port = Number(process.env.API_PORT ?? 4000);
const log = (message: string) => console.log(`[api] ${message}`);

async function main(): Promise<void> {
  const target = targetFromEnv();
  log(`Database: ${describeTarget(target)}`);
  const db = await openDatabase(target);
  let server: Server | undefined;
  const stop = async (code: number) => {
    server?.closeAllConnections();
    server?.close();
    await db.close(); // the seed runs in one transaction: stopping mid-way leaves nothing half-written
    process.exit(code);
  };
  process.once("SIGINT", () => void stop(0));
  process.once("SIGTERM", () => void stop(0));

  try {
    const demoData = process.env.DEMO_DATA === "off" ? "off" : "auto";
    const { territory } = await prepareDatabase(db, { epciSiren: process.env.TERRITORY_EPCI_SIREN, demoData, log });
    const urls = {
      api: process.env.PUBLIC_API_URL?.replace(/\/$/, ""),
      openDataPage: process.env.PUBLIC_OPEN_DATA_PAGE ?? `http://localhost:${process.env.PORT ?? 3000}/donnees-ouvertes`,
    };
    server = createServer(createApp({ db, territory, urls }));
    server.on("error", (error: NodeJS.ErrnoException) => {
      console.error(error.code === "EADDRINUSE" ? `[api] Port ${port} is already in use: set API_PORT to another port.` : error);
      void stop(1);
    });
    server.listen(port, () => log(`Ready: http://localhost:${port}/graphql (territory: ${territory.name})`));
  } catch (error) {
    report(error);
    await stop(1);
  }
}

function report(error: unknown): void {
  const known = [DatabaseOpenError, MigrationError, SeedError, UnknownTerritoryError].some((type) => error instanceof type);
  console.error(known ? `[api] ${(error as Error).message}` : error);
}

main().catch((error) => {
  report(error);
  process.exit(1);
});
