// Runs the Prisma CLI offline. Without these variables it tries to download native engines
// (docs/prisma-offline.md); the preload lets it exit instead of lingering on Wasm timers.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const cli = require.resolve("prisma/build/index.js");
const preload = fileURLToPath(new URL("./unref-long-timers.mjs", import.meta.url));
const config = fileURLToPath(new URL("../prisma/prisma.config.ts", import.meta.url));
// Generators such as prisma-pothos-types are found on PATH, as under `npm run`.
const bin = fileURLToPath(new URL("../node_modules/.bin", import.meta.url));

const args = process.argv.slice(2);

const result = spawnSync(process.execPath, ["--import", preload, cli, ...args, "--config", config], {
  stdio: "inherit",
  env: {
    ...process.env,
    PATH: `${bin}:${process.env.PATH ?? ""}`,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? "/bin/false",
    DATABASE_URL: process.env.DATABASE_URL ?? "postgresql://offline@localhost/offline",
    CHECKPOINT_DISABLE: "1",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  },
});
process.exit(result.status ?? 1);
