// npm run bench:lighthouse [-- --runs 3 --desktop]
// Starts the product as `npm start` does, on a throwaway database with the demo data, and runs
// Lighthouse (mobile by default: a slow 4G phone with a 4× slower CPU) on every dashboard page in
// Debian's Chromium. Prints the median of each page's runs; never passes or fails on them.
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { scratchEnvironment } from "@oess/db/testing";
import { launch } from "chrome-launcher";
import lighthouse, { desktopConfig } from "lighthouse";
import { waitUntilHealthy } from "./load";

const { values } = parseArgs({ options: { runs: { type: "string", default: "3" }, desktop: { type: "boolean", default: false } } });
const runs = Number(values.runs);
const webPort = 3400 + Math.floor(Math.random() * 500);
const apiPort = webPort + 1000;
const PAGES = [
  "/",
  "/emplois",
  "/incubation",
  "/financements",
  "/territoire",
  "/panorama",
  "/donnees-ouvertes",
  "/methodologie",
  "/integrer/emplois-par-famille",
];

interface Measure {
  performance: number;
  accessibility: number;
  tbt: number;
  lcp: number;
  js: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

const { env, cleanup } = await scratchEnvironment("oess_bench_lighthouse");
let server: ChildProcess | undefined;
const chrome = await launch({ chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", chromeFlags: ["--headless=new", "--no-sandbox"] });
try {
  const start = fileURLToPath(new URL("../scripts/start.ts", import.meta.url));
  server = spawn(process.execPath, ["--import", "tsx", start], { env: { ...env, PORT: String(webPort), API_PORT: String(apiPort) }, stdio: "ignore" });
  const base = `http://127.0.0.1:${webPort}`;
  await waitUntilHealthy(`${base}/`, server);

  console.log(`Lighthouse ${values.desktop ? "desktop" : "mobile"}, median of ${runs} runs per page\n`);
  console.log("| page | performance | accessibility | TBT | LCP | JavaScript (transferred) |");
  console.log("| --- | --- | --- | --- | --- | --- |");
  for (const path of PAGES) {
    const measures: Measure[] = [];
    for (let i = 0; i < runs; i++) {
      const result = await lighthouse(
        `${base}${path}`,
        { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility"] },
        values.desktop ? desktopConfig : undefined,
      );
      if (!result) throw new Error(`Lighthouse gave no result for ${path}`);
      const { categories, audits } = result.lhr;
      const scripts = (audits["resource-summary"]?.details as { items?: Array<{ resourceType: string; transferSize: number }> } | undefined)?.items;
      measures.push({
        performance: Math.round((categories.performance?.score ?? 0) * 100),
        accessibility: Math.round((categories.accessibility?.score ?? 0) * 100),
        tbt: audits["total-blocking-time"]?.numericValue ?? Number.NaN,
        lcp: audits["largest-contentful-paint"]?.numericValue ?? Number.NaN,
        js: scripts?.find((item) => item.resourceType === "script")?.transferSize ?? Number.NaN,
      });
    }
    const m = (key: keyof Measure) => median(measures.map((x) => x[key]));
    console.log(
      `| ${path} | ${m("performance")} | ${m("accessibility")} | ${Math.round(m("tbt"))} ms | ${(m("lcp") / 1000).toFixed(1)} s | ${(m("js") / 1000).toFixed(0)} kB |`,
    );
  }
} finally {
  chrome.kill();
  server?.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 1500));
  await cleanup();
}
