// The admin page's SIRENE import as it crosses HTTP: a multipart upload, streamed to disk, then
// imported in the background, followed and cancelled through GraphQL.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createTestDatabase, type TestDatabase } from "@oess/db/testing";
import { loadTerritory } from "@oess/domain";
import { establishment, writeFixtureFiles } from "@oess/sirene/fixtures";
import { ESTABLISHMENT_HEADER, stockLine } from "@oess/sirene/official-shape";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, createApp } from "./app";
import { CSRF, graphqlAs, signIn as signInAs } from "./test-client";

let db: TestDatabase;
let app: App;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "register-upload-"));
beforeAll(async () => {
  db = await createTestDatabase({ seed: true });
  app = createApp({ db, territory: loadTerritory(), urls: { openDataPage: "http://dashboard.test/donnees-ouvertes" } });
});
afterAll(async () => {
  await db.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

const graphql = (query: string, cookie: string) => graphqlAs(app, cookie, query);
const signIn = (email: string) => signInAs(app, email);
function upload(files: { units?: string; establishments?: string }, cookie: string, headers: Record<string, string> = CSRF, extractDate = "2026-11-01") {
  const form = new FormData();
  for (const [field, file] of Object.entries(files)) form.set(field, new File([fs.readFileSync(file)], path.basename(file)));
  form.set("extractDate", extractDate);
  return app.fetch("http://localhost/register/imports", { method: "POST", headers: { cookie, ...headers }, body: form });
}
const JOB = `{ registerImportJob { status files phase rowsRead kept added error } }`;
async function finished(cookie: string) {
  for (;;) {
    const job = (await graphql(JOB, cookie)).data?.registerImportJob;
    if (job?.status !== "RUNNING") return job;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("POST /register/imports", () => {
  it("imports the uploaded files in the background and says how it went", async () => {
    const admin = await signIn("coordination@elan-niortais.example");
    const files = writeFixtureFiles(dir);
    const response = await upload(files, admin);
    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({ files: "StockUniteLegale_utf8.csv, StockEtablissement_utf8.csv" });
    expect(await finished(admin)).toMatchObject({ status: "DONE", kept: 6, added: 6, error: null });
    const source = await graphql(`{ registerSource { extractDate establishments } registerImports { status files demo extractDate } }`, admin);
    expect(source.data.registerSource).toEqual({ extractDate: "2026-11-01", establishments: 6 });
    expect(source.data.registerImports[0]).toEqual({
      status: "DONE",
      files: "StockUniteLegale_utf8.csv, StockEtablissement_utf8.csv",
      demo: false,
      extractDate: "2026-11-01",
    });
    // The uploaded files are gone once imported.
    expect(fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith("oess-sirene-"))).toEqual([]);
  });

  it("refuses whoever is not a coordination admin, a request without the CSRF header, and an incomplete upload", async () => {
    const files = writeFixtureFiles(dir);
    const editor = await signIn("editrice@agglo-niort.example");
    expect((await upload(files, editor)).status).toBe(403);
    expect((await graphql(JOB, editor)).errors?.[0]?.message).toBeDefined();
    const admin = await signIn("coordination@elan-niortais.example");
    expect((await upload(files, admin, {})).status).toBe(403);
    const missing = await upload({ units: files.units }, admin);
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: string }).error).toMatch(/StockEtablissement \(champ establishments\)/);
    const badDate = await upload(files, admin, CSRF, "01/11/2026");
    expect(((await badDate.json()) as { error: string }).error).toMatch(/AAAA-MM-JJ/);
  });

  it("cancels a running import: the register stays as it was", async () => {
    const admin = await signIn("coordination@elan-niortais.example");
    const before = await db.sql.query("SELECT siret FROM register_establishment ORDER BY siret");
    // A national-like establishments file: 400 000 rows outside the territory after the fixture's.
    const files = writeFixtureFiles(dir);
    const far = establishment("10000000000001", { codeCommuneEtablissement: "75056" });
    const filler = Array.from({ length: 400_000 }, (_, i) => stockLine(ESTABLISHMENT_HEADER, { ...far, siret: String(10_000_000_000_000 + i) })).join("");
    fs.appendFileSync(files.establishments, filler);
    expect((await upload(files, admin)).status).toBe(202);
    expect((await graphql(`mutation { cancelRegisterImport }`, admin)).data.cancelRegisterImport).toBe(true);
    expect(await finished(admin)).toMatchObject({ status: "CANCELLED", error: "Import annulé : le registre est resté tel qu'il était." });
    expect(await db.sql.query("SELECT siret FROM register_establishment ORDER BY siret")).toEqual(before);
    expect((await graphql(`mutation { cancelRegisterImport }`, admin)).data.cancelRegisterImport).toBe(false);
  });
});
