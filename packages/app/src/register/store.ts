// The register's write: what an extract says, against what the register holds. One transaction
// adds, changes and removes establishments and records each change with its before and after;
// an extract identical to the last one changes nothing. Imports are serialised by an advisory
// lock, so two of them cannot interleave their differences.
import type { SqlDriver, SqlExecutor } from "@oess/db";
import type { RegisterEntry, RegisterRead } from "@oess/sirene";

type Field = Exclude<keyof RegisterEntry, "siret">;

/** Each field, its column and how the column reads back as the field's JSON value. */
const COLUMNS: ReadonlyArray<readonly [field: Field, column: string, read: string]> = [
  ["siren", "siren", "siren"],
  ["diffusible", "diffusible", "diffusible"],
  ["name", "name", "name"],
  ["establishmentName", "establishment_name", "establishment_name"],
  ["communeCode", "commune_code", "commune_code"],
  ["legalCategory", "legal_category", "legal_category"],
  ["legalFamily", "legal_family", "legal_family::text"],
  ["nafRev2", "naf_rev2", "naf_rev2"],
  ["naf2025", "naf_2025", "naf_2025"],
  ["nafSection", "naf_section", "naf_section"],
  ["staffBand", "staff_band", "staff_band"],
  ["staffBandYear", "staff_band_year", "staff_band_year"],
  ["createdOn", "created_on", "to_char(created_on, 'YYYY-MM-DD')"],
  ["unitCreatedOn", "unit_created_on", "to_char(unit_created_on, 'YYYY-MM-DD')"],
  ["active", "active", "active"],
  ["ceasedOn", "ceased_on", "to_char(ceased_on, 'YYYY-MM-DD')"],
  ["headOffice", "head_office", "head_office"],
];

export interface RegisterImportMeta {
  /** The files' names, as the import was given them. */
  files: string;
  startedAt: Date;
  startedById?: string | null;
  /** The extract's date as INSEE states it; else the latest processing date of its rows. */
  extractDate?: string | null;
}

export interface RegisterImportReport {
  id: string;
  extractDate: string | null;
  rowsRead: number;
  kept: number;
  added: number;
  changed: number;
  removed: number;
}

type Change = { siret: string; kind: "ADDED" | "CHANGED" | "REMOVED"; fields: object };

/** The entries as json_populate_recordset reads them: column names as keys. */
const asColumns = (entries: readonly RegisterEntry[], importId: string) =>
  JSON.stringify(
    entries.map((e) => Object.fromEntries([["siret", e.siret], ["import_id", importId], ...COLUMNS.map(([field, column]) => [column, e[field]])])),
  );

async function readCurrent(tx: SqlExecutor): Promise<Map<string, RegisterEntry>> {
  const rows = await tx.query<RegisterEntry>(
    `SELECT siret, ${COLUMNS.map(([field, , read]) => `${read} AS "${field}"`).join(", ")} FROM register_establishment`,
  );
  return new Map(rows.map((row) => [row.siret, row]));
}

function differences(current: ReadonlyMap<string, RegisterEntry>, entries: readonly RegisterEntry[]) {
  const added: RegisterEntry[] = [];
  const changed: RegisterEntry[] = [];
  const changes: Change[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    seen.add(entry.siret);
    const before = current.get(entry.siret);
    if (!before) {
      added.push(entry);
      changes.push({ siret: entry.siret, kind: "ADDED", fields: entry });
      continue;
    }
    const fields = Object.fromEntries(COLUMNS.filter(([f]) => before[f] !== entry[f]).map(([f]) => [f, [before[f], entry[f]]]));
    if (Object.keys(fields).length === 0) continue;
    changed.push(entry);
    changes.push({ siret: entry.siret, kind: "CHANGED", fields });
  }
  const removed = [...current.values()].filter((e) => !seen.has(e.siret));
  for (const entry of removed) changes.push({ siret: entry.siret, kind: "REMOVED", fields: entry });
  return { added, changed, removed, changes };
}

/** Writes the register as `read` found it, in one transaction; returns what changed. */
export async function storeRegister(sql: SqlDriver, read: RegisterRead, meta: RegisterImportMeta): Promise<RegisterImportReport> {
  const extractDate = meta.extractDate ?? read.latestProcessedOn;
  const rowsRead = read.establishmentsRead + read.unitsRead;
  return sql.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock(hashtext('register_import'))");
    const { added, changed, removed, changes } = differences(await readCurrent(tx), read.entries);
    const [run] = await tx.query<{ id: string }>(
      `INSERT INTO register_import (status, started_at, extract_date, files, started_by_id, rows_read, kept, added, changed, removed)
       VALUES ('DONE', $1, $2::date, $3, $4::uuid, $5, $6, $7, $8, $9) RETURNING id::text AS id`,
      [
        meta.startedAt.toISOString(),
        extractDate,
        meta.files,
        meta.startedById ?? null,
        rowsRead,
        read.entries.length,
        added.length,
        changed.length,
        removed.length,
      ],
    );
    const id = run?.id ?? "";
    if (removed.length > 0) await tx.query("DELETE FROM register_establishment WHERE siret = ANY($1::text[])", [removed.map((e) => e.siret)]);
    if (added.length > 0) {
      await tx.query(`INSERT INTO register_establishment SELECT * FROM json_populate_recordset(NULL::register_establishment, $1::json)`, [
        asColumns(added, id),
      ]);
    }
    if (changed.length > 0) {
      await tx.query(
        `UPDATE register_establishment t SET ${[...COLUMNS.map(([, c]) => c), "import_id"].map((c) => `${c} = r.${c}`).join(", ")}
         FROM json_populate_recordset(NULL::register_establishment, $1::json) r WHERE t.siret = r.siret`,
        [asColumns(changed, id)],
      );
    }
    if (changes.length > 0) {
      await tx.query(
        `INSERT INTO register_change (import_id, siret, kind, fields)
         SELECT $1::uuid, c.siret, c.kind::"RegisterChangeKind", c.fields FROM json_to_recordset($2::json) AS c(siret text, kind text, fields jsonb)`,
        [id, JSON.stringify(changes)],
      );
    }
    return { id, extractDate, rowsRead, kept: read.entries.length, added: added.length, changed: changed.length, removed: removed.length };
  });
}

/** Records an import that stopped before its write: the register is left as it was. */
export async function recordStoppedImport(sql: SqlDriver, meta: RegisterImportMeta, status: "CANCELLED" | "FAILED", error: string): Promise<void> {
  await sql.query(
    `INSERT INTO register_import (status, started_at, extract_date, files, started_by_id, error) VALUES ($1::"RegisterImportStatus", $2, $3::date, $4, $5::uuid, $6)`,
    [status, meta.startedAt.toISOString(), meta.extractDate ?? null, meta.files, meta.startedById ?? null, error],
  );
}
