// npm run db:seed -- [--scale N] [--seed S] [--reset]
// Loads the demo dataset; --scale multiplies its volume for benchmarks (800 ≈ 1 million fundings).
import { parseArgs } from "node:util";
import { loadTerritory } from "@oess/domain";
import { migrate } from "../migrate";
import { DEFAULT_SEED, type SeedStage, seedDemoData, wipeData } from "../seed";
import { syncTerritory } from "../territory";
import { runWithDatabase } from "./run";

const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "1" },
    seed: { type: "string", default: String(DEFAULT_SEED) },
    reset: { type: "boolean", default: false },
  },
});
const STAGES: Record<SeedStage, { doing: string; done: string }> = {
  records: { doing: "Writing the records…", done: "records" },
  keys: { doing: "Rebuilding keys, indexes and indicator rollups…", done: "keys and indexes" },
  register: { doing: "Writing the demo business register…", done: "register" },
  statistics: { doing: "Updating the planner's statistics…", done: "statistics" },
};
const scale = Number(values.scale);
const seed = Number(values.seed);
if (!(scale > 0) || !Number.isInteger(seed)) {
  console.error("Usage: npm run db:seed -- [--scale <positive number>] [--seed <integer>] [--reset]");
  process.exit(2);
}

await runWithDatabase(async (db) => {
  await migrate(db.sql);
  const territory = loadTerritory(process.env.TERRITORY_EPCI_SIREN);
  await syncTerritory(db.sql, territory);
  if (values.reset) {
    await wipeData(db.sql);
    console.log("Wiped partners, accounts and records.");
  }
  const started = performance.now();
  // Each stage's time, for the summary: where a seed's time goes is what a benchmark asks next.
  const stages: Array<{ stage: SeedStage; since: number }> = [];
  let lastShown = 0;
  let lineOpen = false; // a terminal's progress line, redrawn in place until the next stage
  const report = await seedDemoData(db.sql, {
    territory,
    scale,
    seed,
    onStage(stage) {
      if (lineOpen) process.stdout.write("\n");
      lineOpen = false;
      console.log(`  ${STAGES[stage].doing}`);
      stages.push({ stage, since: performance.now() });
    },
    onProgress(done, total) {
      const now = performance.now();
      if (done === total || now - lastShown > 1000) {
        lastShown = now;
        // Redraw one line in a terminal; one line per step in a log file.
        lineOpen = process.stdout.isTTY;
        process.stdout.write(`${lineOpen ? "\r" : ""}  ${done.toLocaleString("en")} / ${total.toLocaleString("en")} enterprises${lineOpen ? "" : "\n"}`);
      }
    },
  });
  const ended = performance.now();
  const seconds = (ended - started) / 1000;
  const split = stages.map(({ stage, since }, i) => `${STAGES[stage].done} ${(((stages[i + 1]?.since ?? ended) - since) / 1000).toFixed(1)} s`).join(", ");
  console.log(
    `Seeded in ${seconds.toFixed(1)} s (${split}): ${report.enterprises} enterprises, ${report.incubations} incubations, ` +
      `${report.jobRecords} job records, ${report.fundings} fundings (${Math.round(report.fundings / seconds).toLocaleString("en")} fundings/s).`,
  );
});
