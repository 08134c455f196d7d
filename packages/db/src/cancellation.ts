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
  // biome-ignore lint/suspicious/noExplicitAny: one implementation for pg's dozen overloads of query.
  override query(...args: any[]): any {
    const signal = scope.getStore();
    // Callback-style calls (pg's own internals) and calls outside a request go straight through.
    if (!signal || typeof args.at(-1) === "function") return Reflect.apply(pg.Pool.prototype.query, this, args);
    return this.queryUntil(signal, args);
  }

  private async queryUntil(signal: AbortSignal, args: unknown[]): Promise<unknown> {
    signal.throwIfAborted();
    const client = await this.connect();
    let cancelling: Promise<void> | undefined;
    const cancel = () => {
      cancelling = this.cancelBackend(client);
    };
    signal.addEventListener("abort", cancel, { once: true });
    try {
      return await Reflect.apply(client.query, client, args);
    } finally {
      signal.removeEventListener("abort", cancel);
      // The connection goes back only once the cancel has landed: it must not reach the next
      // statement sent on it. A cancel that lands after the statement ended finds the backend idle,
      // and an idle backend ignores it.
      await cancelling;
      client.release();
    }
  }

  /** pg_cancel_backend over a connection of its own: the pool's may all be held by the statements to cancel. */
  private async cancelBackend(client: pg.PoolClient): Promise<void> {
    const pid = "processID" in client ? client.processID : null;
    if (typeof pid !== "number") return;
    const canceller = new pg.Client(this.options);
    try {
      await canceller.connect();
      await canceller.query("SELECT pg_cancel_backend($1)", [pid]);
    } catch {
      // The statement then ends on its own, or at the statement time-out.
    } finally {
      await canceller.end().catch(() => undefined);
    }
  }
}
