// One factory for every process (API, CLI, seed, tests): a Prisma client and a raw SQL driver
// on the same connection(s), and a close() that leaves no handle behind.
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { CancellablePool } from "./cancellation";
import { type DatabaseKind, type DatabaseTarget, targetFromEnv } from "./config";
import { lockDataDir } from "./data-dir-lock";
import { pgDriver, pgliteDriver, type SqlDriver, type SqlExecutor } from "./driver";
import { DatabaseOpenError } from "./errors";
import { PrismaClient } from "./generated/prisma/client";

export interface Database {
  readonly kind: DatabaseKind;
  readonly prisma: PrismaClient;
  readonly sql: SqlDriver;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Pool size on PostgreSQL. */
  maxConnections?: number;
  /** Called with each SQL statement Prisma or the SQL driver's `query` sends (tests count them). */
  onQuery?: (sql: string) => void;
  /**
   * PostgreSQL's statement_timeout on every connection, in ms: no request can hold a connection
   * for ever. PGlite runs in this process and has no time-outs.
   */
  statementTimeoutMs?: number;
}

function createClient(adapter: PrismaPg | PrismaPGlite, options: OpenOptions): PrismaClient {
  if (!options.onQuery) return new PrismaClient({ adapter });
  const prisma = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  const onQuery = options.onQuery;
  prisma.$on("query", (event) => onQuery(event.query));
  return prisma;
}

/** The driver, telling `onQuery` of each statement its `query` sends too, in a transaction or not. */
function observed(driver: SqlDriver, onQuery: OpenOptions["onQuery"]): SqlDriver {
  if (!onQuery) return driver;
  const watched = <Executor extends SqlExecutor>(executor: Executor): Executor => ({
    ...executor,
    query: <Row>(sql: string, params?: unknown[]) => {
      onQuery(sql);
      return executor.query<Row>(sql, params);
    },
  });
  return { ...watched(driver), transaction: (work) => driver.transaction((tx) => work(watched(tx))) };
}

export async function openDatabase(target: DatabaseTarget = targetFromEnv(), options: OpenOptions = {}): Promise<Database> {
  return target.kind === "postgresql" ? openPostgres(target.url, options) : openPglite(target.dataDir, options);
}

async function openPostgres(url: string, options: OpenOptions): Promise<Database> {
  // Statements sent in a request's `cancelledWith` scope stop when the request is abandoned.
  const pool = new CancellablePool({ connectionString: url, max: options.maxConnections ?? 10, statement_timeout: options.statementTimeoutMs || undefined });
  try {
    await pool.query("SELECT 1");
  } catch (error) {
    await pool.end();
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseOpenError(`Cannot connect to PostgreSQL (DATABASE_URL): ${reason}`, { cause: error });
  }
  // pg's advice: an idle connection the server drops (restart, admin command) must not take the
  // process down; the pool replaces it on the next query.
  let closing = false;
  pool.on("error", (error) => {
    if (!closing) console.warn(`[db] An idle PostgreSQL connection was closed by the server: ${error.message}`);
  });
  const prisma = createClient(new PrismaPg(pool), options);
  return {
    kind: "postgresql",
    prisma,
    sql: observed(pgDriver(pool), options.onQuery),
    async close() {
      closing = true;
      await prisma.$disconnect();
      if (!pool.ending) await pool.end();
    },
  };
}

async function openPglite(dataDir: string | null, options: OpenOptions): Promise<Database> {
  const release = dataDir ? lockDataDir(dataDir) : () => undefined;
  const pgdata = dataDir ? path.join(dataDir, "pgdata") : undefined;
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(pgdata);
    await pglite.query("SELECT 1");
  } catch (error) {
    release();
    throw corruptedDirectoryError(pgdata ?? "memory", error);
  }
  const prisma = createClient(new PrismaPGlite(pglite), options);
  return {
    kind: "pglite",
    prisma,
    sql: observed(pgliteDriver(pglite), options.onQuery),
    async close() {
      await prisma.$disconnect();
      await pglite.close(); // PGlite's timers keep the process alive until it is closed
      release();
    },
  };
}

function corruptedDirectoryError(pgdata: string, error: unknown): DatabaseOpenError {
  const reason = error instanceof Error ? error.message : String(error);
  const exists = pgdata !== "memory" && fs.existsSync(pgdata);
  return new DatabaseOpenError(
    `The embedded database in ${pgdata} cannot be opened (${reason}). ` +
      (exists
        ? `It is damaged or was written by another version. Restore a backup, or move the folder away to start again from the demo data.`
        : `Check that DATA_DIR points to a folder this user can write.`),
    { cause: error },
  );
}
