// A minimal SQL interface over PGlite and node-postgres, for what Prisma does not do well:
// multi-statement migration scripts and bulk inserts with array parameters.
import type { PGlite, Transaction } from "@electric-sql/pglite";
import type pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import type { DatabaseKind } from "./config";

export interface SqlExecutor {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs a script of several statements (no parameters). */
  exec(sql: string): Promise<void>;
}

export interface SqlDriver extends SqlExecutor {
  readonly kind: DatabaseKind;
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /**
   * Streams `COPY (query) TO STDOUT …` as it comes from the server, where the driver can
   * (PostgreSQL; PGlite cannot stream COPY). The query takes no parameters.
   */
  copyOut?(copy: string): AsyncIterable<Uint8Array>;
}

function pgliteExecutor(db: PGlite | Transaction): SqlExecutor {
  return {
    async query<Row>(sql: string, params?: unknown[]) {
      return (await db.query<Row>(sql, params)).rows;
    },
    async exec(sql: string) {
      await db.exec(sql);
    },
  };
}

export function pgliteDriver(db: PGlite): SqlDriver {
  return {
    kind: "pglite",
    ...pgliteExecutor(db),
    transaction: (work) => db.transaction((tx) => work(pgliteExecutor(tx))),
  };
}

function pgExecutor(db: pg.Pool | pg.PoolClient): SqlExecutor {
  return {
    async query<Row>(sql: string, params?: unknown[]) {
      return (await db.query(sql, params)).rows as Row[];
    },
    async exec(sql: string) {
      await db.query(sql); // the simple query protocol accepts several statements
    },
  };
}

export function pgDriver(pool: pg.Pool): SqlDriver {
  return {
    kind: "postgresql",
    ...pgExecutor(pool),
    async *copyOut(copy) {
      const client = await pool.connect();
      let completed = false;
      try {
        yield* client.query(copyTo(copy));
        completed = true;
      } finally {
        // A copy that failed or was abandoned (the reader went away) leaves the connection
        // mid-protocol: destroy it rather than return it to the pool.
        client.release(completed ? undefined : true);
      }
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await work(pgExecutor(client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
}
