import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { Column, Row } from "../dataset";
import { toXlsx } from "./xlsx";

async function read(columns: readonly Column[], rows: Row[]): Promise<ExcelJS.Worksheet> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of toXlsx("essai", columns, {
    batches: (async function* () {
      yield rows;
    })(),
  }))
    chunks.push(chunk);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await new Response(Buffer.concat(chunks)).arrayBuffer());
  const sheet = workbook.getWorksheet("essai");
  if (!sheet) throw new Error("no sheet");
  return sheet;
}

const column = (name: string, type: Column["type"]): Column => ({ name, type, title: name, description: "" });

describe("XLSX writer", () => {
  it("keeps text exactly (entities, spaces) but the characters XML forbids, and writes numbers, booleans, dates and empty cells as such", async () => {
    const columns = [column("text", "string"), column("n", "number"), column("ok", "boolean"), column("day", "date"), column("none", "string")];
    const sheet = await read(columns, [{ text: ' A & B <C> "D"\u0001 ', n: 12.5, ok: true, day: "2024-02-29", none: null }]);
    const row = sheet.getRow(2);
    expect(row.getCell(1).value).toBe(' A & B <C> "D" ');
    expect(row.getCell(2).value).toBe(12.5);
    expect(row.getCell(3).value).toBe(true);
    expect(row.getCell(4).value).toEqual(new Date("2024-02-29T00:00:00Z"));
    expect(row.getCell(5).value).toBeNull();
  });

  it("names columns past Z as a spreadsheet does (AA, AB…), header and filter included", async () => {
    const columns = Array.from({ length: 28 }, (_, i) => column(`c${i + 1}`, "integer"));
    const sheet = await read(columns, [Object.fromEntries(columns.map((c, i) => [c.name, i + 1]))]);
    expect(sheet.getRow(1).getCell(28).value).toBe("c28");
    expect(sheet.getCell("AB2").value).toBe(28);
    expect(sheet.autoFilter).toBe("A1:AB1");
  });
});
