// The product as `npm start` runs it, on data of its own: a temporary embedded database, or a
// throwaway database on DATABASE_URL's server, removed when Playwright stops the server.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { scratchEnvironment } from "@oess/db/testing";

const { env, cleanup } = await scratchEnvironment("oess_e2e");
const start = fileURLToPath(new URL("../scripts/start.ts", import.meta.url));
const child = spawn(process.execPath, ["--import", "tsx", start], { env, stdio: "inherit" });
const forward = (signal: NodeJS.Signals) => child.kill(signal);
process.on("SIGTERM", forward);
process.on("SIGINT", forward);
child.on("exit", async (code) => {
  await cleanup();
  process.exit(code ?? 0);
});
