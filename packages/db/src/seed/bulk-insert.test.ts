// insertRows writes each column as the text of a PostgreSQL array, copyRows each row as a line of
// COPY's text format: every value must come back from the database as it went in, whatever
// characters it holds, on PGlite and PostgreSQL.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing";
import { column, copyRows, insertRows, type TableSpec } from "./bulk-insert";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await db.sql.exec(
    `CREATE TABLE bulk_probe (n int, label text, id uuid, amount numeric, day date, at timestamptz, flag boolean, doc jsonb, status "RecordStatus", note text)`,
  );
});
afterAll(() => db.dispose());

interface Probe {
  n: number;
  label: string | null;
  id: string | null;
  amount: string | null;
  day: string | null;
  at: Date | null;
  flag: boolean | null;
  doc: unknown;
  status: string | null;
}

const TRICKY = [
  "NULL",
  "null",
  "Null",
  "",
  " ",
  " lead",
  "trail ",
  'a "quoted" word',
  "back\\slash",
  "\\",
  '\\"',
  "{braces}",
  "a,b",
  "tab\there",
  "line\nbreak",
  "é, « guillemets »",
  "NULL ",
  "\\N",
  "\\t",
  "carriage\rreturn",
  "crlf\r\n",
  "tab\t\\\n mix",
];

const writers = {
  insertRows: (spec: TableSpec<Probe>, rows: Probe[]) => insertRows(db.sql, spec, rows),
  copyRows: (spec: TableSpec<Probe>, rows: Probe[]) => db.sql.transaction((tx) => copyRows(tx, spec, rows)),
};

beforeEach(() => db.sql.exec("TRUNCATE bulk_probe"));

describe.each(Object.entries(writers))("%s", (_name, write) => {
  it("stores every value as given: texts with any character, nulls, numbers, dates, instants, booleans, JSON, enums", async () => {
    const rows: Probe[] = TRICKY.map((label, n) => ({
      n,
      label,
      id: n % 3 === 0 ? null : `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
      amount: n % 4 === 0 ? null : `${n}.${n % 10}5`,
      day: n % 5 === 0 ? null : `2024-0${(n % 9) + 1}-1${n % 10}`,
      at: n % 6 === 0 ? null : new Date(Date.UTC(2024, n % 12, 1, n, 30)),
      flag: n % 3 === 0 ? null : n % 2 === 0,
      doc: n % 7 === 0 ? null : { label, n, list: [label, null] },
      status: n % 2 === 0 ? "PUBLISHED" : "DRAFT",
    }));
    rows.push({ n: rows.length, label: null, id: null, amount: null, day: null, at: null, flag: null, doc: null, status: null });
    await write(
      {
        table: "bulk_probe",
        columns: [
          column<Probe>("n", "int", (r) => r.n),
          column<Probe>("label", "text", (r) => r.label),
          column<Probe>("id", "uuid", (r) => r.id),
          column<Probe>("amount", "numeric", (r) => r.amount),
          column<Probe>("day", "date", (r) => r.day),
          column<Probe>("at", "timestamptz", (r) => r.at),
          column<Probe>("flag", "boolean", (r) => r.flag),
          column<Probe>("doc", "jsonb", (r) => (r.doc === null ? null : JSON.stringify(r.doc))),
          column<Probe>("status", '"RecordStatus"', (r) => r.status),
        ],
        constants: { note: 'same "note" for all, with, commas' },
      },
      rows,
    );
    const stored = await db.sql.query<Record<string, unknown>>(
      `SELECT n, label, id::text, amount::text, day::text, at, flag, doc, status::text, note FROM bulk_probe ORDER BY n`,
    );
    expect(stored).toEqual(
      rows.map((r) => ({
        n: r.n,
        label: r.label,
        id: r.id,
        amount: r.amount,
        day: r.day,
        at: r.at,
        flag: r.flag,
        doc: r.doc,
        status: r.status,
        note: 'same "note" for all, with, commas',
      })),
    );
  });

  it("refuses a value its column cannot hold, saying which, and writes none of the rows", async () => {
    const spec: TableSpec<Probe> = {
      table: "bulk_probe",
      columns: [column<Probe>("n", "int", (r) => r.n), column<Probe>("status", '"RecordStatus"', (r) => r.status)],
    };
    const rows = [
      { n: 1, status: "DRAFT" },
      { n: 2, status: "LOST" },
    ] as Probe[];
    await expect(write(spec, rows)).rejects.toThrow(/invalid input value for enum "RecordStatus": "LOST"/);
    expect(await db.sql.query("SELECT n FROM bulk_probe")).toEqual([]);
  });
});
