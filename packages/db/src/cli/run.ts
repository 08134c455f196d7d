// Shared frame of the db CLIs: open the configured database, run, close, and turn the errors
// people can fix into one readable line instead of a stack trace.
import { describeTarget, targetFromEnv } from "../config";
import { DatabaseOpenError, MigrationError } from "../errors";
import { type Database, openDatabase } from "../open";
import { SeedError } from "../seed";

/** `readable`: further errors whose message alone says what to fix (a CLI's own). */
export async function runWithDatabase(
  work: (db: Database) => Promise<void>,
  readable: ReadonlyArray<abstract new (...args: never[]) => Error> = [],
): Promise<void> {
  let db: Database | undefined;
  try {
    const target = targetFromEnv();
    console.log(`Database: ${describeTarget(target)}`);
    db = await openDatabase(target);
    await work(db);
  } catch (error) {
    const known = [DatabaseOpenError, MigrationError, SeedError, ...readable].some((kind) => error instanceof kind);
    console.error(known ? `Error: ${(error as Error).message}` : error);
    process.exitCode = 1;
  } finally {
    await db?.close();
  }
}
