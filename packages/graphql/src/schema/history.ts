// Who changed what and when: each record's history, the admins' audit log and review queue.

import { canSeeDrafts, notFound, visibleRecord } from "@oess/app";
import type { Prisma } from "@oess/db";
import { formatEuros, type RecordKind } from "@oess/domain";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { builder } from "../builder";
import { PAGE_OPTIONS } from "../visibility";
import { parseRecordId } from "./record";

const AuditActionEnum = builder.enumType("AuditAction", {
  description: "What a change did.",
  values: {
    CREATE: { description: "Created." },
    UPDATE: { description: "Changed." },
    SUBMIT: { description: "Submitted for review." },
    PUBLISH: { description: "Published." },
    REJECT: { description: "Rejected, with a reason." },
    DELETE: { description: "Deleted (a draft)." },
    GRANT_ROLE: { description: "A role given or changed." },
    REVOKE_ROLE: { description: "A role taken away." },
    HIDE: { description: "A comment hidden." },
  } as const,
});

builder.prismaObject("AuditEvent", {
  description: "One change: who, when, what, and the record before and after.",
  fields: (t) => ({
    databaseId: t.exposeString("id", { description: "The event's UUID." }),
    at: t.expose("at", { type: "DateTime", description: "When." }),
    actorName: t.string({
      nullable: true,
      description: "Who (display name).",
      select: { actor: { select: { name: true } } },
      resolve: (e) => e.actor?.name ?? null,
    }),
    entity: t.exposeString("entity", { description: "Kind of record: Enterprise, Incubation, JobRecord, Funding, Membership, User, Comment." }),
    entityId: t.exposeString("entityId", { description: "The record's database id." }),
    action: t.expose("action", { type: AuditActionEnum, description: "What was done." }),
    before: t.expose("before", { type: "JSON", nullable: true, description: "The record before (null for a creation)." }),
    after: t.expose("after", { type: "JSON", nullable: true, description: "The record after (null for a deletion)." }),
    note: t.exposeString("note", { nullable: true, description: "Reason given (rejection) or where the change came from (import)." }),
  }),
});

builder.queryField("history", (t) =>
  t.prismaField({
    type: ["AuditEvent"],
    description:
      "A record's history, oldest first. Members of the owning organisation and the PTCE's coordination see every change in full. " +
      "Anyone else sees the published versions only: each change that left the record published, with the record as published, " +
      "and neither who made it, nor review notes, nor earlier drafts.",
    args: { id: t.arg.id({ required: true, description: "Global ID of the record." }) },
    resolve: async (query, _root, args, ctx) => {
      const parsed = parseRecordId(String(args.id));
      if (!parsed) throw notFound("Fiche");
      const record = await visibleRecord(ctx.prisma, ctx.viewer, parsed.kind, parsed.id);
      const events = await ctx.prisma.auditEvent.findMany({ ...query, where: { entity: parsed.kind, entityId: parsed.id }, orderBy: { seq: "asc" } });
      return canSeeDrafts(ctx.viewer, record.ownerPartnerId) ? events : events.flatMap(publicVersion);
    },
  }),
);

const isPublished = (snapshot: unknown): boolean => (snapshot as { status?: unknown } | null)?.status === "PUBLISHED";

/** Who edited a record and what the review said are the organisation's business, not the public's. */
const INTERNAL_FIELDS = new Set(["reviewNote", "createdById", "updatedById"]);
const publicSnapshot = (snapshot: unknown) =>
  Object.fromEntries(Object.entries(snapshot as Record<string, unknown>).filter(([field]) => !INTERNAL_FIELDS.has(field))) as Prisma.JsonObject;

/** An event as the public may see it: only if it left the record published, without its author or notes. */
function publicVersion<E extends { after: Prisma.JsonValue | null; before: Prisma.JsonValue | null }>(event: E): E[] {
  if (!isPublished(event.after)) return [];
  return [
    {
      ...event,
      actorId: null,
      actor: null,
      note: null,
      after: publicSnapshot(event.after),
      before: isPublished(event.before) ? publicSnapshot(event.before) : null,
    },
  ];
}

const AuditWhere = builder.inputType("AuditWhere", {
  description: "Restricts the audit log.",
  fields: (t) => ({
    entity: t.string({ description: "Kind of record." }),
    actorId: t.string({ description: "UUID of the user who acted." }),
    ownerPartnerId: t.string({ description: "UUID of the organisation whose record it is." }),
    since: t.field({ type: "DateTime", description: "From this instant." }),
  }),
});

builder.queryField("auditLog", (t) =>
  t.prismaConnection({
    type: "AuditEvent",
    cursor: "seq",
    ...PAGE_OPTIONS,
    authScopes: { coordinator: true },
    description: "Every change, newest first (admins only).",
    args: { where: t.arg({ type: AuditWhere, required: false }) },
    resolve: (query, _root, { where }, ctx) =>
      ctx.prisma.auditEvent.findMany({
        ...query,
        where: {
          entity: where?.entity ?? undefined,
          actorId: where?.actorId ?? undefined,
          ownerPartnerId: where?.ownerPartnerId ?? undefined,
          at: where?.since ? { gte: where.since } : undefined,
        },
        orderBy: { seq: "desc" },
      }),
  }),
);

interface QueueItem {
  kind: RecordKind;
  id: string;
  version: number;
  ownerPartnerId: string;
  updatedAt: Date;
  label: string;
}

const QueueItemRef = builder.objectRef<QueueItem>("ReviewItem").implement({
  description: "A record waiting for review.",
  fields: (t) => ({
    id: t.id({ description: "The record's global ID.", resolve: (item) => encodeGlobalID(item.kind, item.id) }),
    kind: t.exposeString("kind", { description: "Enterprise, Incubation, JobRecord or Funding." }),
    databaseId: t.exposeString("id", { description: "The record's UUID." }),
    version: t.exposeInt("version", { description: "Its version." }),
    ownerPartnerId: t.exposeString("ownerPartnerId", { description: "UUID of the organisation that submitted it." }),
    submittedAt: t.expose("updatedAt", { type: "DateTime", description: "When it was last changed (submitted)." }),
    label: t.exposeString("label", { description: "What it is, in words." }),
  }),
});

builder.queryField("reviewQueue", (t) =>
  t.field({
    type: [QueueItemRef],
    authScopes: { coordinator: true },
    description: "Submitted records awaiting review, oldest first (admins only).",
    resolve: async (_root, _args, ctx) => {
      const where = { status: "SUBMITTED" as const };
      const select = { id: true, version: true, ownerPartnerId: true, updatedAt: true };
      const [enterprises, incubations, jobs, fundings] = await Promise.all([
        ctx.prisma.enterprise.findMany({ where, select: { ...select, name: true } }),
        ctx.prisma.incubation.findMany({ where, select: { ...select, startDate: true, enterprise: { select: { name: true } } } }),
        ctx.prisma.jobRecord.findMany({ where, select: { ...select, year: true, jobsCreated: true, enterprise: { select: { name: true } } } }),
        ctx.prisma.funding.findMany({
          where,
          select: { ...select, amount: true, year: true, funder: { select: { shortName: true } }, beneficiaryEnterprise: { select: { name: true } } },
        }),
      ]);
      const items: QueueItem[] = [
        ...enterprises.map((r) => ({ ...r, kind: "Enterprise" as const, label: r.name })),
        ...incubations.map((r) => ({
          ...r,
          kind: "Incubation" as const,
          label: `${r.enterprise.name} — incubation depuis le ${r.startDate.toISOString().slice(0, 10)}`,
        })),
        ...jobs.map((r) => ({ ...r, kind: "JobRecord" as const, label: `${r.enterprise.name} — ${r.jobsCreated} emplois en ${r.year}` })),
        ...fundings.map((r) => ({
          ...r,
          kind: "Funding" as const,
          label: `${r.funder.shortName} → ${r.beneficiaryEnterprise?.name ?? "partenaire"} — ${formatEuros(r.amount.toFixed())} (${r.year})`,
        })),
      ];
      return items.sort((a, b) => a.updatedAt.getTime() - b.updatedAt.getTime());
    },
  }),
);
