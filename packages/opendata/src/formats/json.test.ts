import { describe, expect, it } from "vitest";
import type { Column } from "../dataset";
import { jsonFromLines } from "./json";

const header = { dataset: "d", title: "D", license: { name: "L", url: "u", spdx: "s" }, notice: null, lastModified: "2026-01-01T00:00:00.000Z" };
const columns: Column[] = [
  { name: "a", type: "integer", title: "A", description: "" },
  { name: "b", type: "string", title: "B", description: "" },
];

async function text(lines: string[]) {
  async function* chunks() {
    for (const line of lines) yield Buffer.from(line);
  }
  let out = "";
  for await (const piece of jsonFromLines(header, columns, chunks())) out += Buffer.from(piece).toString("utf8");
  return out;
}

describe("jsonFromLines", () => {
  it("makes one JSON document of records written one per line, however the lines are cut into chunks", async () => {
    const records = ['{"a" : 1, "b" : "x"}', '{"a" : 2, "b" : "é, \\" \\\\n"}', '{"a" : 3, "b" : null}'];
    const whole = records.map((r) => `${r}\n`).join("");
    const expected = { ...header, fields: ["a", "b"], records: records.map((r) => JSON.parse(r)) };
    // Every way of cutting the stream in two or three, including inside a line and at its newline.
    for (let i = 0; i <= whole.length; i++) {
      for (const j of [i, Math.min(whole.length, i + 1), Math.min(whole.length, i + 7)]) {
        const document = await text([whole.slice(0, i), whole.slice(i, j), whole.slice(j)]);
        expect(JSON.parse(document), `cut at ${i}, ${j}`).toEqual(expected);
      }
    }
  });

  it("gives an empty list for no line", async () => {
    expect(JSON.parse(await text([]))).toEqual({ ...header, fields: ["a", "b"], records: [] });
  });
});
