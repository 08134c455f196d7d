// Accounts, sessions and memberships: who may do what, for which partner organisation.

import { audit, invalidInput, notFound, refused, signIn, viewerFromSession } from "@oess/app";
import { hashPassword, passwordProblem, sessionCookie } from "@oess/auth";
import { GraphQLError } from "graphql";
import { builder } from "../builder";
import { MemberRole } from "./enums";

builder.prismaObject("Membership", {
  description: "A user's role in a partner organisation.",
  fields: (t) => ({
    partner: t.relation("partner", { description: "The organisation." }),
    role: t.expose("role", {
      type: MemberRole,
      description:
        "VIEWER reads the organisation's drafts; EDITOR records its figures; ADMIN also manages its members' roles. An ADMIN of the organisation that coordinates the PTCE is of the coordination: reviews, publishes and manages every account.",
    }),
  }),
});

builder.prismaObject("User", {
  description: "An account. Visible to the account itself and to the PTCE's admins.",
  authScopes: (user, ctx) => (ctx.viewer?.userId === user.id ? true : { coordinator: true }),
  fields: (t) => ({
    databaseId: t.exposeString("id", { description: "The user's UUID." }),
    email: t.exposeString("email", { description: "Sign-in e-mail address." }),
    name: t.exposeString("name", { description: "Display name." }),
    memberships: t.relation("memberships", { description: "Organisations and roles." }),
    isCoordinator: t.boolean({
      description: "Whether this account is of the PTCE's coordination (an ADMIN of the organisation that coordinates it).",
      select: { memberships: { select: { role: true, partner: { select: { coordinatesPtce: true } } } } },
      resolve: (user) => user.memberships.some((m) => m.role === "ADMIN" && m.partner.coordinatesPtce),
    }),
  }),
});

builder.queryField("me", (t) =>
  t.prismaField({
    type: "User",
    nullable: true,
    description: "The signed-in user, or null for an anonymous caller.",
    resolve: (query, _root, _args, ctx) => (ctx.viewer ? ctx.prisma.user.findUnique({ ...query, where: { id: ctx.viewer.userId } }) : null),
  }),
);

builder.queryField("users", (t) =>
  t.prismaField({
    type: ["User"],
    authScopes: { coordinator: true },
    description: "Every account, by e-mail (admins only).",
    resolve: (query, _root, _args, ctx) => ctx.prisma.user.findMany({ ...query, orderBy: { email: "asc" } }),
  }),
);

builder.mutationField("login", (t) =>
  t.prismaField({
    type: "User",
    description:
      "Signs in with e-mail and password: sets the session cookie (HttpOnly, SameSite=Lax). Failed attempts are limited per account and per address.",
    args: {
      email: t.arg.string({ required: true, description: "Sign-in e-mail address (case does not matter)." }),
      password: t.arg.string({ required: true, description: "Password." }),
    },
    resolve: async (query, _root, { email, password }, ctx) => {
      if (!ctx.http) throw new GraphQLError("Sign-in needs an HTTP request.");
      const { token, userId } = await signIn(ctx.prisma, email, password, ctx.http.clientIp);
      ctx.http.setCookie(sessionCookie(token, ctx.http.publicUrl));
      // The rest of this request is the signed-in user's: they may read their own account.
      ctx.viewer = await viewerFromSession(ctx.prisma, token);
      return ctx.prisma.user.findUniqueOrThrow({ ...query, where: { id: userId } });
    },
  }),
);

builder.mutationField("logout", (t) =>
  t.boolean({
    description: "Signs out: ends the session in the database and clears the cookie. True if a session was open.",
    resolve: async (_root, _args, ctx) => {
      if (ctx.http) ctx.http.setCookie(sessionCookie(null, ctx.http.publicUrl));
      if (!ctx.viewer?.sessionId) return false;
      await ctx.prisma.session.deleteMany({ where: { id: ctx.viewer.sessionId } });
      return true;
    },
  }),
);

builder.mutationField("createUser", (t) =>
  t.withAuth({ signedIn: true }).prismaField({
    type: "User",
    authScopes: { coordinator: true },
    description: "Creates an account (admins only). Give it roles with `setMembership`.",
    args: {
      email: t.arg.string({ required: true, description: "Sign-in e-mail address." }),
      name: t.arg.string({ required: true, description: "Display name." }),
      password: t.arg.string({ required: true, description: "Initial password, 12 characters at least." }),
    },
    resolve: async (query, _root, args, ctx) => {
      const email = args.email.trim().toLowerCase();
      const problems = [
        ...(/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? [] : [{ field: "email", message: "Adresse e-mail invalide." }]),
        ...(args.name.trim() ? [] : [{ field: "name", message: "Ce champ est obligatoire." }]),
        ...((m) => (m ? [{ field: "password", message: m }] : []))(passwordProblem(args.password)),
      ];
      if (problems.length > 0) throw invalidInput(problems, "");
      if (await ctx.prisma.user.findUnique({ where: { email }, select: { id: true } }))
        throw invalidInput([{ field: "email", message: "Un compte existe déjà avec cette adresse." }], "");
      const passwordHash = await hashPassword(args.password);
      const actorId = ctx.viewer.userId;
      return ctx.prisma.$transaction(async (tx) => {
        const user = await tx.user.create({ data: { email, name: args.name.trim(), passwordHash } });
        await audit(tx, { actorId, entity: "User", entityId: user.id, action: "CREATE", after: { email, name: user.name } });
        return tx.user.findUniqueOrThrow({ ...query, where: { id: user.id } });
      });
    },
  }),
);

builder.mutationField("setMembership", (t) =>
  t.withAuth({ signedIn: true }).prismaField({
    type: "Membership",
    authScopes: (_root, args) => ({ adminOf: args.partnerId }),
    description: "Gives a user a role in a partner organisation, or changes it: admins of that organisation, or the PTCE's coordination.",
    args: {
      userId: t.arg.string({ required: true, description: "UUID of the user." }),
      partnerId: t.arg.string({ required: true, description: "UUID of the partner organisation." }),
      role: t.arg({ type: MemberRole, required: true, description: "The role to give." }),
    },
    resolve: async (query, _root, { userId, partnerId, role }, ctx) => {
      const [user, partner] = await Promise.all([
        ctx.prisma.user.findUnique({ where: { id: userId }, select: { id: true } }).catch(() => null),
        ctx.prisma.partner.findUnique({ where: { id: partnerId }, select: { id: true } }).catch(() => null),
      ]);
      if (!user) throw notFound("Compte");
      if (!partner) throw notFound("Partenaire");
      return ctx.prisma.$transaction(async (tx) => {
        const before = await tx.membership.findUnique({ where: { userId_partnerId: { userId, partnerId } } });
        await tx.membership.upsert({ where: { userId_partnerId: { userId, partnerId } }, create: { userId, partnerId, role }, update: { role } });
        await audit(tx, {
          actorId: ctx.viewer.userId,
          entity: "Membership",
          entityId: `${userId}/${partnerId}`,
          action: "GRANT_ROLE",
          ownerPartnerId: partnerId,
          before,
          after: { userId, partnerId, role },
        });
        return tx.membership.findUniqueOrThrow({ ...query, where: { userId_partnerId: { userId, partnerId } } });
      });
    },
  }),
);

builder.mutationField("removeMembership", (t) =>
  t.withAuth({ signedIn: true }).boolean({
    authScopes: (_root, args) => ({ adminOf: args.partnerId }),
    description: "Takes a user's role in a partner organisation away: admins of that organisation, or the PTCE's coordination. Nobody removes their own role.",
    args: {
      userId: t.arg.string({ required: true, description: "UUID of the user." }),
      partnerId: t.arg.string({ required: true, description: "UUID of the partner organisation." }),
    },
    resolve: async (_root, { userId, partnerId }, ctx) => {
      if (userId === ctx.viewer?.userId) throw refused("Vous ne pouvez pas retirer votre propre rôle : demandez-le à une autre personne de la coordination.");
      return ctx.prisma.$transaction(async (tx) => {
        const before = await tx.membership.findUnique({ where: { userId_partnerId: { userId, partnerId } } }).catch(() => null);
        if (!before) return false;
        await tx.membership.delete({ where: { userId_partnerId: { userId, partnerId } } });
        await tx.session.deleteMany({ where: { userId } });
        await audit(tx, {
          actorId: ctx.viewer.userId,
          entity: "Membership",
          entityId: `${userId}/${partnerId}`,
          action: "REVOKE_ROLE",
          ownerPartnerId: partnerId,
          before,
        });
        return true;
      });
    },
  }),
);
