import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MigrationError } from "./errors";
import { migrate, migrationsDir, readMigrations } from "./migrate";
import { createTestDatabase, type TestDatabase } from "./testing";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase({ migrate: false });
});
afterAll(() => db.dispose());

describe("migrations on an empty database", () => {
  it("creates every table, then has nothing left to apply", async () => {
    const migrations = readMigrations();
    expect(migrations.map((m) => m.name)[0]).toBe("0001_init");
    expect(await migrate(db.sql)).toEqual(migrations.map((m) => m.name));
    const tables = await db.sql.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
    );
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining([
        "_migration",
        "app_setting",
        "app_user",
        "commune",
        "enterprise",
        "funding",
        "incubation",
        "job_record",
        "membership",
        "partner",
      ]),
    );
    expect(await migrate(db.sql)).toEqual([]);
  });

  it("refuses to run when an applied migration was edited since", async () => {
    const [first, ...rest] = readMigrations();
    if (!first) throw new Error("no migration on disk");
    const edited = { ...first, checksum: "0".repeat(64) };
    await expect(migrate(db.sql, [edited, ...rest])).rejects.toThrow(MigrationError);
    await expect(migrate(db.sql, [edited, ...rest])).rejects.toThrow(/0001_init was edited after it was applied/);
  });

  it("refuses a database migrated by a newer version of the code", async () => {
    await db.sql.query("INSERT INTO _migration (name, checksum) VALUES ('9999_future', 'x')");
    try {
      await expect(migrate(db.sql)).rejects.toThrow(/9999_future, which this version of the code does not know/);
    } finally {
      await db.sql.query("DELETE FROM _migration WHERE name = '9999_future'");
    }
  });

  it("applies a new migration all or nothing", async () => {
    const broken = { name: "9000_broken", sql: "CREATE TABLE half_done (id int); SELECT 1/0;", checksum: "b" };
    await expect(migrate(db.sql, [...readMigrations(), broken])).rejects.toThrow(/division by zero/);
    const [row] = await db.sql.query<{ t: string | null }>("SELECT to_regclass('half_done')::text AS t");
    expect(row?.t).toBeNull();
    const names = await db.sql.query<{ name: string }>("SELECT name FROM _migration");
    expect(names.map((n) => n.name)).not.toContain("9000_broken");
  });
});

describe("prisma/schema.prisma and the migrations", () => {
  it("agree: a change to the schema comes with its migration (npm run db:new-migration -- <name>)", () => {
    const last = readMigrations().at(-1);
    if (!last) throw new Error("no migration on disk");
    // db:new-migration writes each migration's snapshot of the schema beside its SQL: the last
    // snapshot differs from the schema exactly when a change has no migration yet.
    const snapshot = fs.readFileSync(path.join(migrationsDir(), last.name, "schema.prisma"), "utf8");
    const schema = fs.readFileSync(new URL("../../../prisma/schema.prisma", import.meta.url), "utf8");
    expect(schema, `prisma/schema.prisma changed since ${last.name}: run npm run db:new-migration -- <name>`).toBe(snapshot);
  });
});

describe("0011_jobs_secrecy", () => {
  it("withdraws one enterprise's jobs from the versions taken before, keeps the rest, and versions stay immutable after", async () => {
    const old = await createTestDatabase({ migrate: false });
    try {
      const all = readMigrations();
      await migrate(
        old.sql,
        all.filter((m) => m.name < "0011"),
      );
      await old.sql.query(
        `INSERT INTO release (number, is_demo, data_change, changelog, columns) VALUES (1, true, 1, '[]', '{"jobs": ["id", "jobs_created"]}')`,
      );
      await old.sql.query(
        `INSERT INTO release_row (dataset, row_key, valid_from, data) VALUES ('jobs', 'a', 1, '["a", 3]'), ('fundings', 'f', 1, '["f", "100.00"]')`,
      );
      expect(await migrate(old.sql, all)).toContain("0011_jobs_secrecy");
      const rows = await old.sql.query<{ dataset: string }>("SELECT dataset FROM release_row ORDER BY dataset");
      expect(rows.map((r) => r.dataset)).toEqual(["fundings"]);
      await expect(old.sql.query("DELETE FROM release_row WHERE dataset = 'fundings'")).rejects.toThrow(/cannot be changed/);
    } finally {
      await old.dispose();
    }
  });
});
