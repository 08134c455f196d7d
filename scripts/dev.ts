// npm run dev: the API from its TypeScript sources, restarted whenever a file it imports changes
// (its own, or any workspace package's), and the dashboard's Next.js dev server with hot reload,
// on the embedded database (or DATABASE_URL). Nothing is built first.
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { createSupervisor } from "./supervisor";

const root = fileURLToPath(new URL("..", import.meta.url));
const webDir = fileURLToPath(new URL("../apps/web/", import.meta.url));
const apiPort = Number(process.env.API_PORT ?? 4000);
const webPort = Number(process.env.PORT ?? 3000);
const env = { ...process.env, NODE_ENV: "development", NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };
const processes = createSupervisor("dev", env);
const require = createRequire(import.meta.url);

const tsx = require.resolve("tsx/cli");
processes.launch("API", process.execPath, [tsx, "watch", "--clear-screen=false", "apps/api/src/main.ts"], root, { extraEnv: { API_PORT: String(apiPort) } });
await processes.waitFor("API", `http://127.0.0.1:${apiPort}/healthz`, (r) => r.ok);

const next = createRequire(webDir).resolve("next/dist/bin/next");
processes.launch("dashboard", process.execPath, [next, "dev", "--port", String(webPort)], webDir, {
  extraEnv: { API_URL: `http://127.0.0.1:${apiPort}/graphql` },
});
await processes.waitFor("dashboard", `http://127.0.0.1:${webPort}/`, () => true);
if (!processes.stopping) console.log(`\n  Observatoire ESS (dev) — dashboard http://localhost:${webPort}, API http://localhost:${apiPort}/graphql\n`);
