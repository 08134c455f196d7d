// npm run bench:seed [-- --scale N] — seeds a throwaway database at benchmark scale and prints
// the time. PostgreSQL when DATABASE_URL is set (the 2-minute target for 1 M fundings is
// PostgreSQL's), else a temporary embedded database.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createThrowawayDatabase } from "@oess/db/testing";

const { values } = parseArgs({ options: { scale: { type: "string", default: "800" } } });
const env = { ...process.env };
let cleanup: () => Promise<void>;
if (process.env.DATABASE_URL) {
  const db = await createThrowawayDatabase(process.env.DATABASE_URL, "oess_bench");
  env.DATABASE_URL = db.url;
  cleanup = db.drop;
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "oess-bench-"));
  env.DATA_DIR = dir;
  cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
}

const cli = fileURLToPath(new URL("../packages/db/src/cli/seed.ts", import.meta.url));
console.log(`Seed benchmark, scale ${values.scale}, on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`);
const run = spawnSync(process.execPath, ["--import", "tsx", cli, "--scale", values.scale], { env, stdio: "inherit" });
await cleanup();
process.exit(run.status ?? 1);
