// Applies prisma/migrations/*/migration.sql in order, each in its own transaction, through the
// driver itself (both drivers accept multi-statement scripts; the Prisma CLI cannot do this
// offline, see docs/prisma-offline.md). Checksums catch a migration edited after it ran.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { SqlDriver } from "./driver";
import { MigrationError } from "./errors";

/** prisma/migrations of the repository, found from this module's place (source or built bundle). */
function findMigrationsDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, "prisma", "migrations");
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new MigrationError("prisma/migrations was not found above the running code; set MIGRATIONS_DIR.");
    dir = parent;
  }
}

/** Where the migrations are: MIGRATIONS_DIR, else prisma/migrations above this code. Looked up when needed, not on import. */
export const migrationsDir = (): string => process.env.MIGRATIONS_DIR ?? findMigrationsDir();

// Any constant shared by every instance: concurrent start-ups on PostgreSQL wait for each other.
const MIGRATION_LOCK_KEY = 7_302_114_009;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir: string = migrationsDir()): Migration[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const HISTORY_TABLE = `CREATE TABLE IF NOT EXISTS _migration (
  name text PRIMARY KEY,
  checksum text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
)`;

/** Applies the pending migrations; returns the names of those it applied. */
export async function migrate(sql: SqlDriver, migrations: Migration[] = readMigrations()): Promise<string[]> {
  const applied: string[] = [];
  const known = new Set(migrations.map((m) => m.name));
  for (const migration of migrations) {
    const ran = await sql.transaction(async (tx) => {
      // A migration may rewrite a large table: the API's statement time-out is for requests.
      await tx.exec("SET LOCAL statement_timeout = 0");
      await tx.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK_KEY]);
      await tx.exec(HISTORY_TABLE);
      const history = await tx.query<{ name: string; checksum: string }>("SELECT name, checksum FROM _migration");
      const unknown = history.find((h) => !known.has(h.name));
      if (unknown) {
        throw new MigrationError(
          `The database has migration ${unknown.name}, which this version of the code does not know: it was migrated by a newer version.`,
        );
      }
      const previous = history.find((h) => h.name === migration.name);
      if (previous) {
        if (previous.checksum !== migration.checksum) {
          throw new MigrationError(
            `Migration ${migration.name} was edited after it was applied (checksum ${previous.checksum.slice(0, 12)}… in the database, ` +
              `${migration.checksum.slice(0, 12)}… on disk). Restore the file and put the change in a new migration.`,
          );
        }
        return false;
      }
      await tx.exec(migration.sql);
      await tx.query("INSERT INTO _migration (name, checksum) VALUES ($1, $2)", [migration.name, migration.checksum]);
      return true;
    });
    if (ran) applied.push(migration.name);
  }
  return applied;
}
