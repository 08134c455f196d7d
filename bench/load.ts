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

/** What the clients of one task have seen so far: a run in turns adds to it turn after turn. */
interface Tally {
  latencies: number[];
  errors: number;
  /** Time the clients spent waiting for answers, summed over clients, in ms. */
  busy: number;
}

const tally = (): Tally => ({ latencies: [], errors: 0, busy: 0 });

/** `clients` workers run `task` back to back for `seconds`, each finishing the request it is in. */
async function drive(task: () => Promise<void>, clients: number, seconds: number, into: Tally): Promise<void> {
  const deadline = performance.now() + seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      try {
        await task();
        into.latencies.push(performance.now() - t0);
      } catch {
        into.errors++;
      }
      into.busy += performance.now() - t0;
    }
  };
  await Promise.all(Array.from({ length: clients }, worker));
}

function result(clients: number, { latencies, errors, busy }: Tally): LoadResult {
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN;
  // Little's law for a closed loop: each client has one request in flight while it runs, so the
  // rate is answers per second of one client's busy time. Wall-clock time would also count the
  // clients that wait, at a run's end, for the slowest to finish: a bias of half a latency a run.
  const perSecond = latencies.length / (busy / clients / 1000);
  return { clients, requests: latencies.length, errors, perSecond, p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

export async function load(task: () => Promise<void>, clients: number, seconds: number): Promise<LoadResult> {
  const seen = tally();
  await drive(task, clients, seconds, seen);
  return result(clients, seen);
}

/**
 * Two tasks measured in alternating turns of `seconds / turns` each, for `seconds` each in all: on a
 * machine whose speed drifts by a third over minutes, both see the same drift, and their ratio is
 * the servers', not the minute's.
 */
export async function loadInTurns(
  first: () => Promise<void>,
  second: () => Promise<void>,
  clients: number,
  seconds: number,
  turns: number,
): Promise<[LoadResult, LoadResult]> {
  const seen = [tally(), tally()] as const;
  for (let turn = 0; turn < turns; turn++) {
    await drive(first, clients, seconds / turns, seen[0]);
    await drive(second, clients, seconds / turns, seen[1]);
  }
  return [result(clients, seen[0]), result(clients, seen[1])];
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
