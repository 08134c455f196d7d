// npm start: runs the API (which migrates, and seeds on first run) and the dashboard's production
// server, prints where they are, and stops both on Ctrl-C. An API that dies is started again (the
// dashboard answers 503 meanwhile); a dashboard that dies stops everything.
import { fileURLToPath } from "node:url";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@oess/db/demo-accounts";
import { API_NODE_ARGS } from "./api-process";
import { createSupervisor } from "./supervisor";

const root = fileURLToPath(new URL("..", import.meta.url));
const webDir = fileURLToPath(new URL("../apps/web/", import.meta.url));
const apiPort = Number(process.env.API_PORT ?? 4000);
const webPort = Number(process.env.PORT ?? 3000);
const started = performance.now();
const env = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };
const processes = createSupervisor("start", env);

processes.launch("API", process.execPath, API_NODE_ARGS, root, { extraEnv: { API_PORT: String(apiPort) }, restart: true });
await processes.waitFor("API", `http://127.0.0.1:${apiPort}/healthz`, (r) => r.ok);

processes.launch("dashboard", process.execPath, ["server.mjs"], webDir, {
  extraEnv: { PORT: String(webPort), API_URL: process.env.API_URL ?? `http://127.0.0.1:${apiPort}/graphql` },
});
await processes.waitFor("dashboard", `http://127.0.0.1:${webPort}/`, () => true);

/** The demo accounts, when the database holds the demo dataset (never for real data). */
async function demoAccounts(): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${apiPort}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "{ dataset { isDemo } }" }),
  }).catch(() => null);
  const isDemo = ((await response?.json().catch(() => null)) as { data?: { dataset?: { isDemo?: boolean } } } | null)?.data?.dataset?.isDemo;
  if (!isDemo) return "";
  const rows = DEMO_ACCOUNTS.map((a) => `    ${a.email.padEnd(38)} ${a.memberships.map((m) => `${m.role} ${m.partner}`).join(", ")}`);
  return `\n  Comptes de démonstration / demo accounts (mot de passe / password: ${DEMO_PASSWORD})\n  Espace partenaire: http://localhost:${webPort}/connexion\n${rows.join("\n")}\n`;
}

if (!processes.stopping) {
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`
  Observatoire ESS — ready in ${seconds} s

    Tableau de bord / dashboard   http://localhost:${webPort}
    API GraphQL (GraphiQL)        http://localhost:${apiPort}/graphql
    Santé / health                http://localhost:${apiPort}/healthz
${await demoAccounts()}
  Ctrl-C to stop.
`);
}
