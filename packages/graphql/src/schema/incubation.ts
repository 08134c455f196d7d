import { builder } from "../builder";
import { PAGE_OPTIONS, stableOrder, visibleAnd } from "../visibility";
import { IncubationOutcome } from "./enums";
import { DateFilter, IdFilter, IncubationOutcomeFilter, IntFilter, RecordStatusFilter } from "./filters";
import { ContributedRecord, visibleTo } from "./record";

builder.prismaNode("Incubation", {
  id: { field: "id" },
  description: "An enterprise project followed by the PTCE's incubator, and what became of it.",
  interfaces: [ContributedRecord],
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
    resolve: (query, _root, args, ctx) => ctx.prisma.incubation.findMany({ ...query, where: visibleAnd(ctx, args.where), orderBy: stableOrder(args.orderBy) }),
    totalCount: (_connection, args, ctx) => ctx.prisma.incubation.count({ where: visibleAnd(ctx, args.where) }),
  }),
);
