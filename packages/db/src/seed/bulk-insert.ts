// Multi-row inserts with one array parameter per column (INSERT … SELECT FROM unnest): one
// statement for thousands of rows, on PGlite and PostgreSQL alike.
import type { SqlExecutor } from "../driver";

export interface Column<Row> {
  name: string;
  /** PostgreSQL type of the column, e.g. uuid, text, int, numeric, date, "LegalFamily". */
  type: string;
  value: (row: Row) => unknown;
}

export interface TableSpec<Row> {
  table: string;
  columns: ReadonlyArray<Column<Row>>;
  /** Columns with the same value on every row. */
  constants?: Readonly<Record<string, string>>;
}

export const column = <Row>(name: string, type: string, value: (row: Row) => unknown): Column<Row> => ({ name, type, value });

export async function insertRows<Row>(tx: SqlExecutor, spec: TableSpec<Row>, rows: readonly Row[]): Promise<void> {
  if (rows.length === 0) return;
  const constants = Object.entries(spec.constants ?? {});
  const names = [...spec.columns.map((c) => c.name), ...constants.map(([name]) => name)].map((n) => `"${n}"`).join(", ");
  // Enum and JSON arrays travel as text[]: PGlite only serializes arrays of built-in types.
  const arrays = spec.columns
    .map((c, i) => (c.type.startsWith('"') || c.type === "jsonb" ? `$${i + 1}::text[]::${c.type}[]` : `$${i + 1}::${c.type}[]`))
    .join(", ");
  const constantParams = constants.map((_, i) => `$${spec.columns.length + i + 1}`).join(", ");
  const sql = `INSERT INTO "${spec.table}" (${names}) SELECT u.*${constantParams ? `, ${constantParams}` : ""} FROM unnest(${arrays}) AS u`;
  const params = [...spec.columns.map((c) => rows.map(c.value)), ...constants.map(([, value]) => value)];
  await tx.query(sql, params);
}
