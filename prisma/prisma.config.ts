// Configuration of the Prisma CLI, used only to generate the client and to author migrations
// (`migrate diff`). The JS engine makes the CLI use the Wasm schema engine instead of
// downloading a native one; an in-memory PGlite is enough since diffs need no real database.
// Migrations are applied by packages/db at start-up, never by the CLI.
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { defineConfig } from "prisma/config";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(import.meta.dirname, "schema.prisma"),
  migrations: { path: path.join(import.meta.dirname, "migrations") },
  async adapter() {
    return new PrismaPGlite(new PGlite());
  },
});
