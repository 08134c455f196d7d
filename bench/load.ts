// A closed-loop load generator: `clients` workers each run `task` back to back for `seconds`;
// every latency is kept, so percentiles are exact. The same runner measures the API and the SQL
// floor, so the two are comparable.

export interface LoadResult {
  clients: number;
  requests: number;
  errors: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

export async function load(task: () => Promise<void>, clients: number, seconds: number): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      try {
        await task();
        latencies.push(performance.now() - t0);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, worker));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN;
  return { clients, requests: latencies.length, errors, perSecond: latencies.length / elapsed, p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

export function printTable(title: string, rows: Array<{ label: string } & LoadResult>): void {
  console.log(`\n${title}`);
  console.log("| scenario | clients | req/s | p50 ms | p95 ms | p99 ms | errors |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const r of rows) {
    console.log(`| ${r.label} | ${r.clients} | ${r.perSecond.toFixed(1)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.errors} |`);
  }
}

/** Waits for a server started by the benchmark; fails if it exits or is not up in 10 minutes. */
export async function waitUntilHealthy(url: string, server: { exitCode: number | null }): Promise<void> {
  const deadline = Date.now() + 600_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode} before answering ${url}`);
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within 10 minutes`);
}
