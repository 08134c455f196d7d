// A bulk load into empty record tables, the way PostgreSQL loads fastest: their keys, indexes and
// rollup triggers are set aside during the load and rebuilt once after it, each in one pass over
// the rows. An index is then built by one sort instead of a million insertions, a foreign key
// checked by one join instead of one lookup per row, and the rollups summed once instead of merged
// per batch. The definitions come from the catalogue, so they come back exactly as the migrations
// made them; a load that fails is rolled back with the whole transaction, definitions included.
import type { SqlExecutor } from "../driver";

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function withKeysSetAside<T>(tx: SqlExecutor, tables: readonly string[], load: () => Promise<T>): Promise<T> {
  // Foreign keys, then primary and unique keys, with their indexes: what is dropped, and rebuilt in
  // the reverse order. A table that a foreign key points to keeps its key (the enterprises: the
  // checks the load still runs, such as SCDL's, look rows up by it).
  const keys = await tx.query<{ table: string; name: string; definition: string }>(
    `SELECT t.relname AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS definition
       FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
      WHERE t.relname = ANY($1::text[]) AND t.relnamespace = 'public'::regnamespace
        AND (c.contype = 'f' OR c.contype IN ('p', 'u') AND NOT EXISTS (SELECT 1 FROM pg_constraint r WHERE r.contype = 'f' AND r.confrelid = c.conrelid))
      ORDER BY c.contype <> 'f'`,
    [tables],
  );
  const indexes = await tx.query<{ name: string; definition: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
      WHERE t.relname = ANY($1::text[]) AND t.relnamespace = 'public'::regnamespace
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid)`,
    [tables],
  );
  // Locks in the order other writers take them (the territory's sync writes communes, whose keys
  // reach the enterprises): the tables the keys point to, then these. Taken the other way round, a
  // writer holding a commune while waiting for the enterprises deadlocks with the load.
  const referenced = await tx.query<{ name: string }>(
    `SELECT DISTINCT c.confrelid::regclass::text AS name FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
      WHERE c.contype = 'f' AND t.relname = ANY($1::text[]) AND t.relnamespace = 'public'::regnamespace AND NOT c.confrelid::regclass::text = ANY($1::text[])`,
    [tables],
  );
  const triggers = (verb: "DISABLE" | "ENABLE") => tables.map((t) => `ALTER TABLE ${quoted(t)} ${verb} TRIGGER ${quoted(`${t}_rollup_insert`)};`).join("\n");

  await tx.exec(
    [
      ...(referenced.length > 0 ? [`LOCK TABLE ${referenced.map((r) => r.name).join(", ")} IN SHARE ROW EXCLUSIVE MODE;`] : []),
      `LOCK TABLE ${tables.map(quoted).join(", ")} IN ACCESS EXCLUSIVE MODE;`,
      ...keys.map((k) => `ALTER TABLE ${quoted(k.table)} DROP CONSTRAINT ${quoted(k.name)};`),
      ...indexes.map((i) => `DROP INDEX ${i.name};`),
      triggers("DISABLE"),
    ].join("\n"),
  );
  const result = await load();
  await tx.exec(
    [
      ...keys.toReversed().map((k) => `ALTER TABLE ${quoted(k.table)} ADD CONSTRAINT ${quoted(k.name)} ${k.definition};`),
      ...indexes.map((i) => `${i.definition};`),
      triggers("ENABLE"),
      "SELECT indicator_rollup_refill();",
    ].join("\n"),
  );
  return result;
}
