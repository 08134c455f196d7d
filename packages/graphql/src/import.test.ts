// Imports: preview, all-or-nothing, natural keys (re-importing changes nothing), CSV and XLSX.

import type { Viewer } from "@oess/app";
import { createTestDatabase, type TestDatabase } from "@oess/db/testing";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, runner } from "./fixtures";

let db: TestDatabase;
let t: ReturnType<typeof runner>;
let editor: Viewer;
let can: string;
let sirets: string[];
beforeAll(async () => {
  db = await createTestDatabase({ seed: true });
  t = runner(db);
  editor = await t.viewerOf(DEMO.editorCan);
  can = await t.partnerId("can");
  const published = await db.prisma.enterprise.findMany({ where: { status: "PUBLISHED", siret: { not: null } }, orderBy: { seq: "asc" }, take: 3 });
  sirets = published.map((e) => e.siret as string);
});
afterAll(() => db.dispose());

const IMPORT = (name: string) => `mutation ($p: String!, $k: ImportKind!, $f: File!) { ${name}(partnerId: $p, kind: $k, file: $f) {
  rowCount created updated unchanged applied problems { line column message } } }`;
const send = async (name: "previewImport" | "runImport", kind: string, file: File, viewer: Viewer = editor) => {
  const result = await t.run(IMPORT(name), { p: can, k: kind, f: file }, viewer);
  expect(result.errors).toBeUndefined();
  return result.data[name];
};
const csv = (name: string, text: string) => new File([`\uFEFF${text}`], name, { type: "text/csv" });
const audits = () => db.prisma.auditEvent.count();

describe("jobs from CSV", () => {
  const file = () => csv("emplois-2026.csv", `SIRET;Année;Emplois créés;ETP\n${sirets[0]};2026;3;2,5\n${sirets[1]?.replace(/(\d{3})/g, "$1 ")};2026;1;1\n`);

  it("previews, imports in one go as drafts of the organisation, and changes nothing on a second import", async () => {
    expect(await send("previewImport", "JOBS", file())).toEqual({ rowCount: 2, created: 2, updated: 0, unchanged: 0, applied: false, problems: [] });
    expect(await db.prisma.jobRecord.count({ where: { year: 2026 } })).toBe(0);

    const before = await audits();
    expect(await send("runImport", "JOBS", file())).toMatchObject({ created: 2, applied: true });
    const rows = await db.prisma.jobRecord.findMany({ where: { year: 2026 }, orderBy: { jobsCreated: "desc" } });
    expect(rows.map((r) => [r.jobsCreated, r.fte.toFixed(), r.status, r.ownerPartnerId, r.source])).toEqual([
      [3, "2.5", "DRAFT", can, "Import emplois-2026.csv"],
      [1, "1", "DRAFT", can, "Import emplois-2026.csv"],
    ]);
    expect(await audits()).toBe(before + 2);

    expect(await send("runImport", "JOBS", file())).toMatchObject({ created: 0, updated: 0, unchanged: 2, applied: true });
    expect(await audits()).toBe(before + 2);

    const changed = csv("emplois-2026.csv", `siret;annee;emplois_crees;etp\n${sirets[0]};2026;4;3\n${sirets[1]};2026;1;1\n`);
    expect(await send("runImport", "JOBS", changed)).toMatchObject({ created: 0, updated: 1, unchanged: 1, applied: true });
    expect(await audits()).toBe(before + 3);
  });

  it("lists every faulty row with its column and reason, and writes nothing at all", async () => {
    const bad = csv(
      "emplois.csv",
      `siret,annee,emplois_crees,etp\n${sirets[2]},2027,2,1.5\n73282932000075,2027,1,1\n${sirets[2]},2027,x,1\n${sirets[2]},1999,2,3\n${sirets[2]},2027,2,1.5\n`,
    );
    const before = await audits();
    const report = await send("runImport", "JOBS", bad);
    expect(report.applied).toBe(false);
    expect(report.problems).toEqual([
      { line: 3, column: "siret", message: "Aucune entreprise connue (ou visible pour vous) n'a le SIRET ou RNA 73282932000075 : enregistrez-la d'abord." },
      { line: 4, column: "emplois_crees", message: "« x » n'est pas un nombre entier." },
      { line: 5, column: "annee", message: "Année entre 2000 et 2100 attendue." },
      { line: 5, column: "etp", message: "Les équivalents temps plein ne peuvent dépasser le nombre d'emplois créés." },
      { line: 6, column: "annee", message: "Même entreprise et même année qu'à la ligne 2." },
    ]);
    expect(await db.prisma.jobRecord.count({ where: { year: 2027 } })).toBe(0);
    expect(await audits()).toBe(before);
  });

  it("names missing columns and unreadable files", async () => {
    expect((await send("previewImport", "JOBS", csv("x.csv", "siret;annee\n1;2\n"))).problems).toEqual([
      { line: 1, column: "emplois_crees", message: "Colonne manquante." },
      { line: 1, column: "etp", message: "Colonne manquante." },
    ]);
    expect((await send("previewImport", "JOBS", new File(["PK..."], "x.xlsx"))).problems[0].message).toMatch(/^Classeur XLSX illisible/);
    expect((await send("previewImport", "JOBS", new File(["a"], "x.pdf"))).problems[0].message).toBe(
      "Format non pris en charge : envoyez un fichier .csv ou .xlsx.",
    );
  });
});

describe("fundings from XLSX", () => {
  async function workbook(amount: number | string) {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Financements");
    sheet.addRow(["financeur", "beneficiaire_siret", "montant", "annee", "date_decision", "instrument", "objet", "reference_decision", "date_convention"]);
    sheet.addRow(["can", sirets[0], amount, 2026, new Date("2026-02-03T00:00:00Z"), "Subvention", "Aide à l'emploi", "DEL-2026-014", "17/02/2026"]);
    sheet.addRow(["ville-niort", sirets[1], 3000, 2026, "2026-03-01", "prêt", "Prêt d'honneur", "VN-2026-2", ""]);
    return new File([new Uint8Array(await book.xlsx.writeBuffer())], "financements.xlsx");
  }

  it("imports the first sheet, dates typed or French, and matches rows again on funder, decision and beneficiary", async () => {
    expect(await send("runImport", "FUNDINGS", await workbook(12500.5))).toMatchObject({ rowCount: 2, created: 2, applied: true, problems: [] });
    const grant = await db.prisma.funding.findFirstOrThrow({ where: { decisionReference: "DEL-2026-014" } });
    expect([
      grant.amount.toFixed(),
      grant.decisionDate.toISOString().slice(0, 10),
      grant.conventionDate?.toISOString().slice(0, 10),
      grant.instrument,
      grant.status,
    ]).toEqual(["12500.5", "2026-02-03", "2026-02-17", "GRANT", "DRAFT"]);
    expect(await send("runImport", "FUNDINGS", await workbook(12500.5))).toMatchObject({ created: 0, unchanged: 2 });
    expect(await send("previewImport", "FUNDINGS", await workbook(13000))).toMatchObject({ updated: 1, unchanged: 1 });
  });

  it("refuses to overwrite a published funding through an import", async () => {
    await db.prisma.funding.updateMany({ where: { decisionReference: "VN-2026-2" }, data: { status: "PUBLISHED" } });
    const text = csv(
      "f.csv",
      `financeur,beneficiaire_siret,montant,annee,date_decision,instrument,objet,reference_decision\nville-niort,${sirets[1]},3500,2026,2026-03-01,pret,Prêt d'honneur,VN-2026-2\n`,
    );
    const report = await send("runImport", "FUNDINGS", text);
    expect(report.problems).toEqual([
      {
        line: 2,
        column: "reference_decision",
        message:
          "Le financement VN-2026-2 existe déjà, avec d'autres valeurs, et il est soumis, publié ou d'une autre organisation : demandez à la coordination de le modifier.",
      },
    ]);
  });
});

describe("a preview the partner can check", () => {
  const PREVIEW = `mutation ($p: String!, $k: ImportKind!, $f: File!) { previewImport(partnerId: $p, kind: $k, file: $f) {
    problems { line column message } rows { line action values { column value defaulted } enterprise { name siret communeName } } } }`;
  const header = "financeur;beneficiaire_siret;montant;annee;date_decision;instrument;objet;reference_decision\n";

  it("reports every problem of a row at once, a day the calendar lacks included", async () => {
    const file = csv("f.csv", `${header}nope;${sirets[0]};douze;20x6;31/02/2025;chèque;;\n`);
    const report = (await t.run(PREVIEW, { p: can, k: "FUNDINGS", f: file }, editor)).data.previewImport;
    expect(report.problems.map((p: { column: string }) => p.column).sort()).toEqual(
      ["annee", "date_decision", "financeur", "instrument", "montant", "objet", "reference_decision"].sort(),
    );
    expect(report.problems.find((p: { column: string }) => p.column === "date_decision").message).toBe(
      "« 31/02/2025 » n'est pas une date du calendrier (JJ/MM/AAAA ou AAAA-MM-JJ).",
    );
    expect(report.rows).toEqual([expect.objectContaining({ line: 2, action: "INVALID" })]);
  });

  it("shows each row as read, the enterprise matched, and the defaults it applies", async () => {
    const enterprise = await db.prisma.enterprise.findFirstOrThrow({ where: { siret: sirets[0] }, include: { commune: true } });
    const file = csv("f.csv", `${header}can;${sirets[0]};12 500,50;2026;05/03/2026;subvention;Aide au démarrage;PRE-2026-1\n`);
    const report = (await t.run(PREVIEW, { p: can, k: "FUNDINGS", f: file }, editor)).data.previewImport;
    expect(report.problems).toEqual([]);
    const [row] = report.rows;
    expect(row).toMatchObject({ line: 2, action: "CREATE", enterprise: { name: enterprise.name, siret: sirets[0], communeName: enterprise.commune.name } });
    const value = (column: string) => row.values.find((v: { column: string }) => v.column === column);
    expect(value("montant").value).toMatch(/^12\s500,50\s€$/u);
    // In words: a file that swapped day and month would show it at once.
    expect(value("date_decision")).toEqual({ column: "date_decision", value: "5 mars 2026", defaulted: false });
    expect(value("nature")).toEqual({ column: "nature", value: "aide en numéraire", defaulted: true });
    expect(value("conditions_versement")).toEqual({ column: "conditions_versement", value: "unique", defaulted: true });
    expect(value("notification_ue")).toEqual({ column: "notification_ue", value: "non", defaulted: true });
    expect(value("millesime")).toEqual({ column: "millesime", value: "2026", defaulted: true });
    expect(value("dispositif")).toEqual({ column: "dispositif", value: "", defaulted: false });
  });
});

describe("fuzzing imports (fast-check)", () => {
  it("answers any file with a report, never a server error, and writes nothing unless every row is valid", async () => {
    const footprint = async () =>
      (
        await db.sql.query<{ n: string }>(
          "SELECT concat_ws('/', (SELECT count(*) FROM job_record), (SELECT count(*) FROM funding), (SELECT count(*) FROM audit_event)) AS n",
        )
      )[0]?.n;
    const header = fc.constantFrom(
      "siret;annee;emplois_crees;etp\n",
      "financeur,beneficiaire_siret,montant,annee,date_decision,instrument,objet,reference_decision\n",
      "",
    );
    const cell = fc.oneof(fc.string(), fc.constantFrom("2024", "1,5", sirets[0] ?? "", "can", "subvention", "31/02/2024", "-3", '"'));
    const line = fc.array(cell, { maxLength: 9 }).map((cells) => cells.join(fc.sample(fc.constantFrom(";", ","), 1)[0]));
    await fc.assert(
      fc.asyncProperty(
        header,
        fc.array(line, { maxLength: 6 }),
        fc.constantFrom("JOBS", "FUNDINGS"),
        fc.constantFrom("f.csv", "f.xlsx", "f.txt"),
        async (head, lines, kind, name) => {
          const before = await footprint();
          const result = await t.run(IMPORT("runImport"), { p: can, k: kind, f: new File([head + lines.join("\n")], name) }, editor);
          expect(result.errors).toBeUndefined();
          const report = result.data.runImport;
          if (!report.applied) expect(await footprint()).toBe(before);
          else expect(report.problems).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("encodings", () => {
  const header = "financeur;beneficiaire_siret;montant;annee;date_decision;instrument;objet;reference_decision\n";
  const row = () => `can;${sirets[2]};1500;2026;2026-04-01;subvention;Aide à la création;ENC-2026-1\n`;
  const FORMAT = `mutation ($p: String!, $f: File!) { previewImport(partnerId: $p, kind: FUNDINGS, file: $f) { format problems { line column message } } }`;

  it("reads Excel France's Windows-1252 CSV as such, says so in the preview, and keeps the accents", async () => {
    const bytes = new Uint8Array(Buffer.from(header + row(), "latin1"));
    expect(new TextDecoder().decode(bytes)).toContain("\ufffd"); // read as UTF-8, the accents are lost
    const preview = await t.run(FORMAT, { p: can, f: new File([bytes], "excel.csv") }, editor);
    expect(preview.data.previewImport).toEqual({ format: "Windows-1252", problems: [] });
    expect(await send("runImport", "FUNDINGS", new File([bytes], "excel.csv"))).toMatchObject({ created: 1, applied: true });
    expect((await db.prisma.funding.findFirstOrThrow({ where: { decisionReference: "ENC-2026-1" } })).purpose).toBe("Aide à la création");
  });

  it("tells UTF-8 with and without BOM apart", async () => {
    for (const [text, format] of [
      [`\uFEFF${header}${row()}`, "UTF-8 (avec BOM)"],
      [header + row(), "UTF-8"],
    ] as const) {
      expect((await t.run(FORMAT, { p: can, f: new File([text], "f.csv") }, editor)).data.previewImport.format).toBe(format);
    }
  });

  it("refuses a file in neither encoding, and UTF-16, with a message", async () => {
    const utf16 = new File([new Uint8Array([0xff, 0xfe, ...Buffer.from(header, "utf16le")])], "f.csv");
    expect((await t.run(FORMAT, { p: can, f: utf16 }, editor)).data.previewImport).toEqual({
      format: null,
      problems: [{ line: 0, column: "", message: "Ce fichier est en UTF-16 : enregistrez-le en « CSV UTF-8 » depuis votre tableur." }],
    });
    const binary = new File([new Uint8Array([...Buffer.from(header), 0x81, 0x00, 0x9d])], "f.csv");
    expect((await t.run(FORMAT, { p: can, f: binary }, editor)).data.previewImport.problems[0].message).toMatch(
      /^Encodage non reconnu : ce fichier n'est ni en UTF-8 ni en Windows-1252/,
    );
  });
});
