// npm run bench:exports [-- --scale 800]
// Seeds a throwaway database (PostgreSQL when DATABASE_URL is set, else PGlite) at benchmark scale,
// starts the API and downloads /opendata/fundings.{csv,json,xlsx}: time to first and last byte, size,
// and the API process's resident memory (peak of samples from /proc). Prints numbers; never passes or fails.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { scratchEnvironment } from "@oess/db/testing";
import { API_NODE_ARGS } from "../scripts/api-process";
import { waitUntilHealthy } from "./load";
import { seedAtScale } from "./seed-scratch";

const { values } = parseArgs({ options: { scale: { type: "string", default: "800" }, runs: { type: "string", default: "3" } } });
const root = fileURLToPath(new URL("..", import.meta.url));
const port = 4900 + Math.floor(Math.random() * 90);
const engine = process.env.DATABASE_URL ? "PostgreSQL" : "PGlite";
const mb = (kb: number) => (kb / 1024).toFixed(0);

/** Downloads without decoding (as a harvester storing the file would), counting bytes and lines. */
function download(url: string, encoding: "identity" | "gzip"): Promise<{ bytes: number; lines: number; firstByte: number; lastByte: number }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { "accept-encoding": encoding } }, (response) => {
        let bytes = 0;
        let lines = 0;
        let firstByte = 0;
        response.on("data", (chunk: Buffer) => {
          if (firstByte === 0) firstByte = performance.now() - t0;
          bytes += chunk.length;
          for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
        });
        response.on("end", () => resolve({ bytes, lines, firstByte, lastByte: performance.now() - t0 }));
        response.on("error", reject);
      })
      .on("error", reject);
  });
}

/** Resident memory of a process (VmRSS), in kB; sampled every 50 ms during a download. */
function memory(pid: number): { rss: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return { rss: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN) };
}

const { env, cleanup } = await scratchEnvironment("oess_bench");
let api: ChildProcess | undefined;
try {
  console.log(`Export benchmark on ${engine}, scale ${values.scale}`);
  seedAtScale(env, values.scale);

  api = spawn(process.execPath, API_NODE_ARGS, {
    cwd: root,
    env: { ...env, API_PORT: String(port), DEMO_DATA: "off", NODE_ENV: "production" },
    stdio: "ignore",
  });
  await waitUntilHealthy(`http://127.0.0.1:${port}/healthz`, api);
  // The start-up dataset version reads every dataset: measure after it, not against it.
  const released = Date.now();
  while (((await (await fetch(`http://127.0.0.1:${port}/opendata/versions.json`)).json()) as { latest: number | null }).latest === null) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  console.log(`Start-up dataset version taken in ${((Date.now() - released) / 1000).toFixed(0)} s`);
  const pid = api.pid as number;
  const idle = memory(pid);
  console.log(`API process idle: ${mb(idle.rss)} MB resident`);

  console.log("\n| run | format | encoding | lines | MB sent | first byte s | last byte s | peak RSS of the API MB |");
  console.log("| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: |");
  for (let run = 1; run <= Number(values.runs); run++) {
    for (const [format, encoding] of [
      ["csv", "identity"],
      ["csv", "gzip"],
      ["json", "identity"],
      ["xlsx", "identity"],
    ] as const) {
      let peak = 0;
      const sampler = setInterval(() => (peak = Math.max(peak, memory(pid).rss)), 50);
      const r = await download(`http://127.0.0.1:${port}/opendata/fundings.${format}`, encoding);
      clearInterval(sampler);
      peak = Math.max(peak, memory(pid).rss);
      const rows = encoding === "identity" && format !== "xlsx" ? (r.lines - 1).toLocaleString("en") : "—";
      console.log(
        `| ${run} | ${format} | ${encoding} | ${rows} | ${(r.bytes / 1e6).toFixed(0)} | ${(r.firstByte / 1000).toFixed(2)} | ${(r.lastByte / 1000).toFixed(2)} | ${mb(peak)} |`,
      );
    }
  }
  console.log(`\nTargets at 1 M rows: peak RSS under 200 MB for every format; JSON within 1.5× of the CSV's time.`);
} finally {
  api?.kill("SIGTERM");
  await new Promise((resolve) => setTimeout(resolve, 1500));
  await cleanup();
}
