// Statements that stop when their request does. A request's work runs inside `cancelledWith(signal)`;
// on PostgreSQL, each statement the pool sends in that scope is cancelled on the server
// (pg_cancel_backend) when the signal aborts, instead of running on for a client that is gone.
import { AsyncLocalStorage } from "node:async_hooks";
import pg from "pg";

const scope = new AsyncLocalStorage<AbortSignal>();

/**
 * Runs `work` so that the SQL it sends is cancelled when `signal` aborts. Only for work that is the
 * request's alone: Prisma batches the findUnique calls of one tick across requests, and a shared
 * cache's computation serves others (`uncancellable`).
 */
export function cancelledWith<T>(signal: AbortSignal | undefined, work: () => T): T {
  return signal ? scope.run(signal, work) : work();
}

/** Runs `work` outside any request's scope: its statements run to their end whoever leaves. */
export function uncancellable<T>(work: () => T): T {
  return scope.exit(work);
}

/** A pg pool whose promise-style queries, sent in a `cancelledWith` scope, are cancelled on abort. */
export class CancellablePool extends pg.Pool {
  private readonly canceller = new Canceller(() => new pg.Client(this.options));

  // biome-ignore lint/suspicious/noExplicitAny: one implementation for pg's dozen overloads of query.
  override query(...args: any[]): any {
    const signal = scope.getStore();
    // Callback-style calls (pg's own internals) and calls outside a request go straight through.
    if (!signal || typeof args.at(-1) === "function") return Reflect.apply(pg.Pool.prototype.query, this, args);
    return this.queryUntil(signal, args);
  }

  override async end(): Promise<void> {
    await this.canceller.close();
    await super.end();
  }

  private async queryUntil(signal: AbortSignal, args: unknown[]): Promise<unknown> {
    signal.throwIfAborted();
    const client = await this.connect();
    // Gone while it waited for a connection (a busy pool): nothing to send.
    if (signal.aborted) {
      client.release();
      signal.throwIfAborted();
    }
    const pid = "processID" in client && typeof client.processID === "number" ? client.processID : null;
    let ticket: Ticket | undefined;
    const cancel = () => {
      if (pid !== null) ticket = this.canceller.request(pid);
    };
    signal.addEventListener("abort", cancel, { once: true });
    try {
      return await Reflect.apply(client.query, client, args);
    } finally {
      signal.removeEventListener("abort", cancel);
      // The connection goes back only once its cancel is withdrawn (not sent yet) or has landed: it
      // must not reach the next statement sent on it. A cancel that lands after the statement ended
      // finds the backend idle, and an idle backend ignores it.
      if (ticket) await this.canceller.settle(ticket);
      client.release();
    }
  }
}

interface Ticket {
  pid: number;
  /** The cancel on its way, if one is. */
  flight: Promise<void> | null;
}

/** A cancel that reaches the backend before it has read the statement is ignored: asked again this often. */
const RETRY_MS = 100;

/**
 * Sends the cancels over a connection of its own, outside the pool: the pool's connections may all
 * be held by the statements to cancel, and a connection per cancel would fork a backend each. The
 * cancels asked while one is on its way leave together, in one statement; each is sent again until
 * its statement has ended.
 */
class Canceller {
  /** Asked, and their statement still running. */
  private readonly live = new Set<Ticket>();
  private readonly queued = new Set<Ticket>();
  private connection: Promise<pg.Client> | null = null;
  private sending = false;

  constructor(private readonly connect: () => pg.Client) {}

  request(pid: number): Ticket {
    const ticket: Ticket = { pid, flight: null };
    this.live.add(ticket);
    this.enqueue(ticket);
    return ticket;
  }

  /** Once the statement has ended: no cancel is sent for it any more, and the one on its way has landed. */
  async settle(ticket: Ticket): Promise<void> {
    this.live.delete(ticket);
    this.queued.delete(ticket);
    await ticket.flight;
  }

  async close(): Promise<void> {
    const connection = this.connection;
    this.connection = null;
    await (await connection?.catch(() => null))?.end().catch(() => undefined);
  }

  private enqueue(ticket: Ticket): void {
    if (!this.live.has(ticket)) return;
    this.queued.add(ticket);
    if (!this.sending) void this.send();
  }

  private async send(): Promise<void> {
    this.sending = true;
    while (this.queued.size > 0) {
      const batch = [...this.queued];
      this.queued.clear();
      const flight = this.cancel(batch.map((t) => t.pid));
      for (const ticket of batch) ticket.flight = flight;
      await flight;
      for (const ticket of batch) {
        ticket.flight = null;
        if (this.live.has(ticket)) setTimeout(() => this.enqueue(ticket), RETRY_MS).unref();
      }
    }
    this.sending = false;
  }

  private async cancel(pids: number[]): Promise<void> {
    try {
      this.connection ??= this.open();
      await (await this.connection).query("SELECT pg_cancel_backend(pid) FROM unnest($1::int[]) AS pid", [pids]);
    } catch {
      // Asked again while the statements run; the next try reconnects, on a connection of its own.
      await this.close();
    }
  }

  private async open(): Promise<pg.Client> {
    const connection = this.connect();
    connection.on("error", () => {
      this.connection = null;
    });
    await connection.connect();
    return connection;
  }
}
