// What every contributed record (enterprise, incubation, job record, funding) carries, and the
// answer of every write to one.
import { canChange, notFound, type RecordChange, visibleRecord } from "@oess/app";
import { isUuid, RECORD_KINDS, type RecordKind, type RecordStatus as RecordStatusValue } from "@oess/domain";
import { decodeGlobalID, encodeGlobalID } from "@pothos/plugin-relay";
import { builder, type Context } from "../builder";
import { RecordStatus } from "./enums";

interface RecordShape {
  status: RecordStatusValue;
  version: number;
  publishedAt: Date | null;
  source: string;
  dataYear: number;
  ownerPartnerId: string;
  reviewNote: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const ContributedRecord = builder.interfaceRef<RecordShape>("ContributedRecord").implement({
  description: "A record contributed by a partner organisation, with its provenance and publication status.",
  fields: (t) => ({
    status: t.expose("status", { type: RecordStatus, description: "Publication status (statut)." }),
    version: t.exposeInt("version", { description: "Incremented at each change; updates must quote it (optimistic concurrency)." }),
    publishedAt: t.expose("publishedAt", { type: "DateTime", nullable: true, description: "When the record was first published; null if it never was." }),
    source: t.exposeString("source", { description: "Where the figure comes from (source)." }),
    // The note stays in the row after a resubmission: shown only while it is the record's state.
    reviewNote: t.string({
      nullable: true,
      description: "Why the PTCE's coordination rejected it, while it is rejected.",
      resolve: (record) => (record.status === "REJECTED" ? record.reviewNote : null),
    }),
    dataYear: t.exposeInt("dataYear", { description: "Data year (millésime) of the figure." }),
    viewerCanChange: t.boolean({
      description:
        "Whether the caller may change (or delete, or submit) this record now: its organisation's editors and admins while it is a draft or rejected, the PTCE's coordination at any time.",
      resolve: (record, _args, ctx) => canChange(ctx.viewer, record),
    }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When the record was created." }),
    updatedAt: t.expose("updatedAt", { type: "DateTime", description: "When the record last changed." }),
  }),
});

/**
 * Object-level guard, whatever the path to the record: published records are public; any other
 * needs a PTCE admin or a member of the organisation that recorded it (lists filter the same way
 * in SQL, see visibleWhere).
 */
export const visibleTo = (record: Pick<RecordShape, "status" | "ownerPartnerId">) =>
  record.status === "PUBLISHED" ? true : { coordinator: true, memberOf: record.ownerPartnerId };

/** A record's kind and database id from its global ID; null when the ID names no contributed record. */
export function parseRecordId(globalId: string): { kind: RecordKind; id: string } | null {
  try {
    const { typename, id } = decodeGlobalID(globalId);
    return (RECORD_KINDS as readonly string[]).includes(typename) && isUuid(id) ? { kind: typename as RecordKind, id } : null;
  } catch {
    return null;
  }
}

/** Loads the record named by a global ID, for an authScopes check or a resolver; "not found" if the viewer may not see it. */
export async function target(ctx: Context, id: string | number): Promise<RecordChange> {
  const parsed = parseRecordId(String(id));
  if (!parsed) throw notFound("Fiche");
  return { kind: parsed.kind, record: await visibleRecord(ctx.prisma, ctx.viewer, parsed.kind, parsed.id) };
}

export const RecordChangeRef = builder.objectRef<RecordChange>("RecordChange").implement({
  description: "A record after a write: its identity, status and new version.",
  fields: (t) => ({
    id: t.id({ description: "The record's global ID.", resolve: (c) => encodeGlobalID(c.kind, c.record.id) }),
    databaseId: t.string({ description: "The record's UUID.", resolve: (c) => c.record.id }),
    kind: t.string({ description: "Enterprise, Incubation, JobRecord or Funding.", resolve: (c) => c.kind }),
    status: t.field({ type: RecordStatus, description: "Status after the write.", resolve: (c) => c.record.status }),
    version: t.int({ description: "Version after the write: quote it in the next update.", resolve: (c) => c.record.version }),
    reviewNote: t.string({
      nullable: true,
      description: "The coordination's reason, for a rejected record.",
      resolve: (c) => c.record.reviewNote,
    }),
  }),
});

/** A write's authorisation: the record's organisation's editors, or the coordination. */
export const editorsOfTarget = async (ctx: Context, id: string | number) => {
  if (!ctx.viewer) return false;
  const { record } = await target(ctx, id);
  return { coordinator: true, editorOf: record.ownerPartnerId };
};
