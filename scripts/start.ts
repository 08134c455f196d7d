// npm start: runs the API (which migrates, and seeds on first run) and the dashboard's production
// server, prints where they are, and stops both on Ctrl-C or when either one stops.
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@oess/db/demo-accounts";
import { API_NODE_ARGS } from "./api-process";

const root = fileURLToPath(new URL("..", import.meta.url));
const webDir = fileURLToPath(new URL("../apps/web/", import.meta.url));
const apiPort = Number(process.env.API_PORT ?? 4000);
const webPort = Number(process.env.PORT ?? 3000);
const started = performance.now();
const children = new Set<ChildProcess>();
let stopping = false;
let exitCode = 0;

const env = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };

function launch(name: string, args: string[], cwd: string, extraEnv: NodeJS.ProcessEnv = {}): ChildProcess {
  const child = spawn(process.execPath, args, { cwd, env: { ...env, ...extraEnv }, stdio: "inherit" });
  children.add(child);
  child.on("exit", (code, signal) => {
    children.delete(child);
    if (!stopping) {
      console.error(`[start] The ${name} stopped (${signal ?? `exit code ${code}`}); stopping everything.`);
      stop(code || 1);
    } else if (children.size === 0) {
      process.exit(exitCode);
    }
  });
  return child;
}

function stop(code: number): void {
  if (stopping) return;
  stopping = true;
  exitCode = code;
  if (children.size === 0) process.exit(code);
  for (const child of children) child.kill("SIGTERM");
  setTimeout(() => process.exit(code), 10_000).unref();
}
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));

async function waitFor(url: string, accept: (r: Response) => boolean): Promise<void> {
  while (!stopping) {
    const ok = await fetch(url).then(accept, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

launch("API", API_NODE_ARGS, root, { API_PORT: String(apiPort) });
await waitFor(`http://127.0.0.1:${apiPort}/healthz`, (r) => r.ok);

launch("dashboard", ["server.mjs"], webDir, { PORT: String(webPort), API_URL: `http://127.0.0.1:${apiPort}/graphql` });
await waitFor(`http://127.0.0.1:${webPort}/`, () => true);

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

if (!stopping) {
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
