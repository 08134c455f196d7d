// A minimal SQL interface over PGlite and node-postgres, for what Prisma does not do well:
// multi-statement migration scripts, bulk loads and streamed exports.
import { finished } from "node:stream/promises";
import type { PGlite, Transaction } from "@electric-sql/pglite";
import type pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import type { DatabaseKind } from "./config";

export interface SqlExecutor {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs a script of several statements (no parameters). */
  exec(sql: string): Promise<void>;
}

export interface SqlTransaction extends SqlExecutor {
  /**
   * Loads rows given in COPY's text format into `target` (`table (columns)`): PostgreSQL's fastest
   * way in, which writes rows by the page where an INSERT writes them one by one.
   */
  copyIn(target: string, text: string): Promise<void>;
}

export interface SqlDriver extends SqlExecutor {
  readonly kind: DatabaseKind;
  transaction<T>(work: (tx: SqlTransaction) => Promise<T>): Promise<T>;
  /**
   * Streams `COPY (query) TO STDOUT …` as it comes from the server, where the driver can
   * (PostgreSQL; PGlite cannot stream COPY). The query takes no parameters. When `signal`
   * aborts (the HTTP client went away), the copy stops at once and its connection is dropped.
   */
  copyOut?(copy: string, signal?: AbortSignal): AsyncIterable<Uint8Array>;
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
    transaction: (work) =>
      db.transaction((tx) =>
        work({
          ...pgliteExecutor(tx),
          async copyIn(target, text) {
            // PGlite reads a COPY's input from the blob given with the query.
            await tx.query(`COPY ${target} FROM '/dev/blob'`, [], { blob: new Blob([text]) });
          },
        }),
      ),
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
    async *copyOut(copy, signal) {
      signal?.throwIfAborted();
      const client = await pool.connect();
      let completed = false;
      try {
        // A download lasts as long as its client takes to read it: the statement time-out, meant
        // for runaway queries, would cut every long one. Waiting on a lock keeps that limit; the
        // HTTP layer cuts a client that stalls.
        await client.query("SELECT set_config('lock_timeout', current_setting('statement_timeout'), false), set_config('statement_timeout', '0', false)");
        signal?.throwIfAborted();
        const stream = client.query(copyTo(copy));
        // The generator may be parked at a yield no one will resume: the abort must reach the
        // stream itself, whose end then runs the `finally` below.
        const abort = () => stream.destroy(new Error("export abandoned: the client went away"));
        signal?.addEventListener("abort", abort, { once: true });
        try {
          yield* stream;
        } finally {
          signal?.removeEventListener("abort", abort);
        }
        await client.query("RESET statement_timeout; RESET lock_timeout");
        completed = true;
      } finally {
        // A copy that failed or was abandoned leaves the connection mid-protocol: destroy it
        // (the server ends the COPY when the socket closes) rather than return it to the pool.
        client.release(completed ? undefined : true);
      }
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await work({
          ...pgExecutor(client),
          async copyIn(target, text) {
            const stream = client.query(copyFrom(`COPY ${target} FROM STDIN`));
            stream.end(text);
            await finished(stream);
          },
        });
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
