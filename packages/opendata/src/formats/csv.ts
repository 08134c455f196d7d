// CSV as data.gouv.fr expects it: UTF-8, comma, `.` decimals, ISO dates, one header row (RFC 4180
// quoting). Written exactly as PostgreSQL's COPY … CSV writes it, so that both paths give the same
// bytes: LF line ends, a missing value as nothing, an empty text as "". Beside it, the dialect
// Excel France opens with a double click: a BOM, `;`, `,` decimals, CRLF.
import { FORMULA_START } from "@oess/domain";
import type { Column, Row } from "../dataset";
import { inPieces } from "./pieces";

export interface CsvDialect {
  separator: "," | ";";
  decimal: "." | ",";
  newline: "\n" | "\r\n";
  bom: boolean;
}

const STANDARD_CSV: CsvDialect = { separator: ",", decimal: ".", newline: "\n", bom: false };
export const EXCEL_FR_CSV: CsvDialect = { separator: ";", decimal: ",", newline: "\r\n", bom: true };

/**
 * A text cell a spreadsheet would run as a formula, made inert with a leading apostrophe (OWASP).
 * Entry refuses such text already; this covers what came before, and any other way in.
 */
const inertText = (value: Row[string] | undefined): Row[string] | undefined => (typeof value === "string" && FORMULA_START.test(value) ? `'${value}` : value);

function csvField(value: Row[string] | undefined, needsQuotes: RegExp): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return text === "" || needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export async function* toCsv(columns: readonly Column[], batches: AsyncIterable<Row[]>, dialect: CsvDialect = STANDARD_CSV): AsyncGenerator<string> {
  const names = columns.map((c) => c.name);
  const needsQuotes = new RegExp(`["${dialect.separator}\r\n]`);
  const line = (values: ReadonlyArray<Row[string] | undefined>) => `${values.map((v) => csvField(v, needsQuotes)).join(dialect.separator)}${dialect.newline}`;
  const decimal = (value: Row[string] | undefined) =>
    dialect.decimal === "," && value !== null && value !== undefined ? String(value).replace(".", ",") : value;
  // Text columns are made inert; numbers (a negative amount) and dates stay as they are.
  const cell = columns.map((c) => (c.type === "string" ? inertText : c.type === "number" ? decimal : (value: Row[string] | undefined) => value));
  yield `${dialect.bom ? "\uFEFF" : ""}${line(names)}`;
  yield* inPieces(batches, (row) => line(names.map((n, i) => (cell[i] as typeof inertText)(row[n]))));
}
