// The CLI as a host runs it: on the configured database (a scratch one here: PGlite, or
// PostgreSQL when DATABASE_URL is set), with progress on stderr and the outcome on stdout.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { openDatabase, targetFromEnv } from "@oess/db";
import { scratchEnvironment } from "@oess/db/testing";
import { writeFixtureFiles } from "@oess/sirene/fixtures";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../../../..");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sirene-cli-"));
let scratch: Awaited<ReturnType<typeof scratchEnvironment>>;
beforeAll(async () => {
  scratch = await scratchEnvironment("oess_cli");
});
afterAll(async () => {
  await scratch.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

const cli = (args: string[]) => run("npx", ["tsx", "packages/app/src/cli/import-sirene.ts", ...args], { cwd: root, env: scratch.env, timeout: 90_000 });

describe("npm run import:sirene", () => {
  it("imports the files into a new database and says what changed; the same files again change nothing", async () => {
    const files = writeFixtureFiles(dir);

    const { stdout, stderr } = await cli([files.units, files.establishments, "--date", "2026-11-01"]);
    expect(stderr).toMatch(/établissements : 8 lignes lues, 7 retenues/);
    expect(stdout).toMatch(/extrait du 2026-11-01\) : 6 établissements ESS du territoire ; 6 ajoutés, 0 modifiés, 0 retirés\./);
    const again = await cli([files.units, files.establishments, "--date", "2026-11-01"]);
    expect(again.stdout).toMatch(/6 établissements ESS du territoire ; 0 ajoutés, 0 modifiés, 0 retirés\./);

    const db = await openDatabase(targetFromEnv(scratch.env));
    try {
      const imports = await db.sql.query<{ status: string; kept: number }>("SELECT status::text, kept FROM register_import ORDER BY seq");
      expect(imports).toEqual([
        { status: "DONE", kept: 6 },
        { status: "DONE", kept: 6 },
      ]);
    } finally {
      await db.close();
    }
  });

  it("refuses wrong arguments with its usage", async () => {
    await expect(cli(["only-one.csv"])).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/^Usage: npm run import:sirene/) });
    await expect(cli(["a.csv", "b.csv", "--date", "01/11/2026"])).rejects.toMatchObject({ code: 2 });
  });
});
