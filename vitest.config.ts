import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 ships CJS and ESM builds. Node (and so Yoga and Pothos, which vitest leaves to
    // Node) loads the CJS one; our sources must get the same, or GraphQLError is two classes.
    alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }],
  },
  test: {
    include: ["packages/*/src/**/*.test.ts", "apps/api/src/**/*.test.ts", "apps/web/lib/**/*.test.ts", "apps/web/components/**/*.test.tsx"],
    // Each database test file opens its own PGlite (a few seconds to boot) or PostgreSQL database.
    testTimeout: 60_000,
    // Vitest's default leaves a core free (one file at a time on CI's 2 cores), but most files wait
    // on a database or a child process: two at a time took the suite from 170 to 130 s there.
    maxWorkers: 2,
    hookTimeout: 120_000,
    env: { NODE_ENV: "test", CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  },
});
