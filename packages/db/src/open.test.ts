import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { DatabaseOpenError } from "./errors";
import { openDatabase } from "./open";

const run = promisify(execFile);
const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "oess-open-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("embedded database directory", () => {
  it("refuses a second opening of a directory in use, and reopens once it is closed", async () => {
    const dir = tempDir();
    const db = await openDatabase({ kind: "pglite", dataDir: dir });
    await expect(openDatabase({ kind: "pglite", dataDir: dir })).rejects.toThrow(/is in use by this very process/);
    await db.close();
    const again = await openDatabase({ kind: "pglite", dataDir: dir });
    await again.close();
  });

  it("takes over the lock left by a process that died", async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "observatoire.pid"), "2147483646");
    const db = await openDatabase({ kind: "pglite", dataDir: dir });
    await db.close();
  });

  it("explains a damaged directory instead of crashing", async () => {
    const dir = tempDir();
    const db = await openDatabase({ kind: "pglite", dataDir: dir });
    await db.close();
    fs.writeFileSync(path.join(dir, "pgdata", "global", "pg_control"), "not a control file");
    const opening = openDatabase({ kind: "pglite", dataDir: dir });
    await expect(opening).rejects.toThrow(DatabaseOpenError);
    await expect(openDatabase({ kind: "pglite", dataDir: dir })).rejects.toThrow(/is damaged or was written by another version/);
  });

  it("explains an unreachable PostgreSQL server", async () => {
    await expect(openDatabase({ kind: "postgresql", url: "postgresql://nobody@127.0.0.1:1/none" })).rejects.toThrow(/Cannot connect to PostgreSQL/);
  });

  it("lets a CLI process exit by itself once its work is done (no hanging handle)", async () => {
    const dir = tempDir();
    const { stdout } = await run("npx", ["tsx", "packages/db/src/cli/apply-migrations.ts"], {
      cwd: path.resolve(import.meta.dirname, "../../.."),
      env: { ...process.env, DATA_DIR: dir, DATABASE_URL: "" },
      timeout: 60_000,
    });
    expect(stdout).toMatch(/Applied: 0001_init/);
    expect(stdout).toMatch(/CA du Niortais, 40 communes/);
    expect(fs.existsSync(path.join(dir, "observatoire.pid"))).toBe(false);
  });
});
