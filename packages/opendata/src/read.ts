// Reading a dataset's rows: in batches, or, on PostgreSQL, as the file's lines written by COPY (CSV,
// JSON records, SpreadsheetML rows), which streams them without building a row in JavaScript.
import { type Column, type Dataset, type ExportContext, type Filters, type Row, type SqlSource, sqlLiteral } from "./dataset";
import { toCsv } from "./formats/csv";
import { xlsxRowSql } from "./formats/xlsx";

const BATCH_SIZE = 1_000;

const isSql = (source: SqlSource | AsyncGenerator<Row[]>): source is SqlSource => "select" in source;

/** Published rows, batch after batch; memory stays flat and no cursor stays open. */
export function batches(ctx: ExportContext, dataset: Dataset, filters: Filters): AsyncGenerator<Row[]> {
  const source = dataset.source(ctx, filters);
  return isSql(source) ? keysetBatches(ctx, source) : source;
}

/** The dataset as CSV text: header, then one line per row. */
export function csv(ctx: ExportContext, dataset: Dataset, filters: Filters): AsyncIterable<string | Uint8Array> {
  const source = dataset.source(ctx, filters);
  if (!isSql(source)) return toCsv(dataset.columns, source);
  return copy(ctx, source, dataset.columns.map(inertSql).join(", "), "HEADER true") ?? toCsv(dataset.columns, keysetBatches(ctx, source));
}

/**
 * The dataset's records as JSON, one per line, written by PostgreSQL (COPY), or null where rows are
 * read in batches (PGlite, computed datasets). Same values and types as `typed`, in column order.
 */
export function jsonLines(ctx: ExportContext, dataset: Dataset, filters: Filters): AsyncIterable<Uint8Array> | null {
  // row_to_json of a typed lateral sub-select: compact like JSON.stringify, in column order, and
  // about 10 % faster than concatenating each member's to_json. Lateral, the planner folds it into
  // the scan (a row built in place); as a scalar sub-query it ran once per row, 8 % slower.
  const members = dataset.columns.map((c) => `${jsonValueSql(c)} AS ${quoteIdent(c.name)}`);
  return copyLines(ctx, dataset, filters, "row_to_json(j)::text", `CROSS JOIN LATERAL (SELECT ${members.join(", ")}) AS j`);
}

/** The sheet's rows as SpreadsheetML, one `<row>` per line, written by PostgreSQL; null as for jsonLines. */
export function xlsxLines(ctx: ExportContext, dataset: Dataset, filters: Filters): AsyncIterable<Uint8Array> | null {
  return copyLines(ctx, dataset, filters, xlsxRowSql(dataset.columns, "(row_number() OVER (ORDER BY r._key) + 1)"));
}

/** One line per row, the text `line` writes from the row `r` (and what `join` adds to it), through COPY; null without it. */
function copyLines(ctx: ExportContext, dataset: Dataset, filters: Filters, line: string, join = ""): AsyncIterable<Uint8Array> | null {
  const source = dataset.source(ctx, filters);
  if (!isSql(source)) return null;
  // CSV mode with a quote and a delimiter these lines never hold (JSON escapes control characters,
  // the sheet leaves them out): each line is written as is, where text mode would escape backslashes.
  return copy(ctx, source, line, "QUOTE e'\\x01', DELIMITER e'\\x02'", join);
}

/** COPY of what `select` writes from each row `r` of the source, in key order, as CSV with `options`; null where there is no COPY (PGlite). */
function copy(ctx: ExportContext, source: SqlSource, select: string, options: string, join = ""): AsyncIterable<Uint8Array> | null {
  if (!ctx.sql.copyOut) return null;
  const inner = `SELECT ${source.key.column} AS _key, ${source.select} FROM ${source.from} ${whereClause(source.where)}`;
  const query = `SELECT ${select} FROM (${inner}) AS r ${join} ORDER BY r._key`;
  return ctx.sql.copyOut(`COPY (${inlineParams(query, source.params)}) TO STDOUT WITH (FORMAT csv, ${options})`, ctx.signal);
}

function jsonValueSql(column: Column): string {
  const name = `r.${quoteIdent(column.name)}`;
  if (column.type === "integer") return `${name}::bigint`;
  if (column.type === "number") return `${name}::numeric`;
  if (column.type === "boolean") return `${name}::boolean`;
  return name;
}

async function* keysetBatches(ctx: ExportContext, source: SqlSource): AsyncGenerator<Row[]> {
  let last: string | null = null;
  for (;;) {
    ctx.signal?.throwIfAborted();
    const after = last === null ? [] : [`${source.key.column} > $${source.params.length + 1}::${source.key.type}`];
    const rows: Row[] = await ctx.sql.query<Row>(
      `SELECT ${source.key.column} AS _key, ${source.select} FROM ${source.from} ${whereClause([...source.where, ...after])} ORDER BY ${source.key.column} LIMIT ${BATCH_SIZE}`,
      last === null ? source.params : [...source.params, last],
    );
    if (rows.length === 0) return;
    last = String(rows[rows.length - 1]?._key);
    for (const row of rows) delete row._key;
    yield rows;
    if (rows.length < BATCH_SIZE) return;
  }
}

/** The SQL twin of inertText (formats/csv.ts), so that COPY writes the same bytes. */
function inertSql(column: Column): string {
  const name = `r.${quoteIdent(column.name)}`;
  return column.type === "string" ? `CASE WHEN ${name} ~ '^[-=+@\t\r]' THEN '''' || ${name} ELSE ${name} END AS ${quoteIdent(column.name)}` : name;
}
const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

const whereClause = (conditions: string[]) => (conditions.length > 0 ? `WHERE ${conditions.join(" AND ")}` : "");

// COPY takes no bind parameters. Every value here was checked by the HTTP layer (a year, an
// INSEE code, a SIRET, a partner id read from the database) and is quoted as a literal besides.
function inlineParams(query: string, params: unknown[]): string {
  return query.replace(/\$(\d+)/g, (_, n: string) => {
    const value = params[Number(n) - 1];
    if (typeof value === "number" && Number.isInteger(value)) return String(value);
    if (typeof value === "string") return sqlLiteral(value);
    throw new Error(`cannot inline parameter $${n} into COPY`);
  });
}
