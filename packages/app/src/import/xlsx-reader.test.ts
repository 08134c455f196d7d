// The streaming XLSX reader against workbooks written by exceljs (as a spreadsheet would) and
// against archives crafted by hand (what an attacker would send).
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readXlsxRows, TooManyRows } from "./xlsx-reader";
import { ZipError } from "./zip";
import { sheet, zip } from "./zip.fixture";

const LIMITS = { maxRows: 1000, maxEntryBytes: 1024 * 1024 };

describe("XLSX reader", () => {
  it("reads what a spreadsheet writes: shared and inline strings, numbers, dates, booleans, gaps", async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet("Données");
    ws.addRow(["siret", "montant", "date", "oui", "objet"]);
    ws.addRow(["73282932000074", 12500.5, new Date("2026-02-03T00:00:00Z"), true, { richText: [{ text: "Aide à " }, { text: "l'emploi" }] }]);
    ws.getCell("A4").value = 73282932000074;
    ws.getCell("C4").value = "17/02/2026";
    const rows = await readXlsxRows(new Uint8Array(await book.xlsx.writeBuffer()), LIMITS);
    expect(rows).toEqual([
      ["siret", "montant", "date", "oui", "objet"],
      ["73282932000074", "12500.5", "2026-02-03", "true", "Aide à l'emploi"],
      [],
      ["73282932000074", "", "17/02/2026"],
    ]);
  });

  it("stops at the first row past the limit, whatever the sheet holds after it", async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join("");
    const file = zip({ "xl/worksheets/sheet1.xml": sheet(rows) });
    await expect(readXlsxRows(file, LIMITS)).rejects.toThrow(TooManyRows);
    // A first row numbered far away is refused at once.
    await expect(readXlsxRows(zip({ "xl/worksheets/sheet1.xml": sheet(`<row r="1048576"><c><v>1</v></c></row>`) }), LIMITS)).rejects.toThrow(TooManyRows);
  });

  it("refuses a part that inflates past the cap, even when the archive lies about its size", async () => {
    const huge = sheet(`<row r="1"><c t="inlineStr"><is><t>${"A".repeat(2 * 1024 * 1024)}</t></is></c></row>`);
    await expect(readXlsxRows(zip({ "xl/worksheets/sheet1.xml": huge }), LIMITS)).rejects.toThrow(/once inflated/);
    await expect(readXlsxRows(zip({ "xl/worksheets/sheet1.xml": huge }, { "xl/worksheets/sheet1.xml": 100 }), LIMITS)).rejects.toThrow(/inflates to more than/);
  });

  it("says what is wrong with a file that is not an archive", async () => {
    await expect(readXlsxRows(new TextEncoder().encode("PK not really"), LIMITS)).rejects.toThrow(ZipError);
  });
});
