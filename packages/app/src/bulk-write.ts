// Many rows in one statement per thousand (INSERT … SELECT FROM unnest), inside the import's
// Prisma transaction: an import of 10 000 rows takes a few statements, not 10 000.
import { bulkColumn, insertRows, type Prisma, type SqlExecutor, type TableSpec } from "@oess/db";
import type { AuditEntry } from "./audit";

/** The transaction as a plain SQL executor, for the bulk insert helper. */
const executor = (tx: Prisma.TransactionClient): SqlExecutor => ({
  query: <Row>(sql: string, params: unknown[] = []) => tx.$queryRawUnsafe<Row[]>(sql, ...params),
  exec: async (sql: string) => void (await tx.$executeRawUnsafe(sql)),
});

const snake = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const value = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : (v ?? null));

// PostgreSQL types of the columns an import writes.
const TYPES: Record<string, string> = {
  id: "uuid",
  enterpriseId: "uuid",
  funderId: "uuid",
  beneficiaryEnterpriseId: "uuid",
  beneficiaryPartnerId: "uuid",
  ownerPartnerId: "uuid",
  createdById: "uuid",
  updatedById: "uuid",
  year: "int",
  dataYear: "int",
  jobsCreated: "int",
  fte: "numeric",
  amount: "numeric",
  fundingShare: "numeric",
  decisionDate: "date",
  conventionDate: "date",
  paymentStart: "date",
  paymentEnd: "date",
  euNotification: "boolean",
  status: '"RecordStatus"',
  instrument: '"FundingInstrument"',
  aidNature: '"AidNature"',
};

const CHUNK = 1000;

export async function insertRecords(
  tx: Prisma.TransactionClient,
  table: "job_record" | "funding",
  rows: ReadonlyArray<Record<string, unknown>>,
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const spec: TableSpec<Record<string, unknown>> = {
    table,
    columns: Object.keys(first).map((field) => bulkColumn(snake(field), TYPES[field] ?? "text", (row) => value(row[field]))),
  };
  for (let i = 0; i < rows.length; i += CHUNK) await insertRows(executor(tx), spec, rows.slice(i, i + CHUNK));
}

const json = (v: unknown) => (v == null ? null : JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? x.toString() : x)));
const AUDIT: TableSpec<AuditEntry> = {
  table: "audit_event",
  columns: [
    bulkColumn("actor_id", "uuid", (e) => e.actorId),
    bulkColumn("entity", "text", (e) => e.entity),
    bulkColumn("entity_id", "text", (e) => e.entityId),
    bulkColumn("action", '"AuditAction"', (e) => e.action),
    bulkColumn("owner_partner_id", "uuid", (e) => e.ownerPartnerId ?? null),
    bulkColumn("before", "jsonb", (e) => json(e.before)),
    bulkColumn("after", "jsonb", (e) => json(e.after)),
    bulkColumn("note", "text", (e) => e.note ?? null),
  ],
};

export async function insertAuditEvents(tx: Prisma.TransactionClient, events: readonly AuditEntry[]): Promise<void> {
  for (let i = 0; i < events.length; i += CHUNK) await insertRows(executor(tx), AUDIT, events.slice(i, i + CHUNK));
}
