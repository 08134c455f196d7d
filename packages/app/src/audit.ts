// Audit events: written with the same transaction client as the change they record, so that a
// change and its trace commit or roll back together.
import type { Prisma } from "@oess/db";

type AuditAction = "CREATE" | "UPDATE" | "SUBMIT" | "PUBLISH" | "REJECT" | "DELETE" | "GRANT_ROLE" | "REVOKE_ROLE" | "HIDE";

export interface AuditEntry {
  actorId: string;
  entity: string;
  entityId: string;
  action: AuditAction;
  ownerPartnerId?: string | null;
  before?: unknown;
  after?: unknown;
  note?: string | null;
}

/** A row as JSON: decimals, dates and big integers as text, as they would be exported. */
const snapshot = (row: unknown): Prisma.InputJsonValue | undefined =>
  row == null ? undefined : (JSON.parse(JSON.stringify(row, (_key, value) => (typeof value === "bigint" ? value.toString() : value))) as Prisma.InputJsonValue);

const toData = (e: AuditEntry) => ({
  actorId: e.actorId,
  entity: e.entity,
  entityId: e.entityId,
  action: e.action,
  ownerPartnerId: e.ownerPartnerId ?? null,
  before: snapshot(e.before),
  after: snapshot(e.after),
  note: e.note ?? null,
});

export async function audit(tx: Prisma.TransactionClient, ...entries: AuditEntry[]): Promise<void> {
  if (entries.length === 1 && entries[0]) await tx.auditEvent.create({ data: toData(entries[0]) });
  else if (entries.length > 1) await tx.auditEvent.createMany({ data: entries.map(toData) });
}
