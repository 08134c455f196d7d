// npm run bench:api [-- --scale 800 --seconds 10] [--existing]
// Seeds a throwaway database (PostgreSQL when DATABASE_URL is set, else PGlite) at benchmark
// scale, starts the API on it, and measures at 1, 8 and 32 concurrent clients:
//   (a) indicators(groupBy: [PARTNER, YEAR]), (b) a nested page partners → fundings → enterprise → commune,
//   (c) the dashboard's indicators by year for one commune and legal family,
//   (d) the first page of 100 fundings with funder, enterprise and commune names, (e) the same page
//   after a cursor half-way down the list,
// past the response cache (a request with credentials is never cached), (a) also as served from the
// cache. (a), (d) and (e) are also asked of the floor (floor-server.ts: one hand-written statement per
// request, the same JSON), and the API's throughput and p95 are printed as ratios of the floor's
// (on PostgreSQL, of the floor's run on the same page with as many clients, taken in turns with the API's).
// --existing measures the database of DATABASE_URL / DATA_DIR as it is, without seeding a throwaway one.
// Prints numbers; it never passes or fails on them.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual, parseArgs } from "node:util";
import { openDatabase, targetFromEnv } from "@oess/db";
import { scratchEnvironment } from "@oess/db/testing";
import { API_NODE_ARGS } from "../scripts/api-process";
import { type LoadResult, load, loadInTurns, printTable, waitUntilHealthy } from "./load";
import { seedAtScale } from "./seed-scratch";

const { values } = parseArgs({
  options: { scale: { type: "string", default: "800" }, seconds: { type: "string", default: "10" }, existing: { type: "boolean", default: false } },
});
const seconds = Number(values.seconds);
const CLIENTS = [1, 8, 32];
/** Turns of a list page's run against the floor's: a second or more each at the default 10 s. */
const TURNS = 5;
const port = 4400 + Math.floor(Math.random() * 500);
const root = fileURLToPath(new URL("..", import.meta.url));
const engine = process.env.DATABASE_URL ? "PostgreSQL" : "PGlite";

const AGGREGATE = `{ indicators(groupBy: [PARTNER, YEAR]) { partnerId partnerName year fundingAmount fundingCount } }`;
// The dashboard's own shape: a year series for one commune and one legal family.
const DASHBOARD = `{ indicators(groupBy: [YEAR], where: { communeCodes: ["79191"], legalFamilies: [COOPERATIVE] }) { year jobsCreated fundingAmount enterprisesIncubated } }`;
/** The first page of fundings, or the page after a cursor; floor-server.ts writes the same answer by hand. */
const FUNDINGS_PAGE = (after: string | null) =>
  `{ fundings(first: 100${after ? `, after: ${JSON.stringify(after)}` : ""}) { edges { cursor node { databaseId amount year
  funder { shortName } beneficiaryEnterprise { name commune { name } } } } pageInfo { hasNextPage endCursor } } }`;
// Grouped by NAF section, which no rollup keeps: the aggregate reads the records themselves.
const LONG_SCAN = `{ indicators(groupBy: [NAF_SECTION, YEAR]) { nafSection year fundingAmount jobsCreated } }`;
const NESTED = `{ partners(first: 8) { edges { node { name fundingsGiven(first: 100) { edges { node { amount year
  beneficiaryEnterprise { name commune { name } } } } } } } } }`;

/** CPU time a process has used, user and system, in ms (/proc counts in ticks of 10 ms). */
const cpuMs = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

const { env, cleanup } = values.existing ? { env: process.env, cleanup: async () => undefined } : await scratchEnvironment("oess_bench");
let api: ChildProcess | undefined;
let floorServer: ChildProcess | undefined;
try {
  if (values.existing) console.log(`API benchmark on ${engine}, its database as it is, ${seconds} s per run`);
  else {
    console.log(`API benchmark on ${engine}, scale ${values.scale}, ${seconds} s per run`);
    seedAtScale(env, values.scale);
  }

  // The floor, measured before the API opens the database (PGlite admits one process at a time).
  const db = await openDatabase(targetFromEnv(env), { maxConnections: 1 });
  const [{ id: middle } = { id: "" }] = await db.sql.query<{ id: string }>(
    "SELECT id FROM funding WHERE status = 'PUBLISHED' ORDER BY id OFFSET (SELECT least(500000, count(*) / 2) FROM funding WHERE status = 'PUBLISHED') LIMIT 1",
  );
  await db.close();
  const after = Buffer.from(`GPC:S:${middle}`).toString("base64");
  const floorUrl = `http://127.0.0.1:${port + 1}`;
  const floorProcess = spawn(process.execPath, ["--import", "tsx", "bench/floor-server.ts"], {
    cwd: root,
    env: { ...env, FLOOR_PORT: String(port + 1) },
    stdio: "inherit",
  });
  floorServer = floorProcess;
  await waitUntilHealthy(`${floorUrl}/healthz`, floorProcess);
  const get = (path: string) => async () => {
    const response = await fetch(floorUrl + path);
    if (!response.ok) throw new Error(await response.text());
    await response.arrayBuffer();
  };
  const floorAnswers = {
    first: await (await fetch(`${floorUrl}/fundings`)).json(),
    after: await (await fetch(`${floorUrl}/fundings?after=${encodeURIComponent(after)}`)).json(),
  };
  const floor: Array<{ label: string } & LoadResult> = [];
  const floorPage = {
    "(d)": { label: "floor: (d) first page", path: "/fundings" },
    "(e)": { label: "floor: (e) page after cursor", path: `/fundings?after=${encodeURIComponent(after)}` },
  };
  // On PostgreSQL the floor stays up, and the API's list pages are measured in turns with the
  // floor's (loadInTurns): the machine's speed drifts over minutes (a third on this shared machine),
  // and a ratio should compare runs made at the same time. PGlite admits one process: floor first.
  const inTurns = engine === "PostgreSQL";
  for (const clients of CLIENTS) {
    floor.push({ label: "floor: (a) aggregate", ...(await load(get("/indicators"), clients, seconds)) });
    if (!inTurns) for (const { label, path } of Object.values(floorPage)) floor.push({ label, ...(await load(get(path), clients, seconds)) });
  }
  const stopFloor = async () => {
    floorProcess.kill("SIGTERM");
    await new Promise((resolve) => floorProcess.once("exit", resolve));
  };
  if (!inTurns) await stopFloor();

  api = spawn(process.execPath, API_NODE_ARGS, {
    cwd: root,
    env: { ...env, API_PORT: String(port), DEMO_DATA: "off", NODE_ENV: "production" },
    stdio: "ignore",
  });
  const url = `http://127.0.0.1:${port}/graphql`;
  await waitUntilHealthy(`http://127.0.0.1:${port}/healthz`, api);
  // The API checks at start-up whether to take a dataset version (seconds of PostgreSQL at this
  // scale): measured alongside, it would slow the first runs and count among the statements left.
  const watcher = engine === "PostgreSQL" ? await openDatabase(targetFromEnv(env), { maxConnections: 1 }) : null;
  /** The statements the database runs for others than the watcher: how many, and how long the oldest has run (ms). */
  const activity = async () =>
    (
      await watcher?.sql.query<{ n: number; oldest: number }>(
        `SELECT count(*)::int AS n, coalesce(extract(epoch FROM max(now() - query_start)) * 1000, 0)::int AS oldest
           FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active'`,
      )
    )?.[0] ?? { n: 0, oldest: 0 };
  for (let quietSince = performance.now(); performance.now() - quietSince < 2_000; await new Promise((r) => setTimeout(r, 100))) {
    if ((await activity()).n > 0) quietSince = performance.now();
  }

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
  // A floor that answered something else would measure nothing: both pages must be the API's own.
  for (const [name, query] of [
    ["first", FUNDINGS_PAGE(null)],
    ["after", FUNDINGS_PAGE(after)],
  ] as const) {
    const answer = await (await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) })).json();
    if (!isDeepStrictEqual(answer, floorAnswers[name])) throw new Error(`the floor's ${name} page differs from the API's`);
  }
  const rows: Array<{ label: string } & LoadResult> = [];
  /** The API's list page, in turns with the floor's where the floor is still up. */
  const listPage = async (key: keyof typeof floorPage, label: string, query: string, clients: number) => {
    if (inTurns) {
      const [f, a] = await loadInTurns(get(floorPage[key].path), ask(query, false), clients, seconds, TURNS);
      floor.push({ label: floorPage[key].label, ...f });
      rows.push({ label, ...a });
    } else rows.push({ label, ...(await load(ask(query, false), clients, seconds)) });
  };
  for (const clients of CLIENTS) {
    await listPage("(d)", "(d) fundings, first page of 100", FUNDINGS_PAGE(null), clients);
    await listPage("(e)", "(e) fundings, page after cursor", FUNDINGS_PAGE(after), clients);
    rows.push({ label: "(a) indicators PARTNER×YEAR", ...(await load(ask(AGGREGATE, false), clients, seconds)) });
    rows.push({ label: "(a) same, response cache", ...(await load(ask(AGGREGATE, true), clients, seconds)) });
    rows.push({ label: "(c) indicators YEAR, commune × family", ...(await load(ask(DASHBOARD, false), clients, seconds)) });
    rows.push({ label: "(b) nested page 8×100", ...(await load(ask(NESTED, false), clients, seconds)) });
  }
  if (inTurns) await stopFloor();
  printTable(`Results on ${engine}`, [...floor, ...rows]);

  // Readers who give up, 32 at a time, each request abandoned after 50 ms. What they leave behind:
  // the statements the database still runs in the next 3 s (how many at most, and the oldest: a
  // statement cancelled with its request lives about as long as the request did, one left running
  // as long as the whole query takes), the API's own CPU then (requests it works on for no one),
  // and how long one reader who waits then gets the answer in.
  // The nested page's statements last tens of ms; the aggregate over the records, about a second.
  for (const [label, query] of [
    ["the nested page", NESTED],
    ["the aggregate over the records", LONG_SCAN],
  ] as const) {
    const gaveUp = await load(ask(query, false, 50), 32, seconds);
    if (!watcher) continue;
    let most = 0;
    let oldest = 0;
    const cpuBefore = cpuMs(api.pid as number);
    for (const since = performance.now(); performance.now() - since < 3_000; await new Promise((r) => setTimeout(r, 100))) {
      const now = await activity();
      most = Math.max(most, now.n);
      oldest = Math.max(oldest, now.oldest);
    }
    const leftover = cpuMs(api.pid as number) - cpuBefore;
    const waited = performance.now();
    await ask(query, false)();
    console.log(
      `\nAbandoned after 50 ms, 32 clients for ${seconds} s, ${label}: ${gaveUp.errors} requests given up. In the 3 s after: at most ${most} statements running, the oldest for ${oldest} ms; the API's CPU ${leftover} ms. Then one request: ${Math.round(performance.now() - waited)} ms.`,
    );
  }
  await watcher?.close();

  console.log("\nThe API against the floor: throughput ratio (goal ≥ 0.3× for (d) and (e)) and p95 ratio (goal ≤ 3×)");
  console.log("| query | clients | API req/s | floor req/s | throughput | API p95 ms | floor p95 ms | p95 |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const key of ["(a)", "(d)", "(e)"])
    for (const clients of CLIENTS) {
      const a = rows.find((r) => r.label.startsWith(key) && r.clients === clients);
      const f = floor.find((r) => r.label.startsWith(`floor: ${key}`) && r.clients === clients);
      if (a && f)
        console.log(
          `| ${a.label} | ${clients} | ${a.perSecond.toFixed(0)} | ${f.perSecond.toFixed(0)} | ${(a.perSecond / f.perSecond).toFixed(2)}× | ${a.p95.toFixed(1)} | ${f.p95.toFixed(1)} | ${(a.p95 / f.p95).toFixed(1)}× |`,
        );
    }
} finally {
  api?.kill("SIGTERM");
  if (floorServer?.exitCode === null) floorServer.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 1500));
  await cleanup();
}
