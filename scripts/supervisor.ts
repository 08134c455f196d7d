// Child processes that live and die together, for `npm start` and `npm run dev`: when one stops,
// or on Ctrl-C, every other is asked to stop (SIGTERM), then the launcher exits.
import { type ChildProcess, spawn } from "node:child_process";

export function createSupervisor(label: string, env: NodeJS.ProcessEnv) {
  const children = new Set<ChildProcess>();
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

  return {
    get stopping() {
      return stopping;
    },
    launch(name: string, command: string, args: string[], cwd: string, extraEnv: NodeJS.ProcessEnv = {}): ChildProcess {
      const child = spawn(command, args, { cwd, env: { ...env, ...extraEnv }, stdio: "inherit" });
      children.add(child);
      child.on("exit", (code, signal) => {
        children.delete(child);
        if (!stopping) {
          console.error(`[${label}] The ${name} stopped (${signal ?? `exit code ${code}`}); stopping everything.`);
          stop(code || 1);
        } else if (children.size === 0) {
          process.exit(exitCode);
        }
      });
      return child;
    },
    /** Polls the URL until `accept` says yes, or everything is stopping. */
    async waitFor(url: string, accept: (r: Response) => boolean): Promise<void> {
      while (!stopping) {
        if (await fetch(url).then(accept, () => false)) return;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    },
  };
}
