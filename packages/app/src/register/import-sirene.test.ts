import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createTestDatabase, type TestDatabase } from "@oess/db/testing";
import { stockFile } from "@oess/sirene";
import { establishment, FIXTURE_COMMUNES, FIXTURE_ESTABLISHMENTS, writeFixtureFiles } from "@oess/sirene/fixtures";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importSirene, importSireneFiles } from "./import-sirene";

let db: TestDatabase;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "register-"));
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

const run = (files: { units: string; establishments: string }, options: { signal?: AbortSignal; extractDate?: string } = {}) =>
  importSireneFiles(db.sql, files, { communes: FIXTURE_COMMUNES, ...options });

const register = () =>
  db.sql.query<Record<string, unknown>>(
    `SELECT siret, name, commune_code, legal_family::text, staff_band, active, to_char(ceased_on, 'YYYY-MM-DD') AS ceased_on, naf_rev2, naf_2025
     FROM register_establishment ORDER BY siret`,
  );

describe("importSirene", () => {
  it("stores the territory's ESS establishments; the same extract again changes nothing", async () => {
    const files = writeFixtureFiles(dir);
    const first = await run(files, { extractDate: "2026-11-01" });
    expect(first).toMatchObject({ extractDate: "2026-11-01", kept: 6, added: 6, changed: 0, removed: 0 });
    const stored = await register();
    expect(stored.map((r) => r.siret)).toEqual(["11111111100012", "11111111100020", "22222222200015", "22222222200023", "33333333300011", "66666666600010"]);
    expect(stored[1]).toMatchObject({ commune_code: "79081", active: false, ceased_on: "2021-06-30", staff_band: "NN", legal_family: "ASSOCIATION" });
    expect(stored[4]).toMatchObject({ name: null });

    const again = await run(files);
    expect(again).toMatchObject({ extractDate: "2026-10-02", kept: 6, added: 0, changed: 0, removed: 0 });
    expect(await register()).toEqual(stored);
    const [changes] = await db.sql.query<{ n: number }>("SELECT count(*)::int AS n FROM register_change WHERE import_id = $1::uuid", [again.id]);
    expect(changes?.n).toBe(0);
  });

  it("updates a newer extract in place and records what changed", async () => {
    const newer = FIXTURE_ESTABLISHMENTS.filter((e) => e.siret !== "22222222200023").map((e) =>
      e.siret === "11111111100012" ? { ...e, trancheEffectifsEtablissement: "11", etatAdministratifEtablissement: "F", dateDebut: "2026-09-30" } : e,
    );
    newer.push(establishment("11111111100038", { codeCommuneEtablissement: "79003" }));
    const report = await run(writeFixtureFiles(dir, newer));
    expect(report).toMatchObject({ kept: 6, added: 1, changed: 1, removed: 1 });
    const changes = await db.sql.query<{ siret: string; kind: string; fields: Record<string, unknown> }>(
      "SELECT siret, kind::text, fields FROM register_change WHERE import_id = $1::uuid ORDER BY siret",
      [report.id],
    );
    expect(changes.map((c) => [c.siret, c.kind])).toEqual([
      ["11111111100012", "CHANGED"],
      ["11111111100038", "ADDED"],
      ["22222222200023", "REMOVED"],
    ]);
    expect(changes[0]?.fields).toEqual({ staffBand: ["03", "11"], active: [true, false], ceasedOn: [null, "2026-09-30"] });
    expect(changes[2]?.fields).toMatchObject({ siren: "222222222", nafRev2: "62.01Z" });
    expect((await register()).find((r) => r.siret === "11111111100012")).toMatchObject({ staff_band: "11", active: false, ceased_on: "2026-09-30" });
  });

  it("leaves the register as it was when cancelled or when a file is malformed, and records why", async () => {
    const before = await register();
    const controller = new AbortController();
    const files = writeFixtureFiles(dir, [...FIXTURE_ESTABLISHMENTS, establishment("99999999900019", {})]);
    // Cancelled while the units file is read: the establishments are read, nothing is written.
    const units = stockFile(files.units);
    const slowUnits = {
      name: units.name,
      async *open() {
        controller.abort();
        yield* units.open();
      },
    };
    await expect(
      importSirene(db.sql, { units: slowUnits, establishments: stockFile(files.establishments), communes: FIXTURE_COMMUNES, signal: controller.signal }),
    ).rejects.toMatchObject({ name: "AbortError" });
    expect(await register()).toEqual(before);

    fs.writeFileSync(files.establishments, "siren,siret\n");
    await expect(run(files)).rejects.toThrow(/codeCommuneEtablissement/);
    expect(await register()).toEqual(before);

    const stops = await db.sql.query<{ status: string; error: string }>("SELECT status::text, error FROM register_import WHERE status <> 'DONE' ORDER BY seq");
    expect(stops).toEqual([
      { status: "CANCELLED", error: "Import annulé." },
      { status: "FAILED", error: expect.stringMatching(/la colonne « codeCommuneEtablissement » manque/) },
    ]);
  });
});
