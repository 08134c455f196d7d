// Every benchmark's first step: the demo seed at benchmark scale, in a throwaway database.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

/** Seeds the database of `env` (a scratch environment) at `scale`, and prints the seed's summary. */
export function seedAtScale(env: NodeJS.ProcessEnv, scale: string): void {
  const seed = spawnSync(process.execPath, ["--import", "tsx", "packages/db/src/cli/seed.ts", "--scale", scale], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "inherit"],
  });
  if (seed.status !== 0) throw new Error("seeding failed");
  console.log(seed.stdout.toString().trim().split("\n").at(-1));
}
