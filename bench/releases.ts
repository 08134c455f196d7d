// npm run bench:releases [-- --scale 100 --releases 50]
// What dataset versions cost: seeds a throwaway database (PostgreSQL when DATABASE_URL is set,
// else PGlite) at `--scale`, then takes `--releases` versions, each after a round of publication
// work (a few records corrected, withdrawn and published). Prints the time of each release and the
// storage of the versions against one full copy of the published data. Never passes or fails.
import { parseArgs } from "node:util";
import { computeIndicators, INDICATOR_MEASURES, openDatabase, type SqlExecutor, targetFromEnv } from "@oess/db";
import { scratchEnvironment } from "@oess/db/testing";
import { DEFAULT_EPCI_SIREN } from "@oess/domain";
import { createRelease, DATASETS, type Dataset, type Release, releasedIndicators, releasedPage } from "@oess/opendata";
import { seedAtScale } from "./seed-scratch";

const { values } = parseArgs({ options: { scale: { type: "string", default: "100" }, releases: { type: "string", default: "50" } } });
const releases = Number(values.releases);
const engine = process.env.DATABASE_URL ? "PostgreSQL" : "PGlite";
/** Records changed between two releases, per kind of change. */
const PER_ROUND = { corrected: 40, withdrawn: 5, published: 20 };

const { env, cleanup } = await scratchEnvironment("oess_bench");
try {
  console.log(`Dataset versions on ${engine}, scale ${values.scale}, ${releases} releases`);
  seedAtScale(env, values.scale);

  const db = await openDatabase(targetFromEnv(env));
  try {
    const take = () => createRelease(db.sql, { epciSiren: DEFAULT_EPCI_SIREN, isDemo: true });
    const size = async () => {
      const [row] = await db.sql.query<{ rows: number; bytes: string }>(
        "SELECT (SELECT count(*)::int FROM release_row) AS rows, (pg_total_relation_size('release_row') + pg_total_relation_size('release'))::text AS bytes",
      );
      return { rows: row?.rows ?? 0, bytes: Number(row?.bytes ?? 0) };
    };

    let started = performance.now();
    const first = await take();
    const firstMs = performance.now() - started;
    const oneCopy = await size();
    const [live] = await db.sql.query<{ bytes: string }>(
      `SELECT sum(pg_total_relation_size(t))::text AS bytes FROM unnest(ARRAY['commune', 'partner', 'enterprise', 'incubation', 'job_record', 'funding']) AS t`,
    );
    console.log(`version 1: ${first?.changelog.reduce((n, c) => n + c.rows, 0)} rows in ${firstMs.toFixed(0)} ms, ${mb(oneCopy.bytes)} stored`);
    console.log(`  (the live tables, drafts and indexes included: ${mb(Number(live?.bytes ?? 0))})`);

    const times: number[] = [];
    for (let i = 2; i <= releases; i++) {
      await db.sql.query(
        `UPDATE funding SET amount = amount + 1 WHERE id IN (SELECT id FROM funding WHERE status = 'PUBLISHED' ORDER BY random() LIMIT ${PER_ROUND.corrected})`,
      );
      await db.sql.query(
        `UPDATE job_record SET status = 'REJECTED', published_at = NULL WHERE id IN (SELECT id FROM job_record WHERE status = 'PUBLISHED' ORDER BY random() LIMIT ${PER_ROUND.withdrawn})`,
      );
      await db.sql.query(
        `UPDATE job_record SET status = 'PUBLISHED', published_at = now() WHERE id IN (SELECT j.id FROM job_record j JOIN enterprise e ON e.id = j.enterprise_id
           WHERE j.status <> 'PUBLISHED' AND e.status = 'PUBLISHED' ORDER BY random() LIMIT ${PER_ROUND.published})`,
      );
      started = performance.now();
      const release = await take();
      times.push(performance.now() - started);
      if (release?.number !== i) throw new Error(`expected version ${i}, got ${release?.number ?? "none"}`);
    }
    const all = await size();
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)] ?? 0;
    console.log(`versions 2–${releases}: median ${median.toFixed(0)} ms, max ${(times.at(-1) ?? 0).toFixed(0)} ms per release`);
    console.log(`stored after ${releases} versions: ${all.rows} rows, ${mb(all.bytes)}`);
    console.log(`  = ${(all.bytes / oneCopy.bytes).toFixed(2)}× one copy of the published data (${releases} full copies would be ${releases}×)`);
    console.log(
      `  = ${mb((all.bytes - oneCopy.bytes) / (releases - 1))} per further version (${Object.values(PER_ROUND).reduce((a, b) => a + b)} records changed per round)`,
    );
    await readsAsOf(db.sql, first);
  } finally {
    await db.close();
  }
} finally {
  await cleanup();
}

/** What reading the first version costs once later ones exist (asOf in the API): a page, and aggregates. */
async function readsAsOf(sql: SqlExecutor, release: Release | null): Promise<void> {
  if (!release) return;
  const fundings = DATASETS.find((d) => d.name === "fundings") as Dataset;
  const total = release.changelog.find((c) => c.dataset === "fundings")?.rows ?? 0;
  const [middle] = await releasedPage(sql, fundings, release, { limit: 1, after: "8" });
  const page = await timed(() => releasedPage(sql, fundings, release, { after: middle?.key, limit: 100 }));
  console.log(`asOf version 1, a page of 100 of its ${total} fundings from the middle: median ${page.toFixed(1)} ms`);
  for (const groupBy of [["YEAR"], ["PARTNER", "YEAR"], ["YEAR", "COMMUNE", "LEGAL_FAMILY"]] as const) {
    const current = await timed(() => computeIndicators(sql, groupBy));
    const asOf = await timed(() => releasedIndicators(sql, release, groupBy, {}, INDICATOR_MEASURES));
    console.log(`indicators(groupBy: [${groupBy.join(", ")}]): current data ${current.toFixed(0)} ms, asOf version 1 ${asOf.toFixed(0)} ms (median of 5)`);
  }
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[2] ?? 0;
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}
