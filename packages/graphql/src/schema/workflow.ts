// Review and publication, the same for the four kinds of records: submit (the organisation's
// editors), publish or reject with a reason (the PTCE's admins), delete a draft.
import { encodeGlobalID } from "@pothos/plugin-relay";
import { builder, type Context } from "../builder";
import { audit } from "../collab/audit";
import { badState, conflict, invalidInput, notFound } from "../collab/errors";
import { publicationProblems } from "../collab/publication";
import { parseRecordId, type RecordKind, type RecordStatus, recordTable, type StoredRecord, visibleRecord, writeAtVersion } from "../collab/records";
import { RecordStatus as RecordStatusEnum } from "./enums";

interface RecordChange {
  kind: RecordKind;
  record: StoredRecord;
}

export const RecordChangeRef = builder.objectRef<RecordChange>("RecordChange").implement({
  description: "A record after a write: its identity, status and new version.",
  fields: (t) => ({
    id: t.id({ description: "The record's global ID.", resolve: (c) => encodeGlobalID(c.kind, c.record.id) }),
    databaseId: t.string({ description: "The record's UUID.", resolve: (c) => c.record.id }),
    kind: t.string({ description: "Enterprise, Incubation, JobRecord or Funding.", resolve: (c) => c.kind }),
    status: t.field({ type: RecordStatusEnum, description: "Status after the write.", resolve: (c) => c.record.status }),
    version: t.int({ description: "Version after the write: quote it in the next update.", resolve: (c) => c.record.version }),
    reviewNote: t.string({
      nullable: true,
      description: "The coordination's reason, for a rejected record.",
      resolve: (c) => (c.record.reviewNote as string | null) ?? null,
    }),
  }),
});

/** Loads the record named by a global ID, for an authScopes check or a resolver. */
export async function target(ctx: Context, id: string) {
  const parsed = parseRecordId(id);
  if (!parsed) throw notFound("Record");
  return { kind: parsed.kind, record: await visibleRecord(ctx.prisma, ctx.viewer, parsed.kind, parsed.id) };
}

interface Transition {
  name: string;
  description: string;
  from: readonly RecordStatus[];
  to: RecordStatus;
  action: "SUBMIT" | "PUBLISH" | "REJECT";
  /** Who may: the owner's editors, or admins only. */
  adminOnly: boolean;
  needsReason?: boolean;
}

const TRANSITIONS: readonly Transition[] = [
  {
    name: "submitRecord",
    description: "Submits a draft (or a rejected record, corrected) for review. Editors of the owning organisation, or admins.",
    from: ["DRAFT", "REJECTED"],
    to: "SUBMITTED",
    action: "SUBMIT",
    adminOnly: false,
  },
  {
    name: "publishRecord",
    description: "Publishes a record: it reaches the public dashboard, the anonymous API and the open data. Admins only.",
    from: ["SUBMITTED", "DRAFT"],
    to: "PUBLISHED",
    action: "PUBLISH",
    adminOnly: true,
  },
  {
    name: "rejectRecord",
    description: "Sends a submitted record back to its organisation with a reason. Admins only.",
    from: ["SUBMITTED"],
    to: "REJECTED",
    action: "REJECT",
    adminOnly: true,
    needsReason: true,
  },
];

const STATUS_WORDS: Record<RecordStatus, string> = { DRAFT: "brouillon", SUBMITTED: "soumis", PUBLISHED: "publié", REJECTED: "rejeté" };

for (const transition of TRANSITIONS) {
  builder.mutationField(transition.name, (t) =>
    t.field({
      type: RecordChangeRef,
      description: transition.description,
      args: {
        id: t.arg.id({ required: true, description: "Global ID of the record." }),
        version: t.arg.int({ required: true, description: "The version the caller last saw (optimistic concurrency)." }),
        ...(transition.needsReason ? { reason: t.arg.string({ required: true, description: "Why, for the organisation (shown to it)." }) } : {}),
      },
      authScopes: async (_root, args, ctx) => {
        if (!ctx.viewer) return false;
        const { record } = await target(ctx, String(args.id));
        return transition.adminOnly ? { coordinator: true } : { coordinator: true, editorOf: record.ownerPartnerId };
      },
      resolve: async (_root, args, ctx) => {
        const { kind, record } = await target(ctx, String(args.id));
        const reason = transition.needsReason ? String((args as { reason?: string }).reason ?? "").trim() : null;
        if (transition.needsReason && (!reason || reason.length > 2000))
          throw invalidInput([{ field: "reason", message: "Donnez la raison du rejet (2 000 caractères au plus)." }], "");
        if (!transition.from.includes(record.status)) {
          throw badState(
            `Impossible : ce record est ${STATUS_WORDS[record.status]} ; il doit être ${transition.from.map((s) => STATUS_WORDS[s]).join(" ou ")}.`,
          );
        }
        return ctx.prisma.$transaction(async (tx) => {
          if (transition.to === "PUBLISHED") {
            const problems = await publicationProblems(tx, kind, record);
            if (problems.length > 0) throw invalidInput(problems, "");
          }
          const userId = ctx.viewer?.userId as string;
          const written = await writeAtVersion(tx, kind, record.id, args.version, { status: transition.to, reviewNote: reason }, userId);
          await audit(tx, {
            actorId: userId,
            entity: kind,
            entityId: record.id,
            action: transition.action,
            ownerPartnerId: record.ownerPartnerId,
            before: record,
            after: written,
            note: reason,
          });
          return { kind, record: written };
        });
      },
    }),
  );
}

builder.mutationField("deleteRecord", (t) =>
  t.field({
    type: RecordChangeRef,
    description:
      "Deletes a draft or rejected record (published and submitted records stay). Editors of the owning organisation, or admins. Returns the record as it was.",
    args: {
      id: t.arg.id({ required: true, description: "Global ID of the record." }),
      version: t.arg.int({ required: true, description: "The version you read." }),
    },
    authScopes: async (_root, args, ctx) => {
      if (!ctx.viewer) return false;
      const { record } = await target(ctx, String(args.id));
      return { coordinator: true, editorOf: record.ownerPartnerId };
    },
    resolve: async (_root, args, ctx) => {
      const { kind, record } = await target(ctx, String(args.id));
      if (record.status !== "DRAFT" && record.status !== "REJECTED")
        throw badState(`Impossible : seul un brouillon ou un record rejeté peut être supprimé ; celui-ci est ${STATUS_WORDS[record.status]}.`);
      return ctx.prisma.$transaction(async (tx) => {
        if (kind === "Enterprise") {
          const [incubations, jobs, fundings] = await Promise.all([
            tx.incubation.count({ where: { enterpriseId: record.id } }),
            tx.jobRecord.count({ where: { enterpriseId: record.id } }),
            tx.funding.count({ where: { beneficiaryEnterpriseId: record.id } }),
          ]);
          if (incubations + jobs + fundings > 0)
            throw badState("Impossible : des incubations, emplois ou financements se rapportent à cette entreprise ; supprimez-les d'abord.");
        }
        const { count } = await recordTable(tx, kind).deleteMany({ where: { id: record.id, version: args.version } });
        if (count === 0) throw conflict(record.version, args.version);
        await audit(tx, {
          actorId: ctx.viewer?.userId as string,
          entity: kind,
          entityId: record.id,
          action: "DELETE",
          ownerPartnerId: record.ownerPartnerId,
          before: record,
        });
        return { kind, record };
      });
    },
  }),
);
