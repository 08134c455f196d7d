// Review at the scale of an import: an organisation submits all its drafts at once, and the
// coordination publishes all that an organisation submitted that may be published.
import { type BulkResult, publishAllSubmitted, submitAllDrafts } from "@oess/app";
import { builder } from "../builder";

const BulkResultRef = builder.objectRef<BulkResult>("BulkReviewResult").implement({
  description: "What a bulk review step did.",
  fields: (t) => ({
    changed: t.exposeInt("changed", { description: "Records whose status changed." }),
    remaining: t.exposeInt("remaining", {
      description: "Records left as they were because they may not change yet (publishing: unpublished enterprise, or a grant not exportable in SCDL).",
    }),
  }),
});

builder.mutationField("submitAllDrafts", (t) =>
  t.withAuth({ signedIn: true }).field({
    type: BulkResultRef,
    description: "Submits every draft of an organisation for review, e.g. after an import. Editors of the organisation, or admins.",
    args: { partnerId: t.arg.string({ required: true, description: "UUID of the organisation." }) },
    authScopes: (_root, args) => ({ editorOf: args.partnerId }),
    resolve: (_root, { partnerId }, ctx) => submitAllDrafts(ctx, partnerId),
  }),
);

builder.mutationField("publishAllSubmitted", (t) =>
  t.withAuth({ signedIn: true }).field({
    type: BulkResultRef,
    description: "Publishes everything an organisation submitted that may be published; the rest stays submitted and is counted. Admins only.",
    args: { partnerId: t.arg.string({ required: true, description: "UUID of the organisation." }) },
    authScopes: { coordinator: true },
    resolve: (_root, { partnerId }, ctx) => publishAllSubmitted(ctx, partnerId),
  }),
);
