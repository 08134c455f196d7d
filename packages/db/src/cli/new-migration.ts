// npm run db:new-migration -- <name>
// Writes prisma/migrations/<NNNN>_<name>/migration.sql: the SQL that takes the schema of the
// previous migration (its schema.prisma snapshot) to prisma/schema.prisma. No database needed.
// CHECK constraints are not in the Prisma schema: add them to the generated file by hand.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { migrationsDir, readMigrations } from "../migrate";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:new-migration -- <name_in_snake_case>");
  process.exit(2);
}

const schema = fileURLToPath(new URL("../../../../prisma/schema.prisma", import.meta.url));
const prismaCli = fileURLToPath(new URL("../../../../scripts/prisma.mjs", import.meta.url));
const previous = readMigrations().at(-1);
const from = previous ? ["--from-schema-datamodel", path.join(migrationsDir(), previous.name, "schema.prisma")] : ["--from-empty"];

const sql = execFileSync(process.execPath, [prismaCli, "migrate", "diff", ...from, "--to-schema-datamodel", schema, "--script"], {
  encoding: "utf8",
  stdio: ["ignore", "pipe", "inherit"],
});
if (/^-- This is an empty migration\./m.test(sql)) {
  console.log("prisma/schema.prisma has not changed since the last migration: nothing to write.");
  process.exit(0);
}

const number = String(readMigrations().length + 1).padStart(4, "0");
const dir = path.join(migrationsDir(), `${number}_${name}`);
fs.mkdirSync(dir);
fs.writeFileSync(path.join(dir, "migration.sql"), sql);
fs.copyFileSync(schema, path.join(dir, "schema.prisma"));
console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql — review it, add CHECK constraints if needed.`);
