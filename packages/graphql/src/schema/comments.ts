// Comments by signed-in users, on a record or on a dashboard view (its permalink). Admins can
// hide one: it stays in the database and in the audit log, its text is no longer shown.

import { audit, invalidInput, isCoordinator, notFound, visibleRecord } from "@oess/app";
import { isUuid } from "@oess/domain";
import { builder, type Context } from "../builder";
import { parseRecordId } from "./record";

builder.prismaObject("Comment", {
  description: "A comment. Its text is null once an admin has hidden it (admins still read it).",
  fields: (t) => ({
    databaseId: t.exposeString("id", { description: "The comment's UUID." }),
    authorName: t.string({ description: "Who wrote it.", select: { author: { select: { name: true } } }, resolve: (c) => c.author.name }),
    body: t.string({
      nullable: true,
      description: "The text; null when hidden (except for admins).",
      resolve: (c, _args, ctx) => (c.hiddenAt && !isCoordinator(ctx.viewer) ? null : c.body),
    }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it was written." }),
    hidden: t.boolean({ description: "Whether an admin hid it.", resolve: (c) => c.hiddenAt !== null }),
    viewPath: t.exposeString("viewPath", { nullable: true, description: "The dashboard view it is about, if any." }),
  }),
});

// A dashboard view is a path of this site and its query string: "/emplois?commune=79191".
const VIEW_PATH = /^\/[a-z0-9\-/]*(\?[^\s#]*)?$/;
const normalizedViewPath = (path: string) => path.trim().slice(0, 500);

/** The comment's target, checked: a visible record or a dashboard view, not both. */
async function commentTarget(ctx: Context, recordId?: string | null, viewPath?: string | null) {
  if ((recordId ? 1 : 0) + (viewPath ? 1 : 0) !== 1)
    throw invalidInput([{ field: "recordId", message: "Commentez soit une fiche, soit une vue du tableau de bord." }], "");
  if (recordId) {
    const parsed = parseRecordId(recordId);
    if (!parsed) throw notFound("Fiche");
    await visibleRecord(ctx.prisma, ctx.viewer, parsed.kind, parsed.id);
    return { entity: parsed.kind, entityId: parsed.id, viewPath: null };
  }
  const path = normalizedViewPath(viewPath ?? "");
  if (!VIEW_PATH.test(path)) throw invalidInput([{ field: "viewPath", message: "Adresse de vue attendue, comme /emplois?commune=79191." }], "");
  return { entity: null, entityId: null, viewPath: path };
}

builder.queryField("comments", (t) =>
  t.prismaField({
    type: ["Comment"],
    authScopes: { signedIn: true },
    description: "The comments on a record (by global ID) or on a dashboard view (by path), oldest first. Signed-in users.",
    args: {
      recordId: t.arg.id({ required: false, description: "Global ID of the record." }),
      viewPath: t.arg.string({ required: false, description: 'Path and query string of the view, e.g. "/emplois?commune=79191".' }),
    },
    resolve: async (query, _root, args, ctx) => {
      const where = await commentTarget(ctx, args.recordId ? String(args.recordId) : null, args.viewPath);
      return ctx.prisma.comment.findMany({ ...query, where, orderBy: { createdAt: "asc" }, take: 500 });
    },
  }),
);

builder.mutationField("addComment", (t) =>
  t.withAuth({ signedIn: true }).prismaField({
    type: "Comment",
    authScopes: { signedIn: true },
    description: "Comments on a record (by global ID) or on a dashboard view (by path). Signed-in users, whatever their role.",
    args: {
      recordId: t.arg.id({ required: false, description: "Global ID of the record." }),
      viewPath: t.arg.string({ required: false, description: 'Path and query string of the view, e.g. "/emplois?commune=79191".' }),
      body: t.arg.string({ required: true, description: "The comment, 1 to 4 000 characters." }),
    },
    resolve: async (query, _root, args, ctx) => {
      const body = args.body.trim();
      if (body.length === 0 || body.length > 4000) throw invalidInput([{ field: "body", message: "Écrivez un commentaire de 1 à 4 000 caractères." }], "");
      const where = await commentTarget(ctx, args.recordId ? String(args.recordId) : null, args.viewPath);
      const authorId = ctx.viewer.userId;
      return ctx.prisma.$transaction(async (tx) => {
        const comment = await tx.comment.create({ data: { ...where, body, authorId } });
        await audit(tx, { actorId: authorId, entity: "Comment", entityId: comment.id, action: "CREATE", after: comment });
        return tx.comment.findUniqueOrThrow({ ...query, where: { id: comment.id } });
      });
    },
  }),
);

builder.mutationField("hideComment", (t) =>
  t.withAuth({ signedIn: true }).prismaField({
    type: "Comment",
    authScopes: { coordinator: true },
    description: "Hides a comment (admins only); it stays in the audit log.",
    args: { id: t.arg.string({ required: true, description: "The comment's UUID." }) },
    resolve: async (query, _root, { id }, ctx) => {
      const before = isUuid(id) ? await ctx.prisma.comment.findUnique({ where: { id } }) : null;
      if (!before) throw notFound("Commentaire");
      const actorId = ctx.viewer.userId;
      return ctx.prisma.$transaction(async (tx) => {
        const after = await tx.comment.update({ where: { id }, data: { hiddenAt: before.hiddenAt ?? new Date(), hiddenById: actorId } });
        await audit(tx, { actorId, entity: "Comment", entityId: id, action: "HIDE", before, after });
        return tx.comment.findUniqueOrThrow({ ...query, where: { id } });
      });
    },
  }),
);
