// An ESS enterprise: its type, its reads (connection and filters), its input, and its writes (create and update,
// which @oess/app checks and stores).
import { createRecord, enterpriseRules, updateRecord } from "@oess/app";
import { legalFormLabel, nafLabel } from "@oess/domain";
import { legalCategoryLabel } from "@oess/domain/legal-categories";
import { builder } from "../builder";
import { cancellable } from "../cancellable";
import { PAGE_OPTIONS, readList, recordPage, visibleAnd, visibleConnection } from "../visibility";
import { CooperativeKind, LegalFamily } from "./enums";
import { CooperativeKindFilter, DateFilter, IdFilter, IntFilter, LegalFamilyFilter, RecordStatusFilter, StringFilter } from "./filters";
import { ContributedRecord, editorsOfTarget, RECORD_SELECT, RecordChangeRef, target, visibleTo } from "./record";

builder.prismaNode("Enterprise", {
  id: { field: "id" },
  description: "An ESS structure followed by the PTCE (entreprise de l'ESS): association, Scop, SCIC, mutuelle…",
  interfaces: [ContributedRecord],
  select: RECORD_SELECT,
  authScopes: (record) => visibleTo(record),
  fields: (t) => ({
    databaseId: t.exposeString("id", { description: "The enterprise's UUID, as in the open-data files." }),
    name: t.exposeString("name", { description: "Name (raison sociale)." }),
    siret: t.exposeString("siret", { nullable: true, description: "SIRET (14 digits), once the enterprise is registered." }),
    siren: t.string({
      nullable: true,
      description: "SIREN (9 digits): the SIRET's first nine, whose Luhn key was checked with it. Joins INSEE's Sirene data.",
      select: { siret: true },
      resolve: (enterprise) => enterprise.siret?.slice(0, 9) ?? null,
    }),
    rna: t.exposeString("rna", { nullable: true, description: "RNA number of an association (W + 9 digits)." }),
    legalFamily: t.expose("legalFamily", { type: LegalFamily, description: "Legal family (famille juridique)." }),
    cooperativeKind: t.expose("cooperativeKind", { type: CooperativeKind, nullable: true, description: "For a cooperative: Scop, SCIC, CAE or other." }),
    legalCategory: t.field({
      type: LegalCategoryRef,
      nullable: true,
      description: "INSEE legal category (catégorie juridique, niveau III), once the enterprise is registered; joins Sirene's categorieJuridiqueUniteLegale.",
      select: { legalCategory: true },
      resolve: (e) => legalCategoryOf(e.legalCategory),
    }),
    legalForm: t.string({
      description: "Legal form as people say it, in French: « Scop », « Association »…",
      select: { legalFamily: true, cooperativeKind: true },
      resolve: (e) => legalFormLabel(e.legalFamily, e.cooperativeKind),
    }),
    nafCode: t.exposeString("nafCode", { description: 'Activity code (code NAF rév. 2), e.g. "88.99B".' }),
    nafLabel: t.string({
      nullable: true,
      description: "Label of the NAF code, in French.",
      select: { nafCode: true },
      resolve: (e) => nafLabel(e.nafCode) ?? null,
    }),
    nafSection: t.exposeString("nafSection", { description: "NAF section letter (A to U)." }),
    foundedOn: t.expose("foundedOn", { type: "Date", nullable: true, description: "Creation date; null for a project not created (yet)." }),
    ceasedOn: t.expose("ceasedOn", { type: "Date", nullable: true, description: "Date the enterprise ceased activity (cessation); null while active." }),
    commune: t.relation("commune", { description: "Where the enterprise is located." }),
    owner: t.relation("owner", { description: "The partner organisation that recorded it." }),
    incubations: t.relatedConnection("incubations", visibleConnection("Its incubations, oldest first.", [{ startDate: "asc" }, { id: "asc" }])),
    jobRecords: t.relatedConnection("jobRecords", {
      ...visibleConnection(
        "Yearly jobs records, oldest first. Signed-in partners only (statistical confidentiality): null, with an error, for anonymous readers.",
        [{ year: "asc" }, { id: "asc" }],
      ),
      nullable: true,
      authScopes: { signedIn: true },
    }),
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
    legalCategory: StringFilter,
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
    resolve: (query, _root, args, ctx) =>
      readList(ctx, "Enterprise", recordPage(query, visibleAnd(ctx, args.where), args.orderBy), (page) => ctx.prisma.enterprise.findMany(page)),
    totalCount: (_connection, args, ctx) => cancellable(ctx, () => ctx.prisma.enterprise.count({ where: visibleAnd(ctx, args.where) })),
  }),
);

export const LegalCategoryRef = builder.objectRef<{ code: string; label: string }>("LegalCategory").implement({
  description: "A legal category of INSEE's nomenclature (catégorie juridique, niveau III).",
  fields: (t) => ({
    code: t.exposeString("code", { description: "Four-digit code, e.g. 5458." }),
    label: t.exposeString("label", { description: "INSEE's label, e.g. « SARL coopérative ouvrière de production (SCOP) »." }),
  }),
});

/** A stored code with its label from the nomenclature. */
export const legalCategoryOf = (code: string | null) => (code ? { code, label: legalCategoryLabel(code) ?? "" } : null);

const EnterpriseInputRef = builder.inputType("EnterpriseInput", {
  description: "An ESS enterprise as a partner records it.",
  fields: (t) => ({
    name: t.string({ required: true, description: "Name (raison sociale)." }),
    siret: t.string({ description: "SIRET, 14 digits (spaces allowed); checked with its Luhn key." }),
    rna: t.string({ description: "RNA number of an association: W and 9 digits." }),
    legalFamily: t.field({
      type: LegalFamily,
      description:
        "Legal family; when omitted, derived from `legalCategory` where the category tells it (e.g. 9220 → ASSOCIATION, 5458 → COOPERATIVE and Scop).",
    }),
    cooperativeKind: t.field({ type: CooperativeKind, description: "Kind of cooperative (cooperatives only)." }),
    legalCategory: t.string({
      description: "INSEE legal category, 4 digits (e.g. 9220, 5458): must exist in the nomenclature and agree with the legal family (and the Scop kind).",
    }),
    nafCode: t.string({ required: true, description: "NAF rév. 2 subclass, e.g. 88.99B." }),
    communeCode: t.string({ required: true, description: "INSEE code of a commune of the territory." }),
    foundedOn: t.string({ description: "Creation date, YYYY-MM-DD; empty for a project." }),
    ceasedOn: t.string({ description: "Cessation date, YYYY-MM-DD." }),
    source: t.string({ required: true, description: "Where the figures come from." }),
    dataYear: t.int({ required: true, description: "Data year (millésime)." }),
  }),
});

builder.mutationField("createEnterprise", (t) =>
  t.withAuth({ signedIn: true }).field({
    type: RecordChangeRef,
    description: "Records a new Enterprise (« Entreprise ») for a partner organisation, as a draft. Editors of that organisation, or admins.",
    args: {
      partnerId: t.arg.string({ required: true, description: "UUID of the organisation that records it (owns it)." }),
      input: t.arg({ type: EnterpriseInputRef, required: true, description: "The record's fields." }),
    },
    authScopes: (_root, args) => ({ editorOf: args.partnerId }),
    resolve: (_root, args, ctx) => createRecord(ctx, enterpriseRules, args.partnerId, args.input),
  }),
);

builder.mutationField("updateEnterprise", (t) =>
  t.withAuth({ signedIn: true }).field({
    type: RecordChangeRef,
    description:
      "Changes a Enterprise. Quote the version you read: if someone changed it since, you get a CONFLICT error naming the current version. Editors of the owning organisation while it is a draft or rejected; admins at any time.",
    args: {
      id: t.arg.id({ required: true, description: "Global ID of the record." }),
      version: t.arg.int({ required: true, description: "The version you read." }),
      input: t.arg({ type: EnterpriseInputRef, required: true, description: "All the record's fields, as they should now be." }),
    },
    authScopes: (_root, args, ctx) => editorsOfTarget(ctx, args.id),
    resolve: async (_root, args, ctx) => updateRecord(ctx, enterpriseRules, await target(ctx, args.id), args.version, args.input),
  }),
);
