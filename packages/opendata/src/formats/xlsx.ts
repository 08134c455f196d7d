// XLSX for people who open files in a spreadsheet, written as a stream (exceljs' streaming writer).
import { once } from "node:events";
import { PassThrough, type Writable } from "node:stream";
import type { Column, Row } from "../dataset";
import { typed } from "../read";

export function toXlsx(sheetName: string, columns: readonly Column[], batches: AsyncIterable<Row[]>): AsyncIterable<Uint8Array> {
  const output = new PassThrough();
  (async () => {
    // Loaded on first use: exceljs is large, and most requests never need it.
    const { default: ExcelJS } = await import("exceljs");
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: false, useSharedStrings: false });
    const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
    sheet.addRow(columns.map((c) => c.name)).commit();
    for await (const rows of batches) {
      for (const row of rows) {
        const values = typed(columns, row);
        sheet.addRow(columns.map((c) => values[c.name])).commit();
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

/** Once the reader is gone (the stream destroyed) `drain` never comes: `close` ends the wait too. */
async function drainedOrClosed(stream: Writable): Promise<void> {
  const done = new AbortController();
  const options = { signal: done.signal };
  await Promise.race([once(stream, "drain", options), once(stream, "close", options)]).finally(() => done.abort());
}
