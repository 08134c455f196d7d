// The first sheet of an XLSX workbook as rows of text, read as a stream: the sheet's XML is
// inflated and parsed chunk by chunk, and reading stops at the first row past the limit, so that
// neither a long sheet nor a zip bomb is ever held whole in memory.
import { setImmediate as nextTurn } from "node:timers/promises";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { inflateEntry, type ZipEntry, zipEntries } from "./zip";

export interface XlsxLimits {
  /** Rows read at most, header included; one more and reading stops with `TooManyRows`. */
  maxRows: number;
  /** Bytes one entry of the archive may inflate to. */
  maxEntryBytes: number;
}

export class TooManyRows extends Error {}
export class XlsxError extends Error {}

const localName = (name: string) => name.slice(name.indexOf(":") + 1);

/** Parses an entry's XML as it inflates, a turn of the event loop per chunk (other requests run meanwhile). */
async function parseEntry(bytes: Buffer, entry: ZipEntry, limits: XlsxLimits, handlers: (parser: SaxesParser) => void): Promise<void> {
  const parser = new SaxesParser();
  let failure: Error | null = null;
  parser.on("error", (error) => {
    failure ??= new XlsxError(`XML illisible dans ${entry.name} : ${error.message}`);
  });
  handlers(parser);
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of inflateEntry(bytes, entry, limits.maxEntryBytes)) {
    parser.write(decoder.decode(chunk, { stream: true }));
    if (failure) throw failure;
    await nextTurn();
  }
  parser.write(decoder.decode());
  parser.close();
  if (failure) throw failure;
}

/** A small XML part (workbook, relationships, styles) as text. */
async function smallPart(bytes: Buffer, entry: ZipEntry | undefined, limits: XlsxLimits): Promise<string> {
  if (!entry) return "";
  const parts: Buffer[] = [];
  for await (const chunk of inflateEntry(bytes, entry, Math.min(limits.maxEntryBytes, 4 * 1024 * 1024))) parts.push(chunk);
  return Buffer.concat(parts).toString("utf8");
}

const attribute = (xml: string, tag: string, name: string): string | undefined => new RegExp(`<(?:\\w+:)?${tag}\\b[^>]*\\s${name}="([^"]*)"`).exec(xml)?.[1];

/** The path of the workbook's first sheet, through its relationship. */
async function firstSheetPath(bytes: Buffer, entries: Map<string, ZipEntry>, limits: XlsxLimits): Promise<string> {
  const workbook = await smallPart(bytes, entries.get("xl/workbook.xml"), limits);
  const relId = attribute(workbook, "sheet", "r:id");
  const rels = await smallPart(bytes, entries.get("xl/_rels/workbook.xml.rels"), limits);
  const target = relId
    ? new RegExp(`<Relationship\\b[^>]*Id="${relId}"[^>]*Target="([^"]+)"|<Relationship\\b[^>]*Target="([^"]+)"[^>]*Id="${relId}"`).exec(rels)
    : null;
  const path = target?.[1] ?? target?.[2];
  if (path) return path.startsWith("/") ? path.slice(1) : `xl/${path}`;
  const fallback = [...entries.keys()].filter((name) => /^xl\/worksheets\/[^/]+\.xml$/.test(name)).sort()[0];
  if (!fallback) throw new XlsxError("Le classeur n'a aucune feuille.");
  return fallback;
}

// Number formats that show a date: the built-in ones, and custom ones with d, m or y outside quotes.
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]);
const isDateFormat = (id: number, code: string | undefined) =>
  BUILTIN_DATE_FORMATS.has(id) || (code !== undefined && /[dmy]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "")));

/** For each cell style index, whether it shows a date. */
async function dateStyles(bytes: Buffer, entries: Map<string, ZipEntry>, limits: XlsxLimits): Promise<boolean[]> {
  const styles = await smallPart(bytes, entries.get("xl/styles.xml"), limits);
  const codes = new Map<number, string>();
  for (const m of styles.matchAll(/<(?:\w+:)?numFmt\b[^>]*numFmtId="(\d+)"[^>]*formatCode="([^"]*)"/g)) codes.set(Number(m[1]), m[2] ?? "");
  const cellXfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(styles)?.[1] ?? "";
  return [...cellXfs.matchAll(/<(?:\w+:)?xf\b([^>]*)/g)].map((m) => {
    const id = Number(/numFmtId="(\d+)"/.exec(m[1] ?? "")?.[1] ?? 0);
    return isDateFormat(id, codes.get(id));
  });
}

async function sharedStrings(bytes: Buffer, entry: ZipEntry | undefined, limits: XlsxLimits): Promise<string[]> {
  if (!entry) return [];
  const strings: string[] = [];
  let current: string | null = null;
  let inText = false;
  let depthInPhonetic = 0;
  await parseEntry(bytes, entry, limits, (parser) => {
    parser.on("opentag", (tag) => {
      const name = localName(tag.name);
      if (name === "si") current = "";
      else if (name === "rPh")
        depthInPhonetic++; // phonetic guides are not part of the text
      else if (name === "t" && depthInPhonetic === 0) inText = true;
    });
    parser.on("text", (text) => {
      if (inText && current !== null) current += text;
    });
    parser.on("closetag", (tag) => {
      const name = localName(tag.name);
      if (name === "t") inText = false;
      else if (name === "rPh") depthInPhonetic--;
      else if (name === "si" && current !== null) {
        strings.push(current);
        current = null;
      }
    });
  });
  return strings;
}

/** Spreadsheet serial day (1900 system: day 0 is 1899-12-30; 1904 system: 1904-01-01) to ISO date. */
const serialToIsoDate = (serial: number, date1904: boolean) =>
  new Date(Date.UTC(date1904 ? 1904 : 1899, date1904 ? 0 : 11, date1904 ? 1 : 30) + Math.round(serial * 86_400) * 1000).toISOString().slice(0, 10);

const columnIndex = (ref: string) => {
  let index = 0;
  for (const ch of /^[A-Z]+/.exec(ref)?.[0] ?? "") index = index * 26 + (ch.charCodeAt(0) - 64);
  return index - 1;
};

/** The rows of the first sheet, each an array of cell texts; row numbers as the spreadsheet shows them. */
export async function readXlsxRows(file: Uint8Array, limits: XlsxLimits): Promise<string[][]> {
  const bytes = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  const entries = zipEntries(bytes);
  const workbook = await smallPart(bytes, entries.get("xl/workbook.xml"), limits);
  const date1904 = /date1904="(1|true)"/.test(workbook);
  const sheet = entries.get(await firstSheetPath(bytes, entries, limits));
  if (!sheet) throw new XlsxError("La première feuille du classeur est introuvable.");
  const [strings, dates] = await Promise.all([sharedStrings(bytes, entries.get("xl/sharedStrings.xml"), limits), dateStyles(bytes, entries, limits)]);

  const matrix: string[][] = [];
  let row: string[] | null = null;
  let rowNumber = 0;
  let cell: { index: number; type: string; style: number; value: string } | null = null;
  let inValue = false;
  let nextColumn = 0;
  const cellText = (c: NonNullable<typeof cell>): string => {
    if (c.type === "s") return strings[Number(c.value)] ?? "";
    if (c.type === "b") return c.value === "1" ? "true" : "false";
    if (c.type === "str" || c.type === "inlineStr" || c.type === "e") return c.value;
    if (c.value === "") return "";
    const number = Number(c.value);
    return dates[c.style] && Number.isFinite(number) ? serialToIsoDate(number, date1904) : String(number);
  };
  await parseEntry(bytes, sheet, limits, (parser) => {
    parser.on("opentag", (tag: SaxesTagPlain) => {
      const name = localName(tag.name);
      if (name === "row") {
        rowNumber = Number(tag.attributes.r ?? rowNumber + 1);
        if (rowNumber > limits.maxRows) throw new TooManyRows();
        row = [];
        nextColumn = 0;
      } else if (name === "c" && row) {
        const ref = tag.attributes.r;
        const index = ref ? columnIndex(ref) : nextColumn;
        nextColumn = index + 1;
        cell = { index, type: tag.attributes.t ?? "n", style: Number(tag.attributes.s ?? 0), value: "" };
      } else if ((name === "v" || name === "t") && cell) inValue = true;
    });
    parser.on("text", (text) => {
      if (inValue && cell) cell.value += text;
    });
    parser.on("closetag", (tag) => {
      const name = localName(tag.name);
      if (name === "v" || name === "t") inValue = false;
      else if (name === "c" && cell && row) {
        row[cell.index] = cellText(cell);
        cell = null;
      } else if (name === "row" && row) {
        matrix[rowNumber - 1] = Array.from(row, (v) => v ?? "");
        row = null;
      }
    });
  });
  return Array.from(matrix, (r) => r ?? []);
}
