// JSON: the records with what a reuser needs to know about them (licence, source, notice).
import type { Column, Row } from "../dataset";
import { typed } from "../read";
import { inPieces } from "./pieces";

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
  const names = columns.map((c) => c.name);
  yield `${JSON.stringify({ ...header, fields: names }).slice(0, -1)},"records":[`;
  let first = true;
  yield* inPieces(batches, (row) => {
    const separator = first ? "\n" : ",\n";
    first = false;
    return separator + JSON.stringify(typed(columns, row));
  });
  yield "\n]}\n";
}
