// What every contributed record (enterprise, incubation, job record, funding) carries.
import { builder } from "../builder";
import { RecordStatus } from "./enums";

interface RecordShape {
  status: "DRAFT" | "SUBMITTED" | "PUBLISHED" | "REJECTED";
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
