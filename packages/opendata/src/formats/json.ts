// JSON: the records with what a reuser needs to know about them (licence, source, notice).
import type { Column, Row } from "../dataset";
import { typed } from "../read";

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
  for await (const rows of batches) {
    let chunk = "";
    for (const row of rows) {
      chunk += (first ? "\n" : ",\n") + JSON.stringify(typed(columns, row));
      first = false;
    }
    yield chunk;
  }
  yield "\n]}\n";
}
