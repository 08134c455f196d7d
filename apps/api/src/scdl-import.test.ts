// A public body imports the SCDL file it already publishes, as it would: the file downloaded from
// /opendata, sent to the import, reviewed and published; the export then gives the same file.
import { createTestDatabase, type TestDatabase } from "@oess/db/testing";
import { loadTerritory } from "@oess/domain";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, createApp } from "./app";
import { CSRF, signIn as signInAs } from "./test-client";

let db: TestDatabase;
let app: App;
let can: { id: string; siret: string };
beforeAll(async () => {
  db = await createTestDatabase({ seed: true });
  app = createApp({ db, territory: loadTerritory(), urls: { openDataPage: "http://dashboard.test/donnees-ouvertes" } });
  const partner = await db.prisma.partner.findUniqueOrThrow({ where: { slug: "can" } });
  can = { id: partner.id, siret: partner.siret as string };
});
afterAll(() => db.dispose());

const signIn = (email: string) => signInAs(app, email);
const download = async (path: string) => (await app.fetch(`http://localhost/opendata/${path}`)).text();

const IMPORT = (name: string) => `mutation ($p: String!, $f: File!) { ${name}(partnerId: $p, kind: SCDL, file: $f) {
  rowCount created updated unchanged ignored applied format problems { line column message } } }`;
async function send(name: "previewImport" | "runImport", file: File, cookie: string, partnerId = can.id) {
  const form = new FormData();
  form.set("operations", JSON.stringify({ query: IMPORT(name), variables: { p: partnerId, f: null } }));
  form.set("map", JSON.stringify({ 0: ["variables.f"] }));
  form.set("0", file);
  const response = await app.fetch("http://localhost/graphql", { method: "POST", headers: { cookie, ...CSRF }, body: form });
  const body = (await response.json()) as { data?: any; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data[name];
}

/** The same table written as Excel France saves it: semicolons, Windows-1252, CRLF. */
function excelFrance(csv: string, columns: (header: string[]) => string[] = (h) => h): Uint8Array<ArrayBuffer> {
  const [header = [], ...rows] = parse(csv) as string[][];
  const kept = columns(header);
  const cell = (v: string) => (/[";\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const text = [kept, ...rows.map((r) => kept.map((c) => r[header.indexOf(c)] ?? ""))].map((r) => r.map(cell).join(";")).join("\r\n");
  expect([...text].every((c) => c.charCodeAt(0) < 256)).toBe(true);
  return new Uint8Array(Buffer.from(`${text}\r\n`, "latin1"));
}

describe("SCDL import of a public body", () => {
  it("round trip: the exported SCDL, imported into the emptied organisation and published, exports the same file", async () => {
    const own = await download(`scdl/subventions.csv?attribuant=${can.siret}`);
    const everyone = await download("scdl/subventions.csv");
    const ownRows = (parse(own) as string[][]).length - 1;
    expect(ownRows).toBeGreaterThan(3);
    const others = (parse(everyone) as string[][]).length - 1 - ownRows;
    expect(others).toBeGreaterThan(0);

    // The organisation's grants are gone; its beneficiaries are still known.
    await db.sql.query("DELETE FROM funding WHERE funder_id = $1::uuid AND instrument = 'GRANT'", [can.id]);
    expect(await download(`scdl/subventions.csv?attribuant=${can.siret}`)).toBe(`${own.split("\n")[0]}\n`);

    const editor = await signIn("editrice@agglo-niort.example");
    const file = new File([everyone], "subventions-publiees.csv", { type: "text/csv" });
    expect(await send("previewImport", file, editor)).toMatchObject({ rowCount: ownRows, created: ownRows, ignored: others, applied: false, problems: [] });
    expect(await send("runImport", file, editor)).toMatchObject({ created: ownRows, applied: true });
    // Idempotent: the same file again changes nothing.
    expect(await send("runImport", file, editor)).toMatchObject({ created: 0, updated: 0, unchanged: ownRows, applied: true });

    const drafts = await db.sql.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM funding WHERE funder_id = $1::uuid AND instrument = 'GRANT' AND status = 'DRAFT'",
      [can.id],
    );
    expect(drafts[0]?.n).toBe(ownRows);
    await db.sql.query(
      "UPDATE funding SET status = 'PUBLISHED', published_at = now() WHERE funder_id = $1::uuid AND instrument = 'GRANT' AND status = 'DRAFT'",
      [can.id],
    );
    expect(await download(`scdl/subventions.csv?attribuant=${can.siret}`)).toBe(own);
  });

  it("reads the file as Excel France saves it, and a file without the optional columns", async () => {
    const editor = await signIn("editrice@agglo-niort.example");
    const own = await download(`scdl/subventions.csv?attribuant=${can.siret}`);
    const rows = (parse(own) as string[][]).length - 1;
    const excel = await send("previewImport", new File([excelFrance(own)], "subventions.csv"), editor);
    expect(excel).toMatchObject({ format: "Windows-1252", rowCount: rows, unchanged: rows, problems: [] });
    // Without dispositifAide and idRAE, into the emptied organisation again.
    const older = excelFrance(own, (h) => h.filter((c) => c !== "dispositifAide" && c !== "idRAE"));
    await db.sql.query("DELETE FROM funding WHERE funder_id = $1::uuid AND instrument = 'GRANT'", [can.id]);
    const v20 = await send("runImport", new File([older], "subventions-2.0.csv"), editor);
    expect(v20).toMatchObject({ rowCount: rows, created: rows, applied: true, problems: [] });
    const aidSchemes = await db.sql.query<{ n: number }>(
      "SELECT count(aid_scheme)::int AS n FROM funding WHERE funder_id = $1::uuid AND instrument = 'GRANT'",
      [can.id],
    );
    expect(aidSchemes[0]?.n).toBe(0);
    await db.sql.query("UPDATE funding SET status = 'PUBLISHED', published_at = now() WHERE funder_id = $1::uuid AND instrument = 'GRANT'", [can.id]);
  });

  it("lists what it cannot match, in the SCDL's own column names, and writes nothing", async () => {
    const editor = await signIn("editrice@agglo-niort.example");
    const own = await download(`scdl/subventions.csv?attribuant=${can.siret}`);
    const [header = [], first = []] = parse(own) as string[][];
    const stranger = [...first];
    stranger[header.indexOf("idBeneficiaire")] = "73282932000074";
    stranger[header.indexOf("referenceDecision")] = "DEL-INCONNUE";
    const csv = [header, first, stranger].map((r) => r.map((v) => `"${v.replaceAll('"', '""')}"`).join(",")).join("\n");
    const before = await db.prisma.funding.count();
    const result = await send("runImport", new File([csv], "avec-inconnu.csv"), editor);
    expect(result.applied).toBe(false);
    expect(result.problems).toEqual([
      { line: 3, column: "idBeneficiaire", message: "Aucune entreprise connue (ou visible pour vous) n'a le SIRET ou RNA 73282932000074." },
    ]);
    expect(await db.prisma.funding.count()).toBe(before);

    // Only a public body publishes SCDL: a cooperative's import is refused, whoever asks.
    const coordination = await signIn("coordination@elan-niortais.example");
    const cooperative = await db.prisma.partner.findUniqueOrThrow({ where: { slug: "scic-elan" } });
    expect(cooperative.isPublicBody).toBe(false);
    const refused = await send("previewImport", new File([csv], "subventions.csv"), coordination, cooperative.id);
    expect(refused.problems).toEqual([{ line: 0, column: "", message: expect.stringMatching(/réservé aux personnes publiques/) }]);
  });
});
