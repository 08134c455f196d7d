// XLSX for people who open files in a spreadsheet, written as a stream (exceljs' streaming writer).
import { once } from "node:events";
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import type { Column, Row } from "../dataset";

export function toXlsx(sheetName: string, columns: readonly Column[], batches: AsyncIterable<Row[]>): AsyncIterable<Uint8Array> {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  const numeric = columns.map((c) => c.type === "integer" || c.type === "number");
  (async () => {
    sheet.addRow(columns.map((c) => c.name)).commit();
    for await (const rows of batches) {
      for (const row of rows) {
        sheet.addRow(columns.map((c, i) => (numeric[i] && row[c.name] !== null && row[c.name] !== undefined ? Number(row[c.name]) : row[c.name] ?? null))).commit();
      }
      // Wait for the reader before the next batch: a slow download must not fill memory.
      if (output.writableNeedDrain) await once(output, "drain");
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => output.destroy(error as Error));
  return output;
}
