// The records an organisation must act on (drafts, submitted, rejected), across the four kinds,
// paged with totals: the partner space's home and the coordination's review queue.
import { WORKLIST_MAX_LIMIT, WORKLIST_ORDERS, type WorkItem, type Worklist, type WorklistGroup, whyNotPublishable, worklist } from "@oess/app";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { builder } from "../builder";
import { domainEnum, RecordKind, RecordStatus } from "./enums";

const ORDER_DESCRIPTIONS: Record<(typeof WORKLIST_ORDERS)[number], string> = {
  UPDATED_AT: "When the record last changed.",
  NAME: "The name the record is about (its enterprise's, or the beneficiary's).",
  KIND: "Its kind.",
  STATUS: "Its status.",
  ORGANISATION: "The short name of its organisation.",
};

const WorklistOrder = domainEnum("WorklistOrder", "What a worklist is sorted by.", WORKLIST_ORDERS, ORDER_DESCRIPTIONS);

const WorkItemRef = builder.objectRef<WorkItem>("WorkItem").implement({
  description: "A record in a worklist: what it is, where it stands, and whose it is.",
  fields: (t) => ({
    id: t.id({ description: "The record's global ID.", resolve: (item) => encodeGlobalID(item.kind, item.id) }),
    databaseId: t.exposeString("id", { description: "The record's UUID." }),
    kind: t.expose("kind", { type: RecordKind, description: "Its kind." }),
    label: t.exposeString("label", { description: "What it is, in words (French)." }),
    status: t.expose("status", { type: RecordStatus, description: "Its status." }),
    version: t.exposeInt("version", { description: "Its version, to quote in a workflow mutation." }),
    ownerPartnerId: t.exposeString("ownerPartnerId", { description: "UUID of the organisation that recorded it." }),
    ownerName: t.exposeString("ownerName", { description: "Short name of that organisation." }),
    updatedAt: t.expose("updatedAt", { type: "DateTime", description: "When it last changed (for a submitted record: when it was submitted)." }),
    reviewNote: t.exposeString("reviewNote", { nullable: true, description: "Why the coordination rejected it, while it is rejected." }),
    publicationProblems: t.stringList({
      description:
        "Why it would stay submitted if its organisation's submissions were all published (`publishAllSubmitted`), in French; empty when it would be published. Reasons: an enterprise that stays unpublished, a grant the SCDL cannot export.",
      resolve: (item, _args, ctx) => whyNotPublishable(ctx.prisma, item),
    }),
  }),
});

const WorklistGroupRef = builder.objectRef<WorklistGroup>("WorklistGroup").implement({
  description: "How many records of the whole list have this organisation, kind and status.",
  fields: (t) => ({
    ownerPartnerId: t.exposeString("ownerPartnerId", { description: "UUID of the organisation." }),
    ownerName: t.exposeString("ownerName", { description: "Its short name." }),
    kind: t.expose("kind", { type: RecordKind, description: "Kind of record." }),
    status: t.expose("status", { type: RecordStatus, description: "Status." }),
    count: t.exposeInt("count", { description: "Number of records." }),
  }),
});

const WorklistRef = builder.objectRef<Worklist>("Worklist").implement({
  description: "A page of a worklist, its position and the totals of the whole list.",
  fields: (t) => ({
    items: t.field({ type: [WorkItemRef], description: "The records of the page.", resolve: (list) => list.items }),
    totalCount: t.exposeInt("totalCount", { description: "Records in the whole list, all pages together." }),
    offset: t.exposeInt("offset", { description: "Position of the page's first record in the list, from 0." }),
    groups: t.field({ type: [WorklistGroupRef], description: "Totals of the whole list by organisation, kind and status.", resolve: (list) => list.groups }),
  }),
});

builder.queryField("worklist", (t) =>
  t.withAuth({ signedIn: true }).field({
    type: WorklistRef,
    description:
      "Records not yet published (or of the statuses asked), across the four kinds: the caller's organisations' for their members, every organisation's for the PTCE's coordination. Paged by offset, with totals.",
    args: {
      kinds: t.arg({ type: [RecordKind], required: false, description: "Only these kinds (all if omitted)." }),
      statuses: t.arg({ type: [RecordStatus], required: false, description: "Only these statuses (default: DRAFT, SUBMITTED, REJECTED)." }),
      partnerId: t.arg.string({ required: false, description: "Only this organisation's records (UUID)." }),
      orderBy: t.arg({ type: WorklistOrder, required: false, description: "Sort key (default: UPDATED_AT, newest first)." }),
      descending: t.arg.boolean({ required: false, description: "Descending order (default: true for UPDATED_AT, false otherwise)." }),
      offset: t.arg.int({ required: false, description: "Records to skip (default 0)." }),
      limit: t.arg.int({ required: false, description: `Page size (default 50, at most ${WORKLIST_MAX_LIMIT}).` }),
    },
    resolve: (_root, args, ctx) => worklist(ctx.prisma, ctx.viewer, args),
  }),
);
