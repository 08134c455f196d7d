// PostgreSQL going away or holding a query too long: the API answers 503 with Retry-After and a
// clear message, and recovers by itself. PostgreSQL only: the embedded database lives in the
// process, it cannot go away, and it has no statement time-out.
import net from "node:net";
import { openDatabase } from "@oess/db";
import { createTestDatabase, type TestDatabase } from "@oess/db/testing";
import { loadTerritory } from "@oess/domain";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "./app";

const onPostgres = Boolean(process.env.DATABASE_URL);

/** A TCP relay to PostgreSQL that the test can cut (every connection dropped, new ones refused) and restore. */
async function relay(target: URL) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  const port = await new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
  const open = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(Number(target.port || 5432), target.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on("close", () => sockets.delete(s));
          s.on("error", () => s.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, "127.0.0.1", resolve);
    });
  const cut = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      if (server) server.close(() => resolve());
      else resolve();
      server = null;
    });
  await open();
  const url = new URL(target);
  url.host = `127.0.0.1:${port}`;
  return { url: url.toString(), cut, open };
}

describe.runIf(onPostgres)("PostgreSQL away or slow", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ seed: true });
  });
  afterAll(() => db.dispose());

  const query = (app: ReturnType<typeof createApp>) =>
    app.fetch("http://localhost/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
      body: JSON.stringify({ query: "{ fundings(first: 1) { totalCount } }" }),
    });

  it("answers 503 with Retry-After while the database is unreachable, then recovers by itself", async () => {
    const link = await relay(new URL(db.url as string));
    const viaRelay = await openDatabase({ kind: "postgresql", url: link.url }, { maxConnections: 2 });
    const app = createApp({ db: viaRelay, territory: loadTerritory(), urls: { openDataPage: "http://dashboard.test/donnees-ouvertes" } });
    try {
      expect((await query(app)).status).toBe(200);
      await link.cut();
      const down = await query(app);
      expect(down.status).toBe(503);
      expect(down.headers.get("retry-after")).toBe("5");
      const body = (await down.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
      expect(body.errors[0]?.extensions.code).toBe("SERVICE_UNAVAILABLE");
      expect(body.errors[0]?.message).toMatch(/database is not reachable/);
      const csv = await app.fetch("http://localhost/opendata/fundings.csv");
      expect(csv.status).toBe(503);
      expect(csv.headers.get("retry-after")).toBe("5");
      const health = await app.fetch("http://localhost/healthz");
      expect([health.status, health.headers.get("retry-after")]).toEqual([503, "5"]);

      await link.open();
      expect((await query(app)).status).toBe(200);
      expect((await app.fetch("http://localhost/opendata/partners.csv")).status).toBe(200);
    } finally {
      await viaRelay.close();
      await link.cut();
    }
  });

  it("stops a query that outlasts statement_timeout and says so", async () => {
    const slow = await openDatabase({ kind: "postgresql", url: db.url as string }, { maxConnections: 2, statementTimeoutMs: 300 });
    const app = createApp({ db: slow, territory: loadTerritory(), urls: { openDataPage: "http://dashboard.test/donnees-ouvertes" } });
    // Another session holds the table: the API's read waits for it, until its time-out.
    const holder = new pg.Client({ connectionString: db.url as string });
    await holder.connect();
    try {
      await holder.query("BEGIN; LOCK TABLE funding IN ACCESS EXCLUSIVE MODE");
      const response = await query(app);
      expect(response.status).toBe(503);
      const body = (await response.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
      expect(body.errors[0]?.extensions.code).toBe("TIMEOUT");
      expect(body.errors[0]?.message).toMatch(/took longer than the server allows/);
      // A download waits no longer for the lock, and says so before sending any byte.
      const csv = await app.fetch("http://localhost/opendata/fundings.csv");
      expect([csv.status, csv.headers.get("retry-after")]).toEqual([503, "5"]);
      expect(((await csv.json()) as { error: string }).error).toMatch(/took longer than the server allows/);
      await holder.query("ROLLBACK");
      expect((await query(app)).status).toBe(200);
    } finally {
      await holder.end();
      await slow.close();
    }
  });
});
