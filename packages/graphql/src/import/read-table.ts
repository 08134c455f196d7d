// A spreadsheet as partners send it — CSV (comma or semicolon, UTF-8 with or without BOM) or the
// first sheet of an XLSX workbook — read into rows of text keyed by normalised column names.
import { parse } from "csv-parse/sync";

export interface Table {
  /** Spreadsheet row number of each data row (the header is row 1). */
  rows: Array<{ line: number; cells: Record<string, string> }>;
  columns: string[];
}

export class TableError extends Error {}

export const MAX_BYTES = 10 * 1024 * 1024;
export const MAX_ROWS = 50_000;

/** "Année", "annee ", "ANNÉE" → "annee": headers as people type them. */
export const columnKey = (header: string): string =>
  header
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");

function fromMatrix(matrix: string[][]): Table {
  const [header, ...data] = matrix;
  if (!header || header.every((h) => h.trim() === "")) throw new TableError("Le fichier est vide : la première ligne doit porter les noms des colonnes.");
  if (data.length > MAX_ROWS) throw new TableError(`Le fichier compte ${data.length} lignes ; ${MAX_ROWS} au plus par import.`);
  const columns = header.map(columnKey);
  const rows = data
    .map((cells, i) => ({ line: i + 2, cells: Object.fromEntries(columns.map((c, k) => [c, (cells[k] ?? "").trim()])) }))
    .filter((row) => Object.values(row.cells).some((v) => v !== ""));
  return { rows, columns };
}

function readCsv(bytes: Uint8Array): Table {
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes).replace(/^\uFEFF/, "");
  const firstLine = text.slice(0, text.search(/\r?\n/) >>> 0);
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  try {
    return fromMatrix(parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true }) as string[][]);
  } catch (error) {
    if (error instanceof TableError) throw error;
    throw new TableError(`CSV illisible : ${(error as Error).message}`);
  }
}

const cellText = (value: unknown): string => {
  if (value == null) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    const v = value as { text?: string; result?: unknown; richText?: Array<{ text: string }> };
    if (v.richText) return v.richText.map((r) => r.text).join("");
    if (v.result !== undefined) return cellText(v.result);
    if (v.text !== undefined) return v.text;
  }
  return String(value);
};

async function readXlsx(bytes: Uint8Array): Promise<Table> {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    throw new TableError("Classeur XLSX illisible : enregistrez-le de nouveau depuis votre tableur, ou exportez-le en CSV.");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new TableError("Le classeur n'a aucune feuille.");
  const matrix: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const values = row.values as unknown[];
    matrix[number - 1] = values.slice(1).map(cellText);
  });
  return fromMatrix(Array.from(matrix, (r) => r ?? []));
}

export async function readTable(name: string, bytes: Uint8Array): Promise<Table> {
  if (bytes.byteLength > MAX_BYTES) throw new TableError(`Le fichier pèse ${(bytes.byteLength / 1048576).toFixed(1)} Mo ; 10 Mo au plus.`);
  if (/\.xlsx$/i.test(name)) return readXlsx(bytes);
  if (/\.(csv|txt)$/i.test(name)) return readCsv(bytes);
  throw new TableError("Format non pris en charge : envoyez un fichier .csv ou .xlsx.");
}
