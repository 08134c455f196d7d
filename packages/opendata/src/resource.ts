// What an /opendata/ route answers: a file to send (its type, name and body), or an HTTP error.
import { DEMO_DATA_NOTICE } from "@oess/domain";
import { FORMATS, type Format, LICENSE } from "./catalog";
import type { Dataset, Row } from "./dataset";
import { EXCEL_FR_CSV, toCsv } from "./formats/csv";
import { jsonFromLines, toJson } from "./formats/json";
import { toXlsx } from "./formats/xlsx";

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export type Body = AsyncIterable<string | Uint8Array> | string;

export interface Resource {
  contentType: string;
  filename: string;
  body: () => Promise<Body> | Body;
  /** The body is a small text, built at once: its length can be told, on HEAD too. */
  small?: true;
}

export function jsonResource(value: unknown, filename: string, contentType = "application/json; charset=utf-8"): Resource {
  return { contentType, filename, body: () => `${JSON.stringify(value, null, 2)}\n`, small: true };
}

/** Where a dataset file's rows come from: the current data, or a released version. */
export interface RowSource {
  rows: () => AsyncIterable<Row[]>;
  /** The standard CSV, which the current data can stream straight from the database. */
  csv: () => Body;
  /** The records as JSON lines, and as SpreadsheetML rows, written by the database where it can (the current data on PostgreSQL). */
  jsonLines?: () => AsyncIterable<Uint8Array> | null;
  xlsxLines?: () => AsyncIterable<Uint8Array> | null;
  isDemo: boolean;
  /** When the rows last changed (the release's date, for a version). */
  lastModified: Date;
  version?: number;
}

export function datasetResource(dataset: Dataset, format: Format, source: RowSource): Resource {
  const day = source.lastModified.toISOString().slice(0, 10);
  const contentType =
    format === "xlsx" ? FORMATS.xlsx.mediaType : format === "json" ? "application/json; charset=utf-8" : "text/csv; charset=utf-8; header=present";
  const body = () => {
    if (format === "csv") return source.csv();
    if (format === "excel.csv") return toCsv(dataset.columns, source.rows(), EXCEL_FR_CSV);
    if (format === "xlsx") {
      const xmlLines = source.xlsxLines?.();
      return toXlsx(dataset.name, dataset.columns, xmlLines ? { xmlLines } : { batches: source.rows() });
    }
    const header = {
      dataset: dataset.name,
      title: dataset.title,
      ...(source.version !== undefined ? { version: source.version } : {}),
      license: { ...LICENSE },
      notice: source.isDemo ? DEMO_DATA_NOTICE : null,
      lastModified: source.lastModified.toISOString(),
    };
    const lines = source.jsonLines?.();
    return lines ? jsonFromLines(header, dataset.columns, lines) : toJson(header, dataset.columns, source.rows());
  };
  const stem = source.version !== undefined ? `${dataset.name}-v${source.version}` : `${dataset.name}-${day}`;
  return { contentType, filename: `${stem}.${format}`, body };
}
