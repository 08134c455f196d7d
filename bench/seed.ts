// npm run bench:seed [-- --scale N] — seeds a throwaway database at benchmark scale and prints
// the time. PostgreSQL when DATABASE_URL is set (the 2-minute target for 1 M fundings is
// PostgreSQL's), else a temporary embedded database.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { scratchEnvironment } from "@oess/db/testing";

const { values } = parseArgs({ options: { scale: { type: "string", default: "800" } } });
const { env, cleanup } = await scratchEnvironment("oess_bench");
const cli = fileURLToPath(new URL("../packages/db/src/cli/seed.ts", import.meta.url));
console.log(`Seed benchmark, scale ${values.scale}, on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}`);
const run = spawnSync(process.execPath, ["--import", "tsx", cli, "--scale", values.scale], { env, stdio: "inherit" });
await cleanup();
process.exit(run.status ?? 1);
