// Review and publication, the same for the four kinds of records: submit (the organisation's
// editors), publish or reject with a reason (the PTCE's coordination), delete a draft.
import { deleteRecord, publishRecord, rejectRecord, submitRecord } from "@oess/app";
import { builder } from "../builder";
import { editorsOfTarget, RecordChangeRef, target } from "./record";

const coordination = async (ctx: Parameters<typeof target>[0], id: string | number) => {
  if (!ctx.viewer) return false;
  await target(ctx, id); // "not found" rather than "forbidden" for a record one may not see
  return { coordinator: true };
};

builder.mutationField("submitRecord", (t) =>
  t.withAuth({ signedIn: true }).field({
    type: RecordChangeRef,
    description: "Submits a draft (or a rejected record, corrected) for review. Editors of the owning organisation, or admins.",
    args: {
      id: t.arg.id({ required: true, description: "Global ID of the record." }),
      version: t.arg.int({ required: true, description: "The version the caller last saw (optimistic concurrency)." }),
    },
    authScopes: (_root, args, ctx) => editorsOfTarget(ctx, args.id),
    resolve: async (_root, args, ctx) => submitRecord(ctx, await target(ctx, args.id), args.version),
  }),
);

builder.mutationField("publishRecord", (t) =>
  t.withAuth({ signedIn: true }).field({
    type: RecordChangeRef,
    description: "Publishes a record: it reaches the public dashboard, the anonymous API and the open data. Admins only.",
    args: {
      id: t.arg.id({ required: true, description: "Global ID of the record." }),
      version: t.arg.int({ required: true, description: "The version the caller last saw (optimistic concurrency)." }),
    },
    authScopes: (_root, args, ctx) => coordination(ctx, args.id),
    resolve: async (_root, args, ctx) => publishRecord(ctx, await target(ctx, args.id), args.version),
  }),
);

builder.mutationField("rejectRecord", (t) =>
  t.withAuth({ signedIn: true }).field({
    type: RecordChangeRef,
    description: "Sends a submitted record back to its organisation with a reason. Admins only.",
    args: {
      id: t.arg.id({ required: true, description: "Global ID of the record." }),
      version: t.arg.int({ required: true, description: "The version the caller last saw (optimistic concurrency)." }),
      reason: t.arg.string({ required: true, description: "Why, for the organisation (shown to it)." }),
    },
    authScopes: (_root, args, ctx) => coordination(ctx, args.id),
    resolve: async (_root, args, ctx) => rejectRecord(ctx, await target(ctx, args.id), args.version, args.reason),
  }),
);

builder.mutationField("deleteRecord", (t) =>
  t.withAuth({ signedIn: true }).field({
    type: RecordChangeRef,
    description:
      "Deletes a draft or rejected record (published and submitted records stay). Editors of the owning organisation, or admins. Returns the record as it was.",
    args: {
      id: t.arg.id({ required: true, description: "Global ID of the record." }),
      version: t.arg.int({ required: true, description: "The version you read." }),
    },
    authScopes: (_root, args, ctx) => editorsOfTarget(ctx, args.id),
    resolve: async (_root, args, ctx) => deleteRecord(ctx, await target(ctx, args.id), args.version),
  }),
);
