// Child processes for `npm start` and `npm run dev`. On Ctrl-C, or when a child stops that is
// not restarted, every other is asked to stop (SIGTERM) and the launcher exits. A child launched
// with `restart` (the API) that dies after it once answered is started again, with a growing
// back-off: the dashboard stays up meanwhile and tells its visitors to wait (503).
import { type ChildProcess, spawn } from "node:child_process";

/** Seconds before each new attempt: 2, 4, 8, 16, then 30 at most. */
const backoff = (attempt: number) => Math.min(2 ** (attempt + 1), 30);
/** A child that ran this long before dying starts again from the shortest back-off. */
const STABLE_MS = 60_000;

interface LaunchOptions {
  extraEnv?: NodeJS.ProcessEnv;
  /** Start it again when it dies, once `ready()` has said it answered. */
  restart?: boolean;
}

export function createSupervisor(label: string, env: NodeJS.ProcessEnv) {
  const children = new Set<ChildProcess>();
  const ready = new Set<string>();
  let stopping = false;
  let exitCode = 0;

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

  function launch(name: string, command: string, args: string[], cwd: string, options: LaunchOptions = {}, attempt = 0): ChildProcess {
    const started = Date.now();
    const child = spawn(command, args, { cwd, env: { ...env, ...options.extraEnv }, stdio: "inherit" });
    children.add(child);
    child.on("exit", (code, signal) => {
      children.delete(child);
      const how = signal ?? `exit code ${code}`;
      if (stopping) {
        if (children.size === 0) process.exit(exitCode);
      } else if (options.restart && ready.has(name)) {
        const next = Date.now() - started > STABLE_MS ? 0 : attempt;
        console.error(`[${label}] The ${name} stopped (${how}); starting it again in ${backoff(next)} s.`);
        setTimeout(() => {
          if (!stopping) launch(name, command, args, cwd, options, next + 1);
        }, backoff(next) * 1000);
      } else {
        console.error(`[${label}] The ${name} stopped (${how}); stopping everything.`);
        stop(code || 1);
      }
    });
    return child;
  }

  return {
    get stopping() {
      return stopping;
    },
    launch,
    /** Polls the URL until `accept` says yes, or everything is stopping; then `name` counts as ready. */
    async waitFor(name: string, url: string, accept: (r: Response) => boolean): Promise<void> {
      while (!stopping) {
        if (await fetch(url).then(accept, () => false)) {
          ready.add(name);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    },
  };
}
