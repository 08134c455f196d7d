// A filter over a CSV file of several gigabytes: SIRENE's StockEtablissement has some 40 million
// rows of 50-odd columns, of which a territory keeps a few thousand. A CSV parser would build two
// billion strings; this scanner walks the bytes once, quote-aware (RFC 4180, quoted delimiters and
// line breaks included), reads only the filtered column of each row, and decodes the columns asked
// for on the rows it keeps. Memory stays at one chunk of the file plus the rows kept.

export interface ScanOptions {
  /** Columns returned for the rows kept, by their header names. */
  columns: readonly string[];
  /** Those of `columns` a file may lack (they are then absent from the rows). */
  optional?: readonly string[];
  /** The column rows are filtered on… */
  filterColumn: string;
  /** …and the values of it that keep a row. */
  keep: ReadonlySet<string>;
  delimiter?: string;
  signal?: AbortSignal;
  /** Called about every 100 000 rows read. */
  onProgress?: (progress: ScanProgress) => void;
}

export interface ScanProgress {
  rowsRead: number;
  rowsKept: number;
  bytesRead: number;
}

export class ScanError extends Error {}

export interface KeptRow {
  /** Its row in the file (the header is row 1). */
  line: number;
  values: Record<string, string>;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const PROGRESS_EVERY = 100_000;

/** The header's names, unquoted, without a BOM. */
function headerNames(line: string, delimiter: string): string[] {
  return line
    .replace(/^\uFEFF/, "")
    .replace(/\r$/, "")
    .split(delimiter)
    .map((name) => name.trim().replace(/^"(.*)"$/, "$1"));
}

function columnIndex(names: readonly string[], column: string, file: string): number {
  const index = names.indexOf(column);
  if (index < 0) throw new ScanError(`${file} : la colonne « ${column} » manque à l'en-tête (est-ce bien un fichier stock SIRENE ?).`);
  return index;
}

/** The rows of `source` whose `filterColumn` is in `keep`, as records of `columns`. `file` names the source in errors. */
export async function* scanCsv(source: AsyncIterable<Uint8Array>, file: string, options: ScanOptions): AsyncGenerator<KeptRow> {
  const delimiter = (options.delimiter ?? ",").charCodeAt(0);
  const progress: ScanProgress = { rowsRead: 0, rowsKept: 0, bytesRead: 0 };
  let names: string[] | null = null;
  let filterIndex = -1;
  let wanted: Array<[name: string, index: number]> = [];
  // Field boundaries of the current row; grown when a row has more fields than the header.
  let starts = new Int32Array(64);
  let ends = new Int32Array(64);
  let carry: Buffer | null = null;

  for await (const piece of endingWithLineBreak(source)) {
    options.signal?.throwIfAborted();
    progress.bytesRead += piece.byteLength;
    const chunk = Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    const buf: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    const n = buf.length;
    let lineStart = 0;

    if (names === null) {
      const end = buf.indexOf(LF);
      if (end < 0) {
        carry = buf;
        continue;
      }
      names = headerNames(buf.toString("utf8", 0, end), String.fromCharCode(delimiter));
      filterIndex = columnIndex(names, options.filterColumn, file);
      const header = names;
      wanted = options.columns.filter((c) => header.includes(c) || !options.optional?.includes(c)).map((c) => [c, columnIndex(header, c, file)]);
      lineStart = end + 1;
    }

    // One row per turn: field boundaries, then the filter, then the wanted fields.
    while (lineStart < n) {
      let field = 0;
      let fieldStart = lineStart;
      let inQuotes = false;
      let complete = false;
      let i = lineStart;
      for (; i < n; i++) {
        const b = buf[i];
        if (inQuotes) {
          if (b === QUOTE) {
            // A quote at the chunk's end may open a doubled quote: wait for the next chunk.
            if (i + 1 === n) break;
            if (buf[i + 1] === QUOTE) i++;
            else inQuotes = false;
          }
          continue;
        }
        if (b === delimiter || b === LF) {
          if (field === starts.length) {
            const grownStarts = new Int32Array(field * 2);
            const grownEnds = new Int32Array(field * 2);
            grownStarts.set(starts);
            grownEnds.set(ends);
            starts = grownStarts;
            ends = grownEnds;
          }
          starts[field] = fieldStart;
          ends[field] = b === LF && i > fieldStart && buf[i - 1] === CR ? i - 1 : i;
          field++;
          fieldStart = i + 1;
          if (b === LF) {
            complete = true;
            break;
          }
        } else if (b === QUOTE && i === fieldStart) {
          inQuotes = true;
        }
      }
      if (!complete) break; // the row goes on in the next chunk
      const fields = field;
      lineStart = i + 1;
      if (fields === 1 && ends[0] === starts[0]) continue; // a blank line
      progress.rowsRead++;
      if (progress.rowsRead % PROGRESS_EVERY === 0) {
        options.onProgress?.({ ...progress });
        options.signal?.throwIfAborted();
      }
      // A row cut short or run together with the next would shift every column: refused, not guessed.
      if (fields !== names.length) throw new ScanError(`${file}, ligne ${progress.rowsRead + 1} : ${fields} champs au lieu des ${names.length} de l'en-tête.`);
      if (!options.keep.has(fieldValue(buf, starts[filterIndex] ?? 0, ends[filterIndex] ?? 0))) continue;
      const row: Record<string, string> = {};
      for (const [name, index] of wanted) row[name] = fieldValue(buf, starts[index] ?? 0, ends[index] ?? 0);
      progress.rowsKept++;
      yield { line: progress.rowsRead + 1, values: row };
    }
    carry = lineStart < n ? buf.subarray(lineStart) : null;
    // A row longer than a megabyte is not a SIRENE row: a file without line breaks, or a quote
    // left open, would otherwise be held whole in memory.
    if (carry && carry.length > 1024 * 1024)
      throw new ScanError(`${file} : une ligne dépasse 1 Mo (guillemet non fermé ?) après la ligne ${progress.rowsRead + 1}.`);
  }
  if (names === null) throw new ScanError(`${file} : le fichier est vide.`);
  if (carry) throw new ScanError(`${file} : la dernière ligne n'est pas terminée (guillemet non fermé ?), après la ligne ${progress.rowsRead + 1}.`);
  options.onProgress?.({ ...progress });
}

/** The source, and a line break after it if its last row has none. */
async function* endingWithLineBreak(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  let last = LF;
  for await (const piece of source) {
    if (piece.byteLength > 0) last = piece[piece.byteLength - 1] ?? LF;
    yield piece;
  }
  if (last !== LF) yield Buffer.from("\n");
}

/** The field's text, its quotes removed. */
function fieldValue(buf: Buffer, start: number, end: number): string {
  if (end > start && buf[start] === QUOTE) return buf.toString("utf8", start + 1, end - 1).replaceAll('""', '"');
  return buf.toString("utf8", start, end);
}
