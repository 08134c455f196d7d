// The product as `npm start` runs it, on data of its own: a temporary embedded database, or a
// throwaway database on DATABASE_URL's server, removed when Playwright stops the server.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createThrowawayDatabase } from "@oess/db/testing";

const env = { ...process.env };
let cleanup: () => Promise<void>;
if (process.env.DATABASE_URL) {
  const throwaway = await createThrowawayDatabase(process.env.DATABASE_URL, "oess_e2e");
  env.DATABASE_URL = throwaway.url;
  cleanup = throwaway.drop;
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "oess-e2e-"));
  env.DATA_DIR = dir;
  cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
}

const start = fileURLToPath(new URL("../scripts/start.ts", import.meta.url));
const child = spawn(process.execPath, ["--import", "tsx", start], { env, stdio: "inherit" });
const forward = (signal: NodeJS.Signals) => child.kill(signal);
process.on("SIGTERM", forward);
process.on("SIGINT", forward);
child.on("exit", async (code) => {
  await cleanup();
  process.exit(code ?? 0);
});
