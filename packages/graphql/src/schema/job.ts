import { builder } from "../builder";
import { PAGE_OPTIONS, stableOrder, visibleAnd } from "../visibility";
import { DecimalFilter, IdFilter, IntFilter, RecordStatusFilter } from "./filters";
import { ContributedRecord, visibleTo } from "./record";

builder.prismaNode("JobRecord", {
  id: { field: "id" },
  description: "Jobs of one enterprise for one year: jobs created (headcount) and their full-time equivalents (ETP).",
  interfaces: [ContributedRecord],
  authScopes: (record) => visibleTo(record),
  fields: (t) => ({
    databaseId: t.exposeString("id", { description: "The record's UUID, as in the open-data files." }),
    year: t.exposeInt("year", { description: "Year of the figures." }),
    jobsCreated: t.exposeInt("jobsCreated", { description: "Jobs created in the year (headcount)." }),
    fte: t.expose("fte", { type: "Decimal", description: "Full-time equivalents (ETP) of those jobs." }),
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
    description: "Yearly job records. Anonymous callers get exactly the rows of /opendata/jobs.csv. Default order: by id (stable).",
    cursor: "id",
    ...PAGE_OPTIONS,
    args: { where: t.arg({ type: JobRecordWhere, required: false }), orderBy: t.arg({ type: [JobRecordOrderBy], required: false }) },
    resolve: (query, _root, args, ctx) => ctx.prisma.jobRecord.findMany({ ...query, where: visibleAnd(ctx, args.where), orderBy: stableOrder(args.orderBy) }),
    totalCount: (_connection, args, ctx) => ctx.prisma.jobRecord.count({ where: visibleAnd(ctx, args.where) }),
  }),
);
