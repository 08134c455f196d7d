import { legalFormLabel, nafLabel } from "@oess/domain";
import { builder } from "../builder";
import { PAGE_OPTIONS, stableOrder, visibleAnd, visibleConnection } from "../visibility";
import { CooperativeKind, LegalFamily } from "./enums";
import { CooperativeKindFilter, DateFilter, IdFilter, IntFilter, LegalFamilyFilter, RecordStatusFilter, StringFilter } from "./filters";
import { ContributedRecord, visibleTo } from "./record";

builder.prismaNode("Enterprise", {
  id: { field: "id" },
  description: "An ESS structure followed by the PTCE (entreprise de l'ESS): association, Scop, SCIC, mutuelle…",
  interfaces: [ContributedRecord],
  authScopes: (record) => visibleTo(record),
  fields: (t) => ({
    databaseId: t.exposeString("id", { description: "The enterprise's UUID, as in the open-data files." }),
    name: t.exposeString("name", { description: "Name (raison sociale)." }),
    siret: t.exposeString("siret", { nullable: true, description: "SIRET (14 digits), once the enterprise is registered." }),
    rna: t.exposeString("rna", { nullable: true, description: "RNA number of an association (W + 9 digits)." }),
    legalFamily: t.expose("legalFamily", { type: LegalFamily, description: "Legal family (famille juridique)." }),
    cooperativeKind: t.expose("cooperativeKind", { type: CooperativeKind, nullable: true, description: "For a cooperative: Scop, SCIC, CAE or other." }),
    legalForm: t.string({
      description: "Legal form as people say it, in French: « Scop », « Association »…",
      resolve: (e) => legalFormLabel(e.legalFamily, e.cooperativeKind),
    }),
    nafCode: t.exposeString("nafCode", { description: 'Activity code (code NAF rév. 2), e.g. "88.99B".' }),
    nafLabel: t.string({ nullable: true, description: "Label of the NAF code, in French.", resolve: (e) => nafLabel(e.nafCode) ?? null }),
    nafSection: t.exposeString("nafSection", { description: "NAF section letter (A to U)." }),
    foundedOn: t.expose("foundedOn", { type: "Date", nullable: true, description: "Creation date; null for a project not created (yet)." }),
    ceasedOn: t.expose("ceasedOn", { type: "Date", nullable: true, description: "Date the enterprise ceased activity (cessation); null while active." }),
    commune: t.relation("commune", { description: "Where the enterprise is located." }),
    owner: t.relation("owner", { description: "The partner organisation that recorded it." }),
    incubations: t.relatedConnection("incubations", visibleConnection("Its incubations, oldest first.", [{ startDate: "asc" }, { id: "asc" }])),
    jobRecords: t.relatedConnection("jobRecords", visibleConnection("Yearly jobs records, oldest first.", [{ year: "asc" }, { id: "asc" }])),
    fundings: t.relatedConnection("fundings", visibleConnection("Fundings received, oldest first.", [{ decisionDate: "asc" }, { id: "asc" }])),
  }),
});

const EnterpriseWhere = builder.prismaWhere("Enterprise", {
  name: "EnterpriseWhere",
  fields: {
    id: IdFilter,
    name: StringFilter,
    siret: StringFilter,
    rna: StringFilter,
    legalFamily: LegalFamilyFilter,
    cooperativeKind: CooperativeKindFilter,
    nafCode: StringFilter,
    nafSection: StringFilter,
    communeCode: StringFilter,
    foundedOn: DateFilter,
    dataYear: IntFilter,
    status: RecordStatusFilter,
    ownerPartnerId: IdFilter,
    AND: true,
    OR: true,
    NOT: true,
  },
});
const EnterpriseOrderBy = builder.prismaOrderBy("Enterprise", {
  name: "EnterpriseOrderBy",
  fields: { name: true, foundedOn: true, communeCode: true, legalFamily: true, dataYear: true, updatedAt: true },
});

builder.queryField("enterprises", (t) =>
  t.prismaConnection({
    type: "Enterprise",
    description: "ESS enterprises. Anonymous callers get exactly the rows of /opendata/enterprises.csv. Default order: by id (stable).",
    cursor: "id",
    ...PAGE_OPTIONS,
    args: { where: t.arg({ type: EnterpriseWhere, required: false }), orderBy: t.arg({ type: [EnterpriseOrderBy], required: false }) },
    resolve: (query, _root, args, ctx) => ctx.prisma.enterprise.findMany({ ...query, where: visibleAnd(ctx, args.where), orderBy: stableOrder(args.orderBy) }),
    totalCount: (_connection, args, ctx) => ctx.prisma.enterprise.count({ where: visibleAnd(ctx, args.where) }),
  }),
);
