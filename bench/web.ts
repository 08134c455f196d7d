// npm run bench:web [-- --seconds 5]
// Starts the product as `npm start` does, on a throwaway database with the demo data, then
// measures each dashboard page's server response time (full HTML, one client, then 8) and the
// JavaScript the home page loads (bytes as sent, and gzipped), in Debian's Chromium.
// Prints numbers; it never passes or fails on them.
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { scratchEnvironment } from "@oess/db/testing";
import { chromium } from "@playwright/test";
import { type LoadResult, load, printTable, waitUntilHealthy } from "./load";

const { values } = parseArgs({ options: { seconds: { type: "string", default: "5" } } });
const seconds = Number(values.seconds);
const webPort = 3400 + Math.floor(Math.random() * 500);
const apiPort = webPort + 1000;
const PAGES = ["/", "/emplois", "/incubation", "/financements", "/territoire", "/?debut=2019&commune=79191&famille=cooperative"];

const { env, cleanup } = await scratchEnvironment("oess_bench_web");
let server: ChildProcess | undefined;
try {
  const start = fileURLToPath(new URL("../scripts/start.ts", import.meta.url));
  server = spawn(process.execPath, ["--import", "tsx", start], { env: { ...env, PORT: String(webPort), API_PORT: String(apiPort) }, stdio: "ignore" });
  const base = `http://127.0.0.1:${webPort}`;
  await waitUntilHealthy(`${base}/`, server);

  const rows: Array<{ label: string } & LoadResult> = [];
  for (const path of PAGES) {
    const get = async () => {
      const response = await fetch(`${base}${path}`);
      await response.text();
      if (!response.ok) throw new Error(`${response.status}`);
    };
    for (const clients of [1, 8]) rows.push({ label: `GET ${path}`, ...(await load(get, clients, seconds)) });
  }
  printTable("Dashboard pages, server-rendered HTML (figures included)", rows);

  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--headless"] });
  const page = await browser.newPage();
  const scripts: Array<Promise<{ raw: number; gzip: number }>> = [];
  page.on("response", (r) => {
    if (r.request().resourceType() === "script") scripts.push(r.body().then((b) => ({ raw: b.length, gzip: gzipSync(b).length })));
  });
  await page.goto(`${base}/`, { waitUntil: "networkidle" });
  const sizes = await Promise.all(scripts);
  const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;
  console.log(
    `\nHome page JavaScript: ${sizes.length} files, ${kB(sizes.reduce((a, s) => a + s.raw, 0))} raw, ${kB(sizes.reduce((a, s) => a + s.gzip, 0))} gzipped (budget 250 kB)`,
  );
  await browser.close();
} finally {
  server?.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 1500));
  await cleanup();
}
