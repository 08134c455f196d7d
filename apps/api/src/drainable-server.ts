// An HTTP server that stops cleanly: `drain` stops accepting, lets requests in flight finish for a
// bounded time, then cuts the rest. Node's own close() leaves a keep-alive connection that was busy
// at that moment open, and keeps answering on it until the grace period ends: a client (or a load
// balancer) would go on sending there. Here a draining server keeps no connection alive.
import { createServer, type RequestListener, type Server } from "node:http";

export interface DrainableServer {
  server: Server;
  /** Resolves once every connection is closed: after the requests in flight, or after `graceMs`. */
  drain(graceMs: number, log: (message: string) => void): Promise<void>;
}

export function drainableServer(listener: RequestListener): DrainableServer {
  let draining = false;
  const server = createServer((req, res) => {
    // A request that arrives while draining is answered, with `Connection: close`.
    if (draining) res.shouldKeepAlive = false;
    // A response that was under way when draining began closes its connection once sent
    // (setImmediate: Node marks the connection idle just after the response's close).
    res.once("close", () => {
      if (draining) setImmediate(() => server.closeIdleConnections());
    });
    listener(req, res);
  });
  const drain = async (graceMs: number, log: (message: string) => void) => {
    draining = true;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const grace = new Promise<"late">((resolve) => setTimeout(() => resolve("late"), graceMs).unref());
    if ((await Promise.race([closed, grace])) === "late") {
      log(`Requests still running after ${graceMs} ms: closing them.`);
      // Each cut connection aborts its request's signal: exports stop and give their connection back.
      server.closeAllConnections();
      await closed;
    }
  };
  return { server, drain };
}
