// Dataset versions (« versions du jeu de données »): a release is a numbered, immutable copy of
// every open dataset as published at one instant, for citing and for paging a stable snapshot.
//
// Storage: `release_row` keeps each exported row once per change, valid from the release that
// added or corrected it until the release that corrected or withdrew it. A release costs the rows
// that changed since the previous one, not a copy of everything. A row is a JSON array of its
// values; the release keeps each dataset's column names, so that later code with other columns
// still writes an old version's files as they were.
import type { SqlDriver, SqlExecutor } from "@oess/db";
import { DATASETS, SCDL_DATASET } from "./catalog";
import type { Dataset, ExportContext, Row, SqlSource } from "./dataset";
import { batches } from "./read";

/** Every dataset a release keeps: the files of /opendata/v/{n}/. */
const RELEASED_DATASETS: readonly Dataset[] = [...DATASETS, SCDL_DATASET];

export interface DatasetChanges {
  dataset: string;
  added: number;
  corrected: number;
  withdrawn: number;
  /** Rows in this release. */
  rows: number;
}

export interface Release {
  number: number;
  releasedAt: Date;
  note: string | null;
  isDemo: boolean;
  changelog: DatasetChanges[];
  /** Per dataset, the names of its columns in this release, in order. */
  columns: Readonly<Record<string, readonly string[]>>;
}

interface ReleaseRecord {
  number: number;
  released_at: Date | string;
  note: string | null;
  is_demo: boolean;
  changelog: DatasetChanges[] | string;
  columns: Record<string, string[]> | string;
}

const fromJson = <T>(value: T | string): T => (typeof value === "string" ? JSON.parse(value) : value);

const toRelease = (r: ReleaseRecord): Release => ({
  number: r.number,
  releasedAt: new Date(r.released_at),
  note: r.note,
  isDemo: r.is_demo,
  changelog: fromJson(r.changelog),
  columns: fromJson(r.columns),
});

const RELEASE_COLUMNS = "number, released_at, note, is_demo, changelog, columns";

export async function latestRelease(sql: SqlExecutor): Promise<Release | null> {
  const [row] = await sql.query<ReleaseRecord>(`SELECT ${RELEASE_COLUMNS} FROM release ORDER BY number DESC LIMIT 1`);
  return row ? toRelease(row) : null;
}

export async function findRelease(sql: SqlExecutor, number: number): Promise<Release | null> {
  const [row] = await sql.query<ReleaseRecord>(`SELECT ${RELEASE_COLUMNS} FROM release WHERE number = $1`, [number]);
  return row ? toRelease(row) : null;
}

/** Newest first. */
export async function listReleases(sql: SqlExecutor, limit: number): Promise<Release[]> {
  return (await sql.query<ReleaseRecord>(`SELECT ${RELEASE_COLUMNS} FROM release ORDER BY number DESC LIMIT $1`, [limit])).map(toRelease);
}

const isSql = (source: SqlSource | AsyncGenerator<Row[]>): source is SqlSource => "select" in source;

/**
 * Copies what changed in the published data into a new release, and returns it; or returns
 * null when nothing published changed since the latest release (no empty version is made).
 * Releases are taken one at a time, each from one consistent snapshot of the database.
 */
export async function createRelease(
  driver: SqlDriver,
  { epciSiren, isDemo, note = null }: { epciSiren: string; isDemo: boolean; note?: string | null },
): Promise<Release | null> {
  return driver.transaction(async (tx) => {
    // One snapshot for every dataset: a funding and its enterprise come from the same instant.
    await tx.exec("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
    // A release reads every dataset, on a schedule or at an administrator's word: like the demo
    // load, it is not a reader's request, and the statement time-out (for those) would cut it.
    await tx.exec("SET LOCAL statement_timeout = 0");
    await tx.exec("LOCK TABLE release IN EXCLUSIVE MODE");
    const [state] = await tx.query<{ last: number | null; seen: string | null; now: string }>(
      `SELECT (SELECT max(number) FROM release) AS last,
              (SELECT data_change::text FROM release_check WHERE id = 1) AS seen,
              (SELECT version::text FROM data_change WHERE id = 1) AS now`,
    );
    // Nothing written since the latest check, which took a version or found none to take.
    if (state?.seen === state?.now) return null;
    const now = state?.now ?? "0";
    // Recorded whatever this check finds, and undone with it if it fails.
    await tx.query("INSERT INTO release_check (id, data_change) VALUES (1, $1::bigint) ON CONFLICT (id) DO UPDATE SET data_change = EXCLUDED.data_change", [
      now,
    ]);
    const number = (state?.last ?? 0) + 1;
    await tx.exec("CREATE TEMP TABLE release_stage (row_key text NOT NULL, data jsonb NOT NULL) ON COMMIT DROP");
    const changelog: DatasetChanges[] = [];
    for (const dataset of RELEASED_DATASETS) {
      await stage({ sql: tx, epciSiren, isDemo }, dataset);
      changelog.push(await applyChanges(tx, dataset.name, number));
      await tx.exec("TRUNCATE release_stage");
    }
    // Nothing new since the latest version: none is made.
    if (changelog.every((c) => c.added + c.corrected + c.withdrawn === 0)) return null;
    const [row] = await tx.query<ReleaseRecord>(
      `INSERT INTO release (number, note, is_demo, data_change, changelog, columns) VALUES ($1, $2, $3, $4::bigint, $5::jsonb, $6::jsonb) RETURNING ${RELEASE_COLUMNS}`,
      [
        number,
        note,
        isDemo,
        now,
        JSON.stringify(changelog),
        JSON.stringify(Object.fromEntries(RELEASED_DATASETS.map((d) => [d.name, d.columns.map((c) => c.name)]))),
      ],
    );
    if (!row) throw new Error("the release was not recorded");
    return toRelease(row);
  });
}

/** The dataset's current rows into release_stage, each under its key (the primary key, else its content). */
async function stage(ctx: ExportContext, dataset: Dataset): Promise<void> {
  const names = dataset.columns.map((c) => c.name);
  const key =
    dataset.primaryKey.length > 0
      ? dataset.primaryKey.map((k) => `(r.data->>${names.indexOf(k)})`).join(" || '|' || ")
      : // Keyless rows (SCDL lines, indicator cells) are known by their content; equal rows are numbered.
        "md5(r.data::text) || ':' || row_number() OVER (PARTITION BY md5(r.data::text))";
  const source = dataset.source(ctx, {});
  if (isSql(source)) {
    const where = source.where.length > 0 ? `WHERE ${source.where.join(" AND ")}` : "";
    const values = names.map((name) => `s."${name}"`).join(", ");
    await ctx.sql.query(
      `INSERT INTO release_stage (row_key, data)
       SELECT ${key}, r.data FROM (SELECT jsonb_build_array(${values}) AS data FROM (SELECT ${source.select} FROM ${source.from} ${where}) AS s) AS r`,
      source.params,
    );
    return;
  }
  for await (const rows of batches(ctx, dataset, {})) {
    await ctx.sql.query(`INSERT INTO release_stage (row_key, data) SELECT ${key}, r.data FROM jsonb_array_elements($1::jsonb) AS r(data)`, [
      JSON.stringify(rows.map((row) => names.map((name) => row[name] ?? null))),
    ]);
  }
}

async function applyChanges(tx: SqlExecutor, dataset: string, number: number): Promise<DatasetChanges> {
  const [counts] = await tx.query<{ added: number; corrected: number; withdrawn: number; rows: number }>(
    `SELECT count(*) FILTER (WHERE o.row_key IS NULL)::int AS added,
            count(*) FILTER (WHERE o.row_key IS NOT NULL AND o.data <> s.data)::int AS corrected,
            count(*)::int AS rows,
            (SELECT count(*)::int FROM release_row c WHERE c.dataset = $1 AND c.valid_to IS NULL
               AND NOT EXISTS (SELECT 1 FROM release_stage x WHERE x.row_key = c.row_key)) AS withdrawn
       FROM release_stage s LEFT JOIN release_row o ON o.dataset = $1 AND o.row_key = s.row_key AND o.valid_to IS NULL`,
    [dataset],
  );
  // Close what was corrected or withdrawn, then add what is new or corrected.
  await tx.query(
    `UPDATE release_row o SET valid_to = $2 WHERE o.dataset = $1 AND o.valid_to IS NULL
       AND NOT EXISTS (SELECT 1 FROM release_stage s WHERE s.row_key = o.row_key AND s.data = o.data)`,
    [dataset, number],
  );
  await tx.query(
    `INSERT INTO release_row (dataset, row_key, valid_from, data)
     SELECT $1, s.row_key, $2, s.data FROM release_stage s
      WHERE NOT EXISTS (SELECT 1 FROM release_row o WHERE o.dataset = $1 AND o.row_key = s.row_key AND o.valid_to IS NULL)`,
    [dataset, number],
  );
  return { dataset, added: counts?.added ?? 0, corrected: counts?.corrected ?? 0, withdrawn: counts?.withdrawn ?? 0, rows: counts?.rows ?? 0 };
}

const BATCH_SIZE = 10_000;

/** The names of a dataset's columns in a release (its current ones if the release predates it). */
export const releasedColumns = (release: Release, dataset: Dataset): readonly string[] => release.columns[dataset.name] ?? dataset.columns.map((c) => c.name);

export interface ReleasedRow {
  /** Unique within the dataset and stable across versions: the row's identifier, or its content's. */
  key: string;
  row: Row;
}

export interface ReleasedPage {
  /** Rows after this key (in key order), or before it when `inverted`. */
  after?: string;
  before?: string;
  limit: number;
  /** From the last row backwards. */
  inverted?: boolean;
}

/** One page of a dataset as released, in key order (reverse order when inverted). */
export async function releasedPage(sql: SqlExecutor, dataset: Dataset, release: Release, page: ReleasedPage): Promise<ReleasedRow[]> {
  const names = releasedColumns(release, dataset);
  const params: unknown[] = [dataset.name, release.number];
  const where = ["dataset = $1", "valid_from <= $2", "(valid_to IS NULL OR valid_to > $2)"];
  for (const [bound, op] of [
    [page.after, ">"],
    [page.before, "<"],
  ] as const) {
    if (bound === undefined) continue;
    params.push(bound);
    where.push(`row_key ${op} $${params.length}`);
  }
  params.push(page.limit);
  const rows = await sql.query<{ row_key: string; data: Row[string][] | string }>(
    `SELECT row_key, data FROM release_row WHERE ${where.join(" AND ")} ORDER BY row_key ${page.inverted ? "DESC" : "ASC"} LIMIT $${params.length}`,
    params,
  );
  return rows.map((r) => {
    const values = fromJson(r.data);
    return { key: r.row_key, row: Object.fromEntries(names.map((name, i) => [name, values[i] ?? null])) };
  });
}

/** The rows of a dataset as released, in key order, batch after batch. */
export async function* releasedRows(sql: SqlExecutor, dataset: Dataset, release: Release, signal?: AbortSignal): AsyncGenerator<Row[]> {
  let after: string | undefined;
  for (;;) {
    signal?.throwIfAborted();
    const page = await releasedPage(sql, dataset, release, { after, limit: BATCH_SIZE });
    if (page.length === 0) return;
    after = page[page.length - 1]?.key;
    yield page.map((r) => r.row);
    if (page.length < BATCH_SIZE) return;
  }
}
