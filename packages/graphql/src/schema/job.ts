// Yearly jobs of an enterprise: its type, its reads (connection and filters), its input, and its writes (create and update,
// which @oess/app checks and stores).
import { createRecord, jobRecordRules, updateRecord } from "@oess/app";
import { describeIndicator } from "@oess/domain";
import { builder } from "../builder";
import { cancellable } from "../cancellable";
import { PAGE_OPTIONS, readList, recordPage, visibleAnd } from "../visibility";
import { DecimalFilter, IdFilter, IntFilter, RecordStatusFilter } from "./filters";
import { ContributedRecord, editorsOfTarget, RECORD_SELECT, RecordChangeRef, target, visibleTo } from "./record";

builder.prismaNode("JobRecord", {
  id: { field: "id" },
  description:
    "Jobs of one enterprise for one year: jobs created (headcount) and their full-time equivalents (ETP). Statistical microdata: signed-in partners only, published or not; anonymous readers get the protected aggregates of `indicators`.",
  interfaces: [ContributedRecord],
  select: RECORD_SELECT,
  authScopes: (record) => (record.status === "PUBLISHED" ? { signedIn: true } : visibleTo(record)),
  fields: (t) => ({
    databaseId: t.exposeString("id", { description: "The record's UUID, as in the open-data files." }),
    year: t.exposeInt("year", { description: "Year of the figures." }),
    jobsCreated: t.exposeInt("jobsCreated", { description: describeIndicator("jobsCreated", "en") }),
    fte: t.expose("fte", { type: "Decimal", description: describeIndicator("fullTimeEquivalents", "en") }),
    enterprise: t.relation("enterprise", { description: "The enterprise that created the jobs." }),
    owner: t.relation("owner", { description: "The partner organisation that recorded it." }),
  }),
});

const JobRecordWhere = builder.prismaWhere("JobRecord", {
  name: "JobRecordWhere",
  fields: {
    id: IdFilter,
    enterpriseId: IdFilter,
    year: IntFilter,
    jobsCreated: IntFilter,
    fte: DecimalFilter,
    status: RecordStatusFilter,
    AND: true,
    OR: true,
    NOT: true,
  },
});
const JobRecordOrderBy = builder.prismaOrderBy("JobRecord", { name: "JobRecordOrderBy", fields: { year: true, jobsCreated: true, fte: true } });

builder.queryField("jobs", (t) =>
  t.prismaConnection({
    type: "JobRecord",
    description:
      "Yearly job records of named enterprises. Signed-in partners only: one enterprise's jobs are covered by statistical confidentiality (anonymous readers use `indicators`). Default order: by id (stable).",
    authScopes: { signedIn: true },
    cursor: "id",
    ...PAGE_OPTIONS,
    args: { where: t.arg({ type: JobRecordWhere, required: false }), orderBy: t.arg({ type: [JobRecordOrderBy], required: false }) },
    resolve: (query, _root, args, ctx) =>
      readList(ctx, "JobRecord", recordPage(query, visibleAnd(ctx, args.where), args.orderBy), (page) => ctx.prisma.jobRecord.findMany(page)),
    totalCount: (_connection, args, ctx) => cancellable(ctx, () => ctx.prisma.jobRecord.count({ where: visibleAnd(ctx, args.where) })),
  }),
);

const JobRecordInputRef = builder.inputType("JobRecordInput", {
  description: "Jobs created by one enterprise in one year.",
  fields: (t) => ({
    enterpriseId: t.string({ required: true, description: "Enterprise UUID." }),
    year: t.int({ required: true, description: "Year." }),
    jobsCreated: t.int({ required: true, description: "Jobs created (headcount)." }),
    fte: t.string({ required: true, description: 'Full-time equivalents, e.g. "2.5".' }),
    source: t.string({ required: true, description: "Where the figures come from." }),
    dataYear: t.int({ required: true, description: "Data year (millésime)." }),
  }),
});

builder.mutationField("createJobRecord", (t) =>
  t.withAuth({ signedIn: true }).field({
    type: RecordChangeRef,
    description: "Records a new JobRecord (« Emplois de l'année ») for a partner organisation, as a draft. Editors of that organisation, or admins.",
    args: {
      partnerId: t.arg.string({ required: true, description: "UUID of the organisation that records it (owns it)." }),
      input: t.arg({ type: JobRecordInputRef, required: true, description: "The record's fields." }),
    },
    authScopes: (_root, args) => ({ editorOf: args.partnerId }),
    resolve: (_root, args, ctx) => createRecord(ctx, jobRecordRules, args.partnerId, args.input),
  }),
);

builder.mutationField("updateJobRecord", (t) =>
  t.withAuth({ signedIn: true }).field({
    type: RecordChangeRef,
    description:
      "Changes a JobRecord. Quote the version you read: if someone changed it since, you get a CONFLICT error naming the current version. Editors of the owning organisation while it is a draft or rejected; admins at any time.",
    args: {
      id: t.arg.id({ required: true, description: "Global ID of the record." }),
      version: t.arg.int({ required: true, description: "The version you read." }),
      input: t.arg({ type: JobRecordInputRef, required: true, description: "All the record's fields, as they should now be." }),
    },
    authScopes: (_root, args, ctx) => editorsOfTarget(ctx, args.id),
    resolve: async (_root, args, ctx) => updateRecord(ctx, jobRecordRules, await target(ctx, args.id), args.version, args.input),
  }),
);
