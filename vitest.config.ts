import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["packages/*/src/**/*.test.ts", "apps/api/src/**/*.test.ts"],
    // Each database test file opens its own PGlite (a few seconds to boot) or PostgreSQL database.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  },
});
