// The four kinds of contributed records share one life: created as drafts by an organisation's
// editors, submitted, then published or rejected by the PTCE's coordination. This module holds
// that life once for all four.
import type { Prisma, PrismaClient } from "@oess/db";
import { isUuid, RECORD_KIND_LABELS, type RecordKind, type RecordStatus } from "@oess/domain";
import { conflict, notFound } from "./errors";
import { canEdit, isCoordinator, type Viewer } from "./viewer";

export type { RecordKind, RecordStatus };

export interface StoredRecord {
  id: string;
  status: RecordStatus;
  version: number;
  ownerPartnerId: string;
  /** The coordination's reason, while the record is rejected. */
  reviewNote: string | null;
  [field: string]: unknown;
}

// Prisma gives each model its own delegate type; these are the operations the workflow needs,
// which all four delegates have with these shapes (TypeScript checks each one below). The
// columns written are the ones the kind's rules produce, checked by the domain and the database.
interface RecordTable {
  findUnique(args: { where: { id: string } }): Promise<StoredRecord | null>;
  create(args: { data: Record<string, unknown> }): Promise<StoredRecord>;
  updateMany(args: { where: { id: string; version: number }; data: Record<string, unknown> }): Promise<{ count: number }>;
  deleteMany(args: { where: { id: string; version: number } }): Promise<{ count: number }>;
}

type Client = PrismaClient | Prisma.TransactionClient;
export function recordTable(db: Client, kind: RecordKind): RecordTable {
  const tables: Record<RecordKind, RecordTable> = { Enterprise: db.enterprise, Incubation: db.incubation, JobRecord: db.jobRecord, Funding: db.funding };
  return tables[kind];
}

/** An organisation's drafts, and the whole history of its records: its members' and the admins'. */
export const canSeeDrafts = (viewer: Viewer | null, ownerPartnerId: string): boolean =>
  isCoordinator(viewer) || (viewer?.memberships.some((m) => m.partnerId === ownerPartnerId) ?? false);

/** Published records are public; others belong to their organisation's members and the admins. */
export const canSee = (viewer: Viewer | null, record: Pick<StoredRecord, "status" | "ownerPartnerId">): boolean =>
  record.status === "PUBLISHED" || canSeeDrafts(viewer, record.ownerPartnerId);

/** One enterprise's yearly jobs are statistical microdata (secret statistique): signed-in readers only, even published. */
const SIGNED_IN_ONLY_KINDS: readonly RecordKind[] = ["JobRecord"];

/** The record, if it exists and the viewer may see it; "not found" otherwise, so as to leak nothing. */
export async function visibleRecord(db: Client, viewer: Viewer | null, kind: RecordKind, id: string): Promise<StoredRecord> {
  const record = isUuid(id) ? await recordTable(db, kind).findUnique({ where: { id } }) : null;
  if (!record || !canSee(viewer, record) || (viewer === null && SIGNED_IN_ONLY_KINDS.includes(kind))) throw notFound(RECORD_KIND_LABELS[kind]);
  return record;
}

/** Editors change their organisation's records while drafts or rejected; admins, any record. */
export const canChange = (viewer: Viewer | null, record: Pick<StoredRecord, "status" | "ownerPartnerId">): boolean =>
  isCoordinator(viewer) || (canEdit(viewer, record.ownerPartnerId) && (record.status === "DRAFT" || record.status === "REJECTED"));

/**
 * Writes `data` only if the record is still at `version` (optimistic concurrency): two people
 * editing the same record never silently overwrite each other. Returns the record as written.
 */
export async function writeAtVersion(
  tx: Prisma.TransactionClient,
  kind: RecordKind,
  id: string,
  version: number,
  data: Record<string, unknown>,
  userId: string,
): Promise<StoredRecord> {
  const table = recordTable(tx, kind);
  const { count } = await table.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 }, updatedById: userId } });
  if (count === 0) {
    const current = await table.findUnique({ where: { id } });
    if (!current) throw notFound(RECORD_KIND_LABELS[kind]);
    throw conflict(current.version, version);
  }
  return (await table.findUnique({ where: { id } })) as StoredRecord;
}
