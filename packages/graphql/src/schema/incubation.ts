// An incubation: its type, its reads (connection and filters), its input, and its writes (create and update,
// which @oess/app checks and stores).
import { createRecord, incubationRules, updateRecord } from "@oess/app";
import { builder } from "../builder";
import { cancellable } from "../cancellable";
import { PAGE_OPTIONS, readList, recordPage, visibleAnd } from "../visibility";
import { IncubationOutcome } from "./enums";
import { DateFilter, IdFilter, IncubationOutcomeFilter, IntFilter, RecordStatusFilter } from "./filters";
import { ContributedRecord, editorsOfTarget, RECORD_SELECT, RecordChangeRef, target, visibleTo } from "./record";

builder.prismaNode("Incubation", {
  id: { field: "id" },
  description: "An enterprise project followed by the PTCE's incubator, and what became of it.",
  interfaces: [ContributedRecord],
  select: RECORD_SELECT,
  authScopes: (record) => visibleTo(record),
  fields: (t) => ({
    databaseId: t.exposeString("id", { description: "The incubation's UUID, as in the open-data files." }),
    startDate: t.expose("startDate", { type: "Date", description: "Entry into incubation." }),
    endDate: t.expose("endDate", { type: "Date", nullable: true, description: "End of incubation; null while in progress." }),
    outcome: t.expose("outcome", { type: IncubationOutcome, description: "Issue of the incubation." }),
    enterprise: t.relation("enterprise", { description: "The incubated project or enterprise." }),
    supportingPartner: t.relation("supportingPartner", { description: "The partner that followed the project." }),
    owner: t.relation("owner", { description: "The partner organisation that recorded it." }),
  }),
});

const IncubationWhere = builder.prismaWhere("Incubation", {
  name: "IncubationWhere",
  fields: {
    id: IdFilter,
    enterpriseId: IdFilter,
    supportingPartnerId: IdFilter,
    startDate: DateFilter,
    endDate: DateFilter,
    outcome: IncubationOutcomeFilter,
    dataYear: IntFilter,
    status: RecordStatusFilter,
    AND: true,
    OR: true,
    NOT: true,
  },
});
const IncubationOrderBy = builder.prismaOrderBy("Incubation", { name: "IncubationOrderBy", fields: { startDate: true, endDate: true, outcome: true } });

builder.queryField("incubations", (t) =>
  t.prismaConnection({
    type: "Incubation",
    description: "Incubations. Anonymous callers get exactly the rows of /opendata/incubations.csv. Default order: by id (stable).",
    cursor: "id",
    ...PAGE_OPTIONS,
    args: { where: t.arg({ type: IncubationWhere, required: false }), orderBy: t.arg({ type: [IncubationOrderBy], required: false }) },
    resolve: (query, _root, args, ctx) =>
      readList(ctx, "Incubation", recordPage(query, visibleAnd(ctx, args.where), args.orderBy), (page) => ctx.prisma.incubation.findMany(page)),
    totalCount: (_connection, args, ctx) => cancellable(ctx, () => ctx.prisma.incubation.count({ where: visibleAnd(ctx, args.where) })),
  }),
);

const IncubationInputRef = builder.inputType("IncubationInput", {
  description: "An incubation: an enterprise project accompanied by a partner.",
  fields: (t) => ({
    enterpriseId: t.string({ required: true, description: "Enterprise UUID (`Enterprise.databaseId`)." }),
    supportingPartnerId: t.string({ required: true, description: "UUID of the partner that accompanies the project." }),
    startDate: t.string({ required: true, description: "Start, YYYY-MM-DD." }),
    endDate: t.string({ description: "End, YYYY-MM-DD (not for an incubation in progress)." }),
    outcome: t.field({ type: IncubationOutcome, required: true, description: "Outcome." }),
    source: t.string({ required: true, description: "Where the figures come from." }),
    dataYear: t.int({ required: true, description: "Data year (millésime)." }),
  }),
});

builder.mutationField("createIncubation", (t) =>
  t.withAuth({ signedIn: true }).field({
    type: RecordChangeRef,
    description: "Records a new Incubation (« Incubation ») for a partner organisation, as a draft. Editors of that organisation, or admins.",
    args: {
      partnerId: t.arg.string({ required: true, description: "UUID of the organisation that records it (owns it)." }),
      input: t.arg({ type: IncubationInputRef, required: true, description: "The record's fields." }),
    },
    authScopes: (_root, args) => ({ editorOf: args.partnerId }),
    resolve: (_root, args, ctx) => createRecord(ctx, incubationRules, args.partnerId, args.input),
  }),
);

builder.mutationField("updateIncubation", (t) =>
  t.withAuth({ signedIn: true }).field({
    type: RecordChangeRef,
    description:
      "Changes a Incubation. Quote the version you read: if someone changed it since, you get a CONFLICT error naming the current version. Editors of the owning organisation while it is a draft or rejected; admins at any time.",
    args: {
      id: t.arg.id({ required: true, description: "Global ID of the record." }),
      version: t.arg.int({ required: true, description: "The version you read." }),
      input: t.arg({ type: IncubationInputRef, required: true, description: "All the record's fields, as they should now be." }),
    },
    authScopes: (_root, args, ctx) => editorsOfTarget(ctx, args.id),
    resolve: async (_root, args, ctx) => updateRecord(ctx, incubationRules, await target(ctx, args.id), args.version, args.input),
  }),
);
