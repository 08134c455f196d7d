// The product as `npm start` runs it, on data of its own: a temporary embedded database, or a
// throwaway database on DATABASE_URL's server, removed when Playwright stops the server. The
// dashboard reaches the API through e2e/fault-proxy.ts.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { scratchEnvironment } from "@oess/db/testing";
import { startFaultProxy } from "./fault-proxy";

const { env, cleanup } = await scratchEnvironment("oess_e2e");
// The dashboard reaches the API through a proxy that tests can tell to fail an operation.
const apiPort = Number(process.env.API_PORT ?? 4000);
const faultPort = apiPort + 1;
startFaultProxy(faultPort, { host: "127.0.0.1", port: apiPort });
env.API_URL = `http://127.0.0.1:${faultPort}/graphql`;
const start = fileURLToPath(new URL("../scripts/start.ts", import.meta.url));
const child = spawn(process.execPath, ["--import", "tsx", start], { env, stdio: "inherit" });
const forward = (signal: NodeJS.Signals) => child.kill(signal);
process.on("SIGTERM", forward);
process.on("SIGINT", forward);
child.on("exit", async (code) => {
  await cleanup();
  process.exit(code ?? 0);
});
