/** The database could not be opened; the message says why and what to do. */
export class DatabaseOpenError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "DatabaseOpenError";
  }
}

/** The migration history on disk and in the database disagree. */
export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MigrationError";
  }
}

/**
 * What went wrong in the database, in the terms a caller answers with: bad input the database
 * refused (an id that is not a UUID, text it cannot store), a statement cut by its time-out, or a
 * database that cannot be reached (retry later). Null for anything else: a bug, not the caller's.
 */
/** Seconds a client should wait before trying again when the database is away or overloaded. */
export const RETRY_AFTER_SECONDS = 5;

export type DatabaseProblem = "invalid-value" | "invalid-text" | "timeout" | "unavailable";

const BY_SQLSTATE: Record<string, DatabaseProblem> = {
  "22P02": "invalid-value", // invalid text representation (a UUID, an integer)
  "22021": "invalid-text", // invalid byte sequence (NUL)
  "57014": "timeout", // query_canceled: statement_timeout
  "55P03": "timeout", // lock_not_available: lock_timeout (downloads wait on locks no longer than a statement)
  "57P01": "unavailable", // admin_shutdown
  "57P02": "unavailable", // crash_shutdown
  "57P03": "unavailable", // cannot_connect_now (starting up, recovering)
  "53300": "unavailable", // too_many_connections
};
const UNREACHABLE =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|EPIPE|Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|DatabaseNotReachable|ConnectionClosed|SocketTimeout/;

export function databaseProblem(error: unknown): DatabaseProblem | null {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const item = queue.shift();
    if (item === null || typeof item !== "object" || seen.has(item)) continue;
    seen.add(item);
    const record = item as {
      code?: unknown;
      originalCode?: unknown;
      kind?: unknown;
      message?: unknown;
      cause?: unknown;
      meta?: { driverAdapterError?: unknown };
    };
    for (const code of [record.originalCode, record.code]) {
      if (typeof code === "string" && BY_SQLSTATE[code]) return BY_SQLSTATE[code];
      // Class 08: connection exceptions. Prisma: P1001 unreachable, P1017 closed, P2024 pool time-out.
      if (typeof code === "string" && (/^08[0-9A-Z]{3}$/.test(code) || ["P1001", "P1002", "P1017", "P2024"].includes(code))) return "unavailable";
    }
    if (UNREACHABLE.test(`${String(record.kind ?? "")} ${String(record.code ?? "")} ${String(record.message ?? "")}`)) return "unavailable";
    queue.push(record.cause, record.meta?.driverAdapterError);
  }
  return null;
}
