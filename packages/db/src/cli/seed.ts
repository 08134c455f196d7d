// npm run db:seed -- [--scale N] [--seed S] [--reset]
// Loads the demo dataset; --scale multiplies its volume for benchmarks (800 ≈ 1 million fundings).
import { parseArgs } from "node:util";
import { loadTerritory } from "@oess/domain";
import { migrate } from "../migrate";
import { DEFAULT_SEED, seedDemoData, wipeData } from "../seed";
import { syncTerritory } from "../territory";
import { runWithDatabase } from "./run";

const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "1" },
    seed: { type: "string", default: String(DEFAULT_SEED) },
    reset: { type: "boolean", default: false },
  },
});
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
  let lastShown = 0;
  const report = await seedDemoData(db.sql, {
    territory,
    scale,
    seed,
    onProgress(done, total) {
      const now = performance.now();
      if (done === total || now - lastShown > 1000) {
        lastShown = now;
        // Redraw one line in a terminal; one line per step in a log file.
        process.stdout.write(
          `${process.stdout.isTTY ? "\r" : ""}  ${done.toLocaleString("en")} / ${total.toLocaleString("en")} enterprises${process.stdout.isTTY ? "" : "\n"}`,
        );
      }
    },
  });
  const seconds = (performance.now() - started) / 1000;
  if (process.stdout.isTTY) process.stdout.write("\n");
  console.log(
    `Seeded in ${seconds.toFixed(1)} s: ${report.enterprises} enterprises, ${report.incubations} incubations, ` +
      `${report.jobRecords} job records, ${report.fundings} fundings (${Math.round(report.fundings / seconds).toLocaleString("en")} fundings/s).`,
  );
});
