// Clients that hang up: a download abandoned half-way must stop its query and give its database
// connection back, or a handful of them freeze the API (found by probing it on PostgreSQL).
import http from "node:http";
import { type Database, openDatabase } from "@oess/db";
import { createTestDatabase, type TestDatabase } from "@oess/db/testing";
import { loadTerritory } from "@oess/domain";
import { createRelease } from "@oess/opendata";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "./app";
import { serveOnLoopback } from "./test-client";

let db: TestDatabase;
let server: Awaited<ReturnType<typeof serveOnLoopback>>;
let base: string;
beforeAll(async () => {
  // Files of tens of MB (fundings: 21 MB of CSV, 41 MB of JSON): more than the socket buffers
  // between PostgreSQL, the API and the client take in, so that a client that stops reading
  // leaves the export mid-way. At 10 MB the CSV was sometimes written out whole at once.
  db = await createTestDatabase({ seed: true, scale: 60, maxConnections: 4 });
  server = await serveOnLoopback(createApp({ db, territory: loadTerritory(), urls: { openDataPage: "http://dashboard.test/donnees-ouvertes" } }));
  base = server.url;
});
afterAll(async () => {
  await server.close();
  await db.dispose();
});

/**
 * Starts a download and hangs up: `afterMs` after sending the request (often before the answer
 * has begun), or, with null, after its first bytes, once the server is blocked on a full socket.
 */
function hangUp(path: string, afterMs: number | null): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${base}${path}`, (response) => {
      if (response.statusCode !== 200) reject(new Error(`${path}: HTTP ${response.statusCode}`));
      response.once("data", () => {
        response.pause();
        setTimeout(() => request.destroy(), 50);
      });
    });
    request.on("error", () => undefined);
    request.on("close", () => resolve());
    if (afterMs !== null) setTimeout(() => request.destroy(), afterMs);
  });
}

const busyBackends = async () =>
  (
    await db.sql.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'",
    )
  )[0]?.n ?? 0;

describe("clients that hang up mid-download", () => {
  it("50 abandoned CSV, JSON and XLSX downloads leave the API answering and no query running", async () => {
    const paths = ["/opendata/fundings.csv", "/opendata/fundings.json", "/opendata/fundings.xlsx", "/opendata/scdl/subventions.csv", "/opendata/jobs.csv"];
    const moments = [0, 2, 5, 10, 20, 40, 80, 160, null, null];
    for (const afterMs of moments) await Promise.all(paths.map((path) => hangUp(path, afterMs)));

    const health = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(5_000) });
    expect(health.status).toBe(200);
    const query = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ fundings(first: 1) { totalCount } }" }),
      signal: AbortSignal.timeout(5_000),
    });
    expect(((await query.json()) as { data: { fundings: { totalCount: number } } }).data.fundings.totalCount).toBeGreaterThan(10_000);
    // A full download still works: nothing was left half-open.
    const csv = await fetch(`${base}/opendata/fundings.csv`, { signal: AbortSignal.timeout(30_000) });
    expect((await csv.text()).split("\n").length).toBeGreaterThan(10_000);

    if (db.kind === "postgresql") {
      // The server notices a dropped connection within moments; give it that, no more.
      for (let i = 0; i < 50 && (await busyBackends()) > 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await busyBackends()).toBe(0);
    }
  });
});

// A reader who gives up a GraphQL query: what the query has not yet asked of the database, it
// never asks. Locks make the timing certain: the first level of the query (a dataset version)
// waits on `release`; the client hangs up; that lock is released; the second level (the version's
// rows) would then wait on `release_row`, whose lock is still held, where pg_locks would show it.
describe.runIf(Boolean(process.env.DATABASE_URL))("clients that hang up mid-query", () => {
  it("stop the query's next levels: no statement waits on the rows they would read", async () => {
    await createRelease(db.sql, { epciSiren: loadTerritory().epciSiren, isDemo: true });
    const waiting = async (table: string) =>
      (await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_locks WHERE relation = '${table}'::regclass AND NOT granted`))[0]?.n ?? 0;
    const gate = () => {
      let resolve = () => {};
      const promise = new Promise<void>((r) => {
        resolve = r;
      });
      return { promise, resolve };
    };
    const releaseLock = gate();
    const rowsLock = gate();
    const held = (table: string, until: Promise<void>) =>
      db.sql.transaction(async (tx) => {
        await tx.query(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
        await until;
      });
    const releaseHeld = held("release", releaseLock.promise);
    const rowsHeld = held("release_row", rowsLock.promise);
    try {
      const client = new AbortController();
      const answer = fetch(`${base}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ asOf(version: 1) { fundings(first: 5) { edges { cursor } } } }" }),
        signal: client.signal,
      }).catch(() => "abandoned");
      for (let i = 0; i < 100 && (await waiting("release")) === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(await waiting("release")).toBe(1);
      client.abort();
      expect(await answer).toBe("abandoned");
      await new Promise((r) => setTimeout(r, 100));
      releaseLock.resolve();
      await releaseHeld;
      await new Promise((r) => setTimeout(r, 500));
      expect(await waiting("release_row")).toBe(0);
    } finally {
      releaseLock.resolve();
      rowsLock.resolve();
      await Promise.allSettled([releaseHeld, rowsHeld]);
    }
  });

  // A statement that waits (here on a lock another session holds, as behind a long write) runs on
  // for a client that has gone, unless the request cancels it.
  const waitingOnLock = async () =>
    (
      await db.sql.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'",
      )
    )[0]?.n ?? 0;
  const until = async (condition: () => Promise<boolean>) => {
    for (let i = 0; i < 100 && !(await condition()); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    return condition();
  };

  it.each([
    ["a list (Prisma)", "funding", "{ fundings(first: 100, where: { year: { gte: 2000 } }) { totalCount edges { node { amount } } } }"],
    ["an aggregate (SQL driver)", "indicator_rollup_partner", "{ indicators(groupBy: [PARTNER, YEAR]) { partnerId year fundingAmount } }"],
  ])("cancels %s on the server as soon as the client is gone", async (_kind, table, query) => {
    await db.sql.transaction(async (tx) => {
      await tx.query(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
      const controller = new AbortController();
      const request = fetch(`${base}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: "not cached" },
        body: JSON.stringify({ query }),
        signal: controller.signal,
      }).catch(() => "hung up");
      expect(await until(async () => (await waitingOnLock()) > 0)).toBe(true);
      controller.abort();
      expect(await request).toBe("hung up");
      // The lock is still held: only a cancel ends the statement that waits for it.
      expect(await until(async () => (await waitingOnLock()) === 0)).toBe(true);
    });
  });
});

// Long downloads, failed ones and stalled clients, on a server with a short statement time-out
// (PostgreSQL's; PGlite has none) and a short stall limit.
describe("downloads that outlast the statement time-out, fail mid-way or stall", () => {
  const STATEMENT_TIMEOUT_MS = 200;
  let slowDb: Database;
  let slowServer: Awaited<ReturnType<typeof serveOnLoopback>>;
  let slowBase: string;
  beforeAll(async () => {
    slowDb = db.url ? await openDatabase({ kind: "postgresql", url: db.url }, { maxConnections: 2, statementTimeoutMs: STATEMENT_TIMEOUT_MS }) : db;
    const app = createApp({ db: slowDb, territory: loadTerritory(), urls: { openDataPage: "http://dashboard.test/donnees-ouvertes" }, downloadStallMs: 1_000 });
    slowServer = await serveOnLoopback(app);
    slowBase = slowServer.url;
  });
  afterAll(async () => {
    await slowServer.close();
    if (slowDb !== db) await slowDb.close();
  });

  /**
   * Reads a download as a client would, stopping after its first bytes until `paused` is done
   * (for ever if it never is): whether it arrived whole, was cut, or left the client waiting.
   */
  function download(path: string, paused: () => Promise<unknown>): Promise<{ ended: "whole" | "cut" | "still waiting"; body: Buffer }> {
    return new Promise((resolve) => {
      const parts: Buffer[] = [];
      const done = (ended: "whole" | "cut" | "still waiting") => {
        clearTimeout(patience);
        resolve({ ended, body: Buffer.concat(parts) });
      };
      const patience = setTimeout(() => {
        done("still waiting");
        request.destroy();
      }, 20_000);
      const request = http.get(`${slowBase}${path}`, (response) => {
        response.on("data", (part: Buffer) => parts.push(part));
        response.once("data", () => {
          response.pause();
          void paused().then(() => response.resume());
        });
        response.on("end", () => done("whole"));
        response.on("aborted", () => done("cut"));
        response.on("error", () => done("cut"));
      });
      request.on("error", () => done("cut"));
    });
  }
  const copying = async () =>
    (
      await db.sql.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND query LIKE 'COPY%'")
    ).map((row) => row.pid);
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it.each(["/opendata/fundings.csv", "/opendata/fundings.json"])("%s, read slowly for longer than the statement time-out, arrives whole", async (path) => {
    const whole = Buffer.from(await (await fetch(`${base}${path}`)).arrayBuffer());
    const slow = await download(path, async () => {
      await pause(3 * STATEMENT_TIMEOUT_MS);
      // The export is still being read from the database: it has outlasted the time-out.
      if (db.kind === "postgresql") expect(await copying()).toHaveLength(1);
    });
    expect(slow.ended).toBe("whole");
    expect(slow.body.equals(whole)).toBe(true);
  });

  it("a download whose reading fails mid-way is cut, not left open", async () => {
    const failed = await download("/opendata/fundings.json", async () => {
      if (db.kind === "postgresql") {
        const [pid] = await copying();
        await db.sql.query("SELECT pg_terminate_backend($1)", [pid]);
      } else {
        // PGlite reads in batches: the next one finds no table.
        await db.sql.exec("ALTER TABLE funding RENAME TO funding_away");
      }
    }).finally(() => db.kind === "pglite" && db.sql.exec("ALTER TABLE funding_away RENAME TO funding"));
    expect(failed.ended).toBe("cut");
  });

  it("a client that stops reading for longer than the stall limit is cut, and its query stops", async () => {
    const stalled = await download("/opendata/fundings.json", async () => {
      await pause(2_500);
      // Still not reading: whatever stopped the export, the server did.
      if (db.kind === "postgresql") {
        for (let i = 0; i < 50 && (await busyBackends()) > 0; i++) await pause(100);
        expect(await busyBackends()).toBe(0);
      }
    });
    expect(stalled.ended).toBe("cut");
    const health = await fetch(`${slowBase}/healthz`, { signal: AbortSignal.timeout(5_000) });
    expect(health.status).toBe(200);
  });
});
