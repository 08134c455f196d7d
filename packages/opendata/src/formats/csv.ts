// CSV as data.gouv.fr expects it: UTF-8, comma, `.` decimals, ISO dates, one header row (RFC 4180
// quoting). Written exactly as PostgreSQL's COPY … CSV writes it, so that both paths give the same
// bytes: LF line ends, a missing value as nothing, an empty text as "".
import { FORMULA_START } from "@oess/domain";
import type { Column, Row } from "../dataset";

const NEEDS_QUOTES = /[",\r\n]/;

/**
 * A text cell a spreadsheet would run as a formula, made inert with a leading apostrophe (OWASP).
 * Entry refuses such text already; this covers what came before, and any other way in.
 */
const inertText = (value: Row[string] | undefined): Row[string] | undefined => (typeof value === "string" && FORMULA_START.test(value) ? `'${value}` : value);

function csvField(value: Row[string] | undefined): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return text === "" || NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const csvLine = (values: ReadonlyArray<Row[string] | undefined>): string => `${values.map(csvField).join(",")}\n`;

export async function* toCsv(columns: readonly Column[], batches: AsyncIterable<Row[]>): AsyncGenerator<string> {
  const names = columns.map((c) => c.name);
  // Only text columns: numbers (a negative amount) and dates stay as they are.
  const cell = columns.map((c) => (c.type === "string" ? inertText : (value: Row[string] | undefined) => value));
  yield csvLine(names);
  for await (const rows of batches) {
    let chunk = "";
    for (const row of rows) chunk += csvLine(names.map((n, i) => (cell[i] as typeof inertText)(row[n])));
    yield chunk;
  }
}
