// What an open dataset is: its columns (which are also its Table Schema), its keys, and how to
// read its published rows from the database in batches.
import type { SqlDriver, SqlExecutor } from "@oess/db";

type FieldType = "string" | "integer" | "number" | "boolean" | "date" | "datetime";

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
  /** The database, or one transaction of it (a release reads every dataset in one snapshot). */
  sql: SqlExecutor & Pick<SqlDriver, "copyOut">;
  epciSiren: string;
  /** The demo dataset is labelled as such in every file. */
  isDemo: boolean;
  /** Aborts when the HTTP client goes away: reading stops and the connection is returned. */
  signal?: AbortSignal;
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
  /** Published rows: an SQL query, or batches computed otherwise, in a stable order. */
  source(ctx: ExportContext, filters: Filters): SqlSource | AsyncGenerator<Row[]>;
}

/**
 * A dataset read by one SQL query. `select` lists the dataset's columns in order, each aliased
 * to its name; `key` is unique and indexed, and ideally follows the rows' order on disk.
 */
export interface SqlSource {
  select: string;
  from: string;
  where: string[];
  params: unknown[];
  key: { column: string; type: "bigint" | "text" };
}

/** SQL text casts that give the same strings on PGlite and PostgreSQL. */
export const sqlDate = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;
export const sqlInstant = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
export const sqlBoolean = (column: string) => `CASE WHEN ${column} THEN 'true' ELSE 'false' END`;
/** A string as an SQL literal (standard_conforming_strings: only quotes need doubling). */
export const sqlLiteral = (value: string) => `'${value.replaceAll("'", "''")}'`;

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
