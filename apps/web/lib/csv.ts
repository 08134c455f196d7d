// CSV of exactly what a chart shows, as a link that works without JavaScript (a data: URL).
export interface Column<Row> {
  label: string;
  /** The value as written in the CSV: plain numbers (dot decimals), for spreadsheets and scripts. */
  raw: (row: Row) => string | number | null;
  /** The value as shown in the table, formatted in French. */
  shown: (row: Row) => string;
  /** Numbers are right-aligned in tables. */
  numeric?: boolean;
}

const quote = (value: string | number | null): string => {
  const text = value === null ? "" : String(value);
  return /[",;\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** `separator`: a semicolon for files meant for Excel France, which reads commas as decimal marks. */
export function toCsv<Row>(columns: readonly Column<Row>[], rows: readonly Row[], separator = ","): string {
  const lines = [columns.map((c) => quote(c.label)), ...rows.map((row) => columns.map((c) => quote(c.raw(row))))];
  return `${lines.map((cells) => cells.join(separator)).join("\r\n")}\r\n`;
}

/** A BOM first, so that spreadsheet software reads the accents as UTF-8. */
export const csvHref = (csv: string): string => `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${csv}`)}`;
