// JSON: the records with what a reuser needs to know about them (licence, source, notice).
import type { Column, Row } from "../dataset";
import { inPieces } from "./pieces";
import { typed } from "./typed";

export interface JsonHeader {
  dataset: string;
  title: string;
  /** The dataset version (release number) the records come from, for a released file. */
  version?: number;
  license: { name: string; url: string; spdx: string };
  notice: string | null;
  lastModified: string;
}

export async function* toJson(header: JsonHeader, columns: readonly Column[], batches: AsyncIterable<Row[]>): AsyncGenerator<string> {
  yield opening(header, columns);
  let first = true;
  yield* inPieces(batches, (row) => {
    const separator = first ? "\n" : ",\n";
    first = false;
    return separator + JSON.stringify(typed(columns, row));
  });
  yield CLOSING;
}

/**
 * The same file from records already written as JSON, one per line (PostgreSQL's COPY): the bytes
 * pass through, and only the separators are added, so no row is built in JavaScript.
 */
export async function* jsonFromLines(header: JsonHeader, columns: readonly Column[], lines: AsyncIterable<Uint8Array>): AsyncGenerator<string | Uint8Array> {
  yield opening(header, columns);
  let first = true;
  let atLineStart = true;
  for await (const chunk of lines) {
    const parts: Uint8Array[] = [];
    let position = 0;
    while (position < chunk.length) {
      if (atLineStart) {
        parts.push(first ? NEWLINE : COMMA_NEWLINE);
        first = false;
        atLineStart = false;
      }
      const end = chunk.indexOf(0x0a, position);
      parts.push(chunk.subarray(position, end === -1 ? chunk.length : end));
      position = end === -1 ? chunk.length : end + 1;
      atLineStart = end !== -1;
    }
    yield Buffer.concat(parts);
  }
  yield CLOSING;
}

const NEWLINE = Buffer.from("\n");
const COMMA_NEWLINE = Buffer.from(",\n");
const CLOSING = "\n]}\n";
const opening = (header: JsonHeader, columns: readonly Column[]) =>
  `${JSON.stringify({ ...header, fields: columns.map((c) => c.name) }).slice(0, -1)},"records":[`;
