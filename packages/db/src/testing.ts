// A fresh, migrated database for one test file: in-memory PGlite by default, or a throwaway
// database on the PostgreSQL server of DATABASE_URL (created here, dropped by dispose()).
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadTerritory } from "@oess/domain";
import pg from "pg";
import { migrate } from "./migrate";
import { type Database, type OpenOptions, openDatabase } from "./open";
import { seedDemoData } from "./seed";
import { syncTerritory } from "./territory";

export interface TestDatabase extends Database {
  /** Closes the database and, on PostgreSQL, drops it. */
  dispose(): Promise<void>;
  /** The URL of the throwaway PostgreSQL database, or null on PGlite. */
  url: string | null;
}

export interface TestDatabaseOptions extends OpenOptions {
  /** Load the demo dataset (at `scale`, 1 by default). */
  seed?: boolean;
  scale?: number;
  migrate?: boolean;
}

export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  let db: Database;
  let url: string | null = null;
  let drop = async (): Promise<void> => undefined;
  if (serverUrl) {
    const throwaway = await createThrowawayDatabase(serverUrl, "oess_test");
    url = throwaway.url;
    drop = throwaway.drop;
    db = await openDatabase({ kind: "postgresql", url }, { maxConnections: 4, ...options });
  } else {
    db = await openDatabase({ kind: "pglite", dataDir: null }, options);
  }
  if (options.migrate !== false) {
    await migrate(db.sql);
    const territory = loadTerritory();
    await syncTerritory(db.sql, territory);
    if (options.seed) await seedDemoData(db.sql, { territory, scale: options.scale });
  }
  return {
    ...db,
    url,
    async dispose() {
      await db.close();
      await drop();
    },
  };
}

/** Creates an empty database on the server of `serverUrl`; drop() removes it. */
export async function createThrowawayDatabase(serverUrl: string, prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const drop = async () => {
    // pg's pool.end() resolves before its sockets have closed: let them go before forcing the
    // drop, or their backends are killed mid-goodbye and the client reports a FATAL error.
    for (let i = 0; i < 50 && (await adminCount(serverUrl, name)) > 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  };
  return { url: url.toString(), drop };
}

/**
 * Environment variables that point a child process (the product, a CLI) at data of its own:
 * a throwaway database on DATABASE_URL's server, else a temporary embedded database.
 */
export async function scratchEnvironment(prefix: string): Promise<{ env: NodeJS.ProcessEnv; cleanup: () => Promise<void> }> {
  if (process.env.DATABASE_URL) {
    const db = await createThrowawayDatabase(process.env.DATABASE_URL, prefix);
    return { env: { ...process.env, DATABASE_URL: db.url }, cleanup: db.drop };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  return { env: { ...process.env, DATA_DIR: dir }, cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

async function adminQuery<Row extends pg.QueryResultRow = pg.QueryResultRow>(serverUrl: string, sql: string, params: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return (await client.query<Row>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

const adminCount = async (serverUrl: string, database: string): Promise<number> =>
  (await adminQuery<{ n: number }>(serverUrl, "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1", [database]))[0]?.n ?? 0;
