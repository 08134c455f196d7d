// What every contributed record (enterprise, incubation, job record, funding) carries, and the
// answer of every write to one.
import { canChange, notFound, type RecordChange, visibleRecord } from "@oess/app";
import { isUuid, RECORD_KINDS, type RecordKind, type RecordStatus as RecordStatusValue } from "@oess/domain";
import { decodeGlobalID, encodeGlobalID } from "@pothos/plugin-relay";
import { builder, type Context } from "../builder";
import { RecordStatus } from "./enums";

interface RecordColumns {
  status: RecordStatusValue;
  ownerPartnerId: string;
  version: number;
  publishedAt: Date | null;
  source: string;
  dataYear: number;
  reviewNote: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * A record as its type loads it: the four record types load only what a query selects (Pothos'
 * select mode), so besides the columns of the visibility rule (RECORD_SELECT), a row holds the
 * columns of the fields asked.
 */
type RecordShape = Pick<RecordColumns, "status" | "ownerPartnerId"> & Partial<RecordColumns>;

/** What every record type loads whatever the query: the visibility rule's columns (see visibleTo). */
export const RECORD_SELECT = { id: true, status: true, ownerPartnerId: true } as const;

/**
 * The column an interface field reads. The interface is not a Prisma type: its fields name their
 * column the way the Prisma plugin's own fields do, and the plugin's planner adds it to the
 * record's query.
 */
const reads = (column: keyof RecordColumns) => ({ pothosPrismaSelect: { [column]: true } });

/** A column's value, which `reads` had loaded. */
function loaded<T>(value: T | undefined, column: keyof RecordColumns): T {
  if (value === undefined) throw new Error(`The record's ${column} was not loaded with it.`);
  return value;
}

export const ContributedRecord = builder.interfaceRef<RecordShape>("ContributedRecord").implement({
  description: "A record contributed by a partner organisation, with its provenance and publication status.",
  fields: (t) => ({
    status: t.expose("status", { type: RecordStatus, description: "Publication status (statut)." }),
    version: t.int({
      extensions: reads("version"),
      description: "Incremented at each change; updates must quote it (optimistic concurrency).",
      resolve: (record) => loaded(record.version, "version"),
    }),
    publishedAt: t.field({
      type: "DateTime",
      nullable: true,
      extensions: reads("publishedAt"),
      description: "When the record was first published; null if it never was.",
      resolve: (record) => loaded(record.publishedAt, "publishedAt"),
    }),
    source: t.string({
      extensions: reads("source"),
      description: "Where the figure comes from (source).",
      resolve: (record) => loaded(record.source, "source"),
    }),
    // The note stays in the row after a resubmission: shown only while it is the record's state.
    reviewNote: t.string({
      nullable: true,
      extensions: reads("reviewNote"),
      description: "Why the PTCE's coordination rejected it, while it is rejected.",
      resolve: (record) => (record.status === "REJECTED" ? loaded(record.reviewNote, "reviewNote") : null),
    }),
    dataYear: t.int({
      extensions: reads("dataYear"),
      description: "Data year (millésime) of the figure.",
      resolve: (record) => loaded(record.dataYear, "dataYear"),
    }),
    viewerCanChange: t.boolean({
      description:
        "Whether the caller may change (or delete, or submit) this record now: its organisation's editors and admins while it is a draft or rejected, the PTCE's coordination at any time.",
      resolve: (record, _args, ctx) => canChange(ctx.viewer, record),
    }),
    createdAt: t.field({
      type: "DateTime",
      extensions: reads("createdAt"),
      description: "When the record was created.",
      resolve: (record) => loaded(record.createdAt, "createdAt"),
    }),
    updatedAt: t.field({
      type: "DateTime",
      extensions: reads("updatedAt"),
      description: "When the record last changed.",
      resolve: (record) => loaded(record.updatedAt, "updatedAt"),
    }),
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
