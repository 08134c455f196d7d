// A spreadsheet as partners send it — CSV (comma or semicolon; UTF-8 with or without BOM, or
// Windows-1252 as Excel France saves it) or the first sheet of an XLSX workbook — read into rows of
// text keyed by normalised column names. Files are read as streams that stop at the first row
// past the limit, one at a time, a turn of the event loop per chunk: a huge or crafted file is
// refused early and never stalls the other requests.
import { Readable } from "node:stream";
import { setImmediate as nextTurn } from "node:timers/promises";
import { parse } from "csv-parse";
import { decodedChunks, detectEncoding, EncodingError, type TextEncodingName } from "./text-encoding";
import { readXlsxRows, TooManyRows, XlsxError } from "./xlsx-reader";
import { ZipError } from "./zip";

export interface Table {
  /** Spreadsheet row number of each data row (the header is row 1). */
  rows: Array<{ line: number; cells: Record<string, string> }>;
  columns: string[];
  /** How the file was read: the CSV's encoding, or "XLSX". */
  format: TextEncodingName | "XLSX";
}

export class TableError extends Error {}

const MAX_BYTES = 10 * 1024 * 1024;
const MAX_ROWS = 50_000;
/** What one part of an XLSX may inflate to: a 50 000-row sheet of 20 columns is far below. */
const MAX_XLSX_PART_BYTES = 64 * 1024 * 1024;

const tooManyRows = () =>
  new TableError(
    `Le fichier compte plus de ${MAX_ROWS.toLocaleString("fr-FR")} lignes ; ${MAX_ROWS.toLocaleString("fr-FR")} au plus par import : découpez-le.`,
  );

/** "Année", "annee ", "ANNÉE" → "annee": headers as people type them. */
export const columnKey = (header: string): string =>
  header
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");

function fromMatrix(matrix: string[][], format: Table["format"]): Table {
  const [header, ...data] = matrix;
  if (!header || header.every((h) => h.trim() === "")) throw new TableError("Le fichier est vide : la première ligne doit porter les noms des colonnes.");
  if (data.length > MAX_ROWS) throw tooManyRows();
  const columns = header.map(columnKey);
  const rows = data
    .map((cells, i) => ({ line: i + 2, cells: Object.fromEntries(columns.map((c, k) => [c, (cells[k] ?? "").trim()])) }))
    .filter((row) => Object.values(row.cells).some((v) => v !== ""));
  return { rows, columns, format };
}

async function readCsv(bytes: Uint8Array): Promise<Table> {
  let encoding: TextEncodingName;
  try {
    encoding = detectEncoding(bytes);
  } catch (error) {
    if (error instanceof EncodingError) throw new TableError(error.message);
    throw error;
  }
  // The header line decides the delimiter: whichever of ; and , it has more of.
  const head = new TextDecoder(encoding === "Windows-1252" ? "windows-1252" : "utf-8").decode(bytes.subarray(0, 65_536));
  const firstLine = head.slice(0, head.search(/\r?\n/) >>> 0);
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  const matrix: string[][] = [];
  const parser = Readable.from(decodedChunks(bytes, encoding)).pipe(parse({ delimiter, relax_column_count: true, skip_empty_lines: true }));
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (matrix.length > MAX_ROWS) throw tooManyRows();
      matrix.push(record);
      // The stream resolves in microtasks: give timers and other requests a turn now and then.
      if (matrix.length % 2_000 === 0) await nextTurn();
    }
  } catch (error) {
    if (error instanceof TableError) throw error;
    throw new TableError(`CSV illisible : ${(error as Error).message}`);
  } finally {
    parser.destroy();
  }
  return fromMatrix(matrix, encoding);
}

async function readXlsx(bytes: Uint8Array): Promise<Table> {
  try {
    return fromMatrix(await readXlsxRows(bytes, { maxRows: MAX_ROWS + 1, maxEntryBytes: MAX_XLSX_PART_BYTES }), "XLSX");
  } catch (error) {
    if (error instanceof TooManyRows) throw tooManyRows();
    if (error instanceof ZipError && /inflates|once inflated|larger/.test(error.message)) {
      throw new TableError("Ce classeur se décompresse en un volume anormal (plus de 64 Mo pour une de ses parties) : il n'est pas importé.");
    }
    if (error instanceof ZipError || error instanceof XlsxError) {
      throw new TableError(
        error instanceof XlsxError ? error.message : "Classeur XLSX illisible : enregistrez-le de nouveau depuis votre tableur, ou exportez-le en CSV.",
      );
    }
    throw error;
  }
}

// One file is read at a time, a few more may wait: reading is cheap per turn of the event loop,
// but many at once would still add up. Beyond that, the partner is asked to try again.
const MAX_WAITING = 4;
let reading: Promise<unknown> = Promise.resolve();
let waiting = 0;

async function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  if (waiting >= MAX_WAITING) throw new TableError("Trop d'imports sont en cours de lecture : réessayez dans une minute.");
  waiting++;
  const turn = reading.then(
    () => undefined,
    () => undefined,
  );
  const result = turn.then(() => {
    waiting--;
    return work();
  });
  reading = result.catch(() => undefined);
  return result;
}

export async function readTable(name: string, bytes: Uint8Array): Promise<Table> {
  if (bytes.byteLength > MAX_BYTES) throw new TableError(`Le fichier pèse ${(bytes.byteLength / 1048576).toFixed(1)} Mo ; 10 Mo au plus.`);
  if (/\.xlsx$/i.test(name)) return oneAtATime(() => readXlsx(bytes));
  if (/\.(csv|txt)$/i.test(name)) return oneAtATime(() => readCsv(bytes));
  throw new TableError("Format non pris en charge : envoyez un fichier .csv ou .xlsx.");
}
