// XLSX for people who open files in a spreadsheet, written as a stream (exceljs' streaming writer):
// dates and instants as date cells in the French format, numbers as numbers, text as text, and a
// header row that stays in view and filters.
import { once } from "node:events";
import { PassThrough, type Writable } from "node:stream";
import type { Column, Row } from "../dataset";
import { typed } from "../read";

export function toXlsx(sheetName: string, columns: readonly Column[], batches: AsyncIterable<Row[]>): AsyncIterable<Uint8Array> {
  const output = new PassThrough();
  (async () => {
    // Loaded on first use: exceljs is large, and most requests never need it.
    const { default: ExcelJS } = await import("exceljs");
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
    const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = columns.map((c) => ({ key: c.name, width: Math.max(12, c.name.length + 2), style: CELL_STYLES[c.type] ?? {} }));
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
    const header = sheet.addRow(columns.map((c) => c.name));
    header.font = { bold: true };
    header.commit();
    for await (const rows of batches) {
      for (const row of rows) {
        const values = typed(columns, row);
        sheet.addRow(columns.map((c) => cellValue(c, values[c.name]))).commit();
      }
      // Wait for the reader before the next batch: a slow download must not fill memory.
      if (output.writableNeedDrain) await drainedOrClosed(output);
      if (output.destroyed) return;
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => output.destroy(error as Error));
  return output;
}

const CELL_STYLES: Partial<Record<Column["type"], { numFmt: string }>> = {
  date: { numFmt: "dd/mm/yyyy" },
  datetime: { numFmt: "dd/mm/yyyy hh:mm" },
};

/** Dates become date cells (midnight UTC: the day itself, whatever the reader's time zone); the rest as typed. */
function cellValue(column: Column, value: Row[string] | undefined): Row[string] | Date | undefined {
  if (typeof value !== "string" || (column.type !== "date" && column.type !== "datetime")) return value;
  const moment = new Date(column.type === "date" ? `${value}T00:00:00Z` : value);
  return Number.isNaN(moment.getTime()) ? value : moment;
}

/** Once the reader is gone (the stream destroyed) `drain` never comes: `close` ends the wait too. */
async function drainedOrClosed(stream: Writable): Promise<void> {
  const done = new AbortController();
  const options = { signal: done.signal };
  await Promise.race([once(stream, "drain", options), once(stream, "close", options)]).finally(() => done.abort());
}
