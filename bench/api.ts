// npm run bench:api [-- --scale 800 --seconds 10]
// Seeds a throwaway database (PostgreSQL when DATABASE_URL is set, else PGlite) at benchmark
// scale, starts the API on it, and measures at 1, 8 and 32 concurrent clients:
//   (a) indicators(groupBy: [PARTNER, YEAR]), (b) a nested page partners → fundings → enterprise → commune,
//   (c) the dashboard's indicators by year for one commune and legal family,
// both past the response cache (a request with credentials is never cached), (a) also as served
// from the cache, and the same aggregate as one hand-written SQL query through the driver: the floor.
// Prints numbers; it never passes or fails on them.
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { openDatabase, targetFromEnv } from "@oess/db";
import { scratchEnvironment } from "@oess/db/testing";
import { API_NODE_ARGS } from "../scripts/api-process";
import { type LoadResult, load, printTable, waitUntilHealthy } from "./load";
import { seedAtScale } from "./seed-scratch";

const { values } = parseArgs({ options: { scale: { type: "string", default: "800" }, seconds: { type: "string", default: "10" } } });
const seconds = Number(values.seconds);
const CLIENTS = [1, 8, 32];
const port = 4400 + Math.floor(Math.random() * 500);
const root = fileURLToPath(new URL("..", import.meta.url));
const engine = process.env.DATABASE_URL ? "PostgreSQL" : "PGlite";

const AGGREGATE = `{ indicators(groupBy: [PARTNER, YEAR]) { partnerId partnerName year fundingAmount fundingCount } }`;
// The dashboard's own shape: a year series for one commune and one legal family.
const DASHBOARD = `{ indicators(groupBy: [YEAR], where: { communeCodes: ["79191"], legalFamilies: [COOPERATIVE] }) { year jobsCreated fundingAmount enterprisesIncubated } }`;
const NESTED = `{ partners(first: 8) { edges { node { name fundingsGiven(first: 100) { edges { node { amount year
  beneficiaryEnterprise { name commune { name } } } } } } } } }`;
const FLOOR_SQL = `SELECT f.funder_id, p.short_name, f.year, sum(f.amount)::text AS amount, count(*)::int AS n
  FROM funding f JOIN partner p ON p.id = f.funder_id WHERE f.status = 'PUBLISHED' GROUP BY f.funder_id, p.short_name, f.year`;

const { env, cleanup } = await scratchEnvironment("oess_bench");
let api: ChildProcess | undefined;
try {
  console.log(`API benchmark on ${engine}, scale ${values.scale}, ${seconds} s per run`);
  seedAtScale(env, values.scale);

  // The floor, measured before the API opens the database (PGlite admits one process at a time).
  const floor: Array<{ label: string } & LoadResult> = [];
  const db = await openDatabase(targetFromEnv(env), { maxConnections: 32 });
  for (const clients of CLIENTS)
    floor.push({ label: "SQL floor (driver)", ...(await load(async () => void (await db.sql.query(FLOOR_SQL)), clients, seconds)) });
  await db.close();

  api = spawn(process.execPath, API_NODE_ARGS, {
    cwd: root,
    env: { ...env, API_PORT: String(port), DEMO_DATA: "off", NODE_ENV: "production" },
    stdio: "ignore",
  });
  const url = `http://127.0.0.1:${port}/graphql`;
  await waitUntilHealthy(`http://127.0.0.1:${port}/healthz`, api);

  /** A request of `query`; past the response cache unless `cached`; given up after `patienceMs`, if set. */
  const ask = (query: string, cached: boolean, patienceMs?: number) => async () => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(cached ? {} : { authorization: "bench" }) },
      body: JSON.stringify({ query }),
      signal: patienceMs === undefined ? undefined : AbortSignal.timeout(patienceMs),
    });
    const body = (await response.json()) as { errors?: unknown };
    if (!response.ok || body.errors) throw new Error(JSON.stringify(body.errors));
  };
  const rows: Array<{ label: string } & LoadResult> = [];
  for (const clients of CLIENTS) {
    rows.push({ label: "(a) indicators PARTNER×YEAR", ...(await load(ask(AGGREGATE, false), clients, seconds)) });
    rows.push({ label: "(a) same, response cache", ...(await load(ask(AGGREGATE, true), clients, seconds)) });
    rows.push({ label: "(c) indicators YEAR, commune × family", ...(await load(ask(DASHBOARD, false), clients, seconds)) });
    rows.push({ label: "(b) nested page 8×100", ...(await load(ask(NESTED, false), clients, seconds)) });
  }
  printTable(`Results on ${engine}`, [...floor, ...rows]);

  // Readers who give up: every request of the nested page abandoned after 50 ms, 32 at a time.
  // What the database still runs once they are gone is what they left behind.
  const gaveUp = await load(ask(NESTED, false, 50), 32, seconds);
  if (engine === "PostgreSQL") {
    const watcher = await openDatabase(targetFromEnv(env), { maxConnections: 1 });
    const busy = async () =>
      (
        await watcher.sql.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active'",
        )
      )[0]?.n ?? 0;
    const atEnd = await busy();
    const since = performance.now();
    while ((await busy()) > 0 && performance.now() - since < 30_000) await new Promise((r) => setTimeout(r, 10));
    console.log(
      `\nAbandoned after 50 ms, 32 clients for ${seconds} s: ${gaveUp.errors} requests given up; statements still running when they stopped: ${atEnd}, none ${Math.round(performance.now() - since)} ms later.`,
    );
    await watcher.close();
  }

  console.log("\np95 of (a) through the API ÷ p95 of the SQL floor (target ≤ 1.5 at 32 clients on PostgreSQL):");
  for (const clients of CLIENTS) {
    const a = rows.find((r) => r.label.startsWith("(a) indicators") && r.clients === clients);
    const f = floor.find((r) => r.clients === clients);
    if (a && f) console.log(`  ${String(clients).padStart(2)} clients: ${(a.p95 / f.p95).toFixed(2)}×`);
  }
} finally {
  api?.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 1500));
  await cleanup();
}
