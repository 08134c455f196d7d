// What an open dataset is: its columns (which are also its Table Schema), its keys, and how to
// read its published rows from the database in batches.
import type { PrismaClient, SqlExecutor } from "@oess/db";

export type FieldType = "string" | "integer" | "number" | "boolean" | "date" | "datetime";

export interface Column {
  name: string;
  type: FieldType;
  title: string;
  description: string;
  constraints?: { required?: boolean; unique?: boolean; pattern?: string; enum?: readonly string[]; minimum?: number; maximum?: number };
}

export type Row = Record<string, string | number | boolean | null>;

/** Filters from the query string, already checked. */
export interface Filters {
  year?: number;
  commune?: string;
  /** Partner database id (a slug in the URL is resolved before). */
  partner?: string;
  /** SIRET of a funding public body (SCDL exports). */
  attribuant?: string;
}

export type FilterName = keyof Filters;

/** What reading a dataset needs. */
export interface ExportContext {
  sql: SqlExecutor;
  prisma: PrismaClient;
  epciSiren: string;
  /** The demo dataset is labelled as such in every file. */
  isDemo: boolean;
}

export interface Dataset {
  name: string;
  title: string;
  description: string;
  keywords: readonly string[];
  columns: readonly Column[];
  primaryKey: readonly string[];
  foreignKeys?: ReadonlyArray<{ fields: string; reference: { resource: string; fields: string } }>;
  /** The query-string filters this dataset understands. */
  filters: readonly FilterName[];
  /** Published rows, batch after batch, in a stable order. */
  batches(ctx: ExportContext, filters: Filters): AsyncGenerator<Row[]>;
}

export const BATCH_SIZE = 10_000;

/**
 * Reads `select` page by page in the order of its unique, indexed `key` (a column, and its SQL
 * type), which `select` must also expose as `_key`: each page is one short indexed query, so
 * memory stays flat and no cursor stays open.
 */
export async function* keysetBatches(
  sql: SqlExecutor,
  select: string,
  where: string[],
  params: unknown[],
  key: { column: string; type: "uuid" | "text" },
): AsyncGenerator<Row[]> {
  let last: string | null = null;
  for (;;) {
    const conditions = [...where, ...(last === null ? [] : [`${key.column} > $${params.length + 1}::${key.type}`])];
    const rows: Row[] = await sql.query<Row>(
      `${select} ${conditions.length > 0 ? `WHERE ${conditions.join(" AND ")}` : ""} ORDER BY ${key.column} LIMIT ${BATCH_SIZE}`,
      last === null ? params : [...params, last],
    );
    if (rows.length === 0) return;
    last = String(rows[rows.length - 1]?._key);
    for (const row of rows) delete row._key;
    yield rows;
    if (rows.length < BATCH_SIZE) return;
  }
}

/** SQL text casts that give the same strings on PGlite and PostgreSQL. */
export const sqlDate = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;
export const sqlInstant = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

/** Builds WHERE conditions and their parameters one filter at a time. */
export class Conditions {
  readonly where: string[] = [];
  readonly params: unknown[] = [];
  constructor(initial: string[] = []) {
    this.where.push(...initial);
  }
  add(condition: (param: string) => string, value: unknown): this {
    this.params.push(value);
    this.where.push(condition(`$${this.params.length}`));
    return this;
  }
}
