// A funding: its type, its reads (connection and filters), its input, and its writes (create and update,
// which @oess/app checks and stores).
import { createRecord, fundingRules, updateRecord } from "@oess/app";
import { describeIndicator } from "@oess/domain";
import { builder } from "../builder";
import { cancellable } from "../cancellable";
import { PAGE_OPTIONS, readList, recordPage, visibleAnd } from "../visibility";
import { AidNature, FundingInstrument } from "./enums";
import {
  AidNatureFilter,
  BooleanFilter,
  DateFilter,
  DecimalFilter,
  FundingInstrumentFilter,
  IdFilter,
  IntFilter,
  RecordStatusFilter,
  StringFilter,
} from "./filters";
import { ContributedRecord, editorsOfTarget, RECORD_SELECT, RecordChangeRef, target, visibleTo } from "./record";

builder.prismaNode("Funding", {
  id: { field: "id" },
  description: "Money (or services) a partner gives to an enterprise or to another partner; carries what SCDL « Subventions » needs.",
  interfaces: [ContributedRecord],
  select: RECORD_SELECT,
  authScopes: (record) => visibleTo(record),
  fields: (t) => ({
    databaseId: t.exposeString("id", { description: "The funding's UUID, as in the open-data files." }),
    funder: t.relation("funder", { description: "The partner that gives (attribuant)." }),
    beneficiaryEnterprise: t.relation("beneficiaryEnterprise", { nullable: true, description: "The enterprise that receives, if any." }),
    beneficiaryPartner: t.relation("beneficiaryPartner", {
      nullable: true,
      description: "The partner that receives, if any (e.g. the structure carrying the PTCE).",
    }),
    amount: t.expose("amount", { type: "Decimal", description: `Amount (montant). ${describeIndicator("fundingAmount", "en")}` }),
    year: t.exposeInt("year", { description: "Budget year of the decision." }),
    decisionDate: t.expose("decisionDate", { type: "Date", description: "Date of the decision to fund." }),
    instrument: t.expose("instrument", { type: FundingInstrument, description: "Subvention, avance remboursable, prêt or prestation." }),
    purpose: t.exposeString("purpose", { description: "What it funds (objet)." }),
    decisionReference: t.exposeString("decisionReference", { nullable: true, description: "Reference of the decision (référence de la décision)." }),
    conventionDate: t.expose("conventionDate", { type: "Date", nullable: true, description: "Date the agreement was signed (date de convention)." }),
    aidNature: t.expose("aidNature", { type: AidNature, description: "In cash or in kind (nature)." }),
    paymentTerms: t.exposeString("paymentTerms", { description: "« unique », « échelonné » or other terms (conditions de versement)." }),
    paymentStart: t.expose("paymentStart", { type: "Date", nullable: true, description: "First payment date." }),
    paymentEnd: t.expose("paymentEnd", { type: "Date", nullable: true, description: "Last payment date, for staged payments." }),
    fundingShare: t.expose("fundingShare", {
      type: "Share",
      nullable: true,
      description: "Share of the grant's total that goes to this beneficiary, 0.01 to 1 (SCDL pourcentageSubvention); null means 1.",
    }),
    euNotification: t.exposeBoolean("euNotification", { description: "Notified to the European Commission as State aid (notification UE)." }),
    aidScheme: t.exposeString("aidScheme", { nullable: true, description: "Aid scheme (dispositif d'aide)." }),
    raeId: t.exposeString("raeId", { nullable: true, description: "Identifier in the registre des aides d'État (idRAE)." }),
    owner: t.relation("owner", { description: "The partner organisation that recorded it." }),
  }),
});

const FundingWhere = builder.prismaWhere("Funding", {
  name: "FundingWhere",
  fields: {
    id: IdFilter,
    funderId: IdFilter,
    beneficiaryEnterpriseId: IdFilter,
    beneficiaryPartnerId: IdFilter,
    amount: DecimalFilter,
    year: IntFilter,
    decisionDate: DateFilter,
    conventionDate: DateFilter,
    instrument: FundingInstrumentFilter,
    aidNature: AidNatureFilter,
    purpose: StringFilter,
    euNotification: BooleanFilter,
    status: RecordStatusFilter,
    AND: true,
    OR: true,
    NOT: true,
  },
});
const FundingOrderBy = builder.prismaOrderBy("Funding", {
  name: "FundingOrderBy",
  fields: { amount: true, year: true, decisionDate: true, conventionDate: true },
});

builder.queryField("fundings", (t) =>
  t.prismaConnection({
    type: "Funding",
    description: "Fundings. Anonymous callers get exactly the rows of /opendata/fundings.csv. Default order: by id (stable).",
    cursor: "id",
    ...PAGE_OPTIONS,
    args: { where: t.arg({ type: FundingWhere, required: false }), orderBy: t.arg({ type: [FundingOrderBy], required: false }) },
    resolve: (query, _root, args, ctx) =>
      readList(ctx, "Funding", recordPage(query, visibleAnd(ctx, args.where), args.orderBy), (page) => ctx.prisma.funding.findMany(page)),
    totalCount: (_connection, args, ctx) => cancellable(ctx, () => ctx.prisma.funding.count({ where: visibleAnd(ctx, args.where) })),
  }),
);

const FundingInputRef = builder.inputType("FundingInput", {
  description: "A funding from a partner, with the fields the SCDL « Subventions » needs.",
  fields: (t) => ({
    funderId: t.string({ required: true, description: "UUID of the funding partner." }),
    beneficiaryEnterpriseId: t.string({ description: "UUID of the beneficiary enterprise (or give a beneficiary partner)." }),
    beneficiaryPartnerId: t.string({ description: "UUID of the beneficiary partner." }),
    amount: t.string({ required: true, description: 'Euros, e.g. "15000.50".' }),
    year: t.int({ required: true, description: "Budget year." }),
    decisionDate: t.string({ required: true, description: "Decision date, YYYY-MM-DD." }),
    instrument: t.field({ type: FundingInstrument, required: true, description: "Instrument." }),
    purpose: t.string({ required: true, description: "Purpose (objet), under 256 characters." }),
    decisionReference: t.string({ description: "Reference of the decision or convention: the funding's natural key with the funder and beneficiary." }),
    conventionDate: t.string({ description: "Convention date, YYYY-MM-DD (required to publish a public body's grant)." }),
    aidNature: t.field({ type: AidNature, description: "Cash, in kind, or both (default cash)." }),
    paymentTerms: t.string({ description: "Payment terms, e.g. « unique » (default), « échelonné »." }),
    paymentStart: t.string({ description: "First payment, YYYY-MM-DD." }),
    paymentEnd: t.string({ description: "Last payment, YYYY-MM-DD." }),
    fundingShare: t.string({ description: 'Share of the grant for this beneficiary, 0.01 to 1 (e.g. "0.5").' }),
    euNotification: t.boolean({ description: "Notified to the European Union as State aid." }),
    aidScheme: t.string({ description: "Aid scheme (dispositif)." }),
    raeId: t.string({ description: "RAE identifier (5 characters at most)." }),
    source: t.string({ required: true, description: "Where the figures come from." }),
    dataYear: t.int({ required: true, description: "Data year (millésime)." }),
  }),
});

builder.mutationField("createFunding", (t) =>
  t.withAuth({ signedIn: true }).field({
    type: RecordChangeRef,
    description: "Records a new Funding (« Financement ») for a partner organisation, as a draft. Editors of that organisation, or admins.",
    args: {
      partnerId: t.arg.string({ required: true, description: "UUID of the organisation that records it (owns it)." }),
      input: t.arg({ type: FundingInputRef, required: true, description: "The record's fields." }),
    },
    authScopes: (_root, args) => ({ editorOf: args.partnerId }),
    resolve: (_root, args, ctx) => createRecord(ctx, fundingRules, args.partnerId, args.input),
  }),
);

builder.mutationField("updateFunding", (t) =>
  t.withAuth({ signedIn: true }).field({
    type: RecordChangeRef,
    description:
      "Changes a Funding. Quote the version you read: if someone changed it since, you get a CONFLICT error naming the current version. Editors of the owning organisation while it is a draft or rejected; admins at any time.",
    args: {
      id: t.arg.id({ required: true, description: "Global ID of the record." }),
      version: t.arg.int({ required: true, description: "The version you read." }),
      input: t.arg({ type: FundingInputRef, required: true, description: "All the record's fields, as they should now be." }),
    },
    authScopes: (_root, args, ctx) => editorsOfTarget(ctx, args.id),
    resolve: async (_root, args, ctx) => updateRecord(ctx, fundingRules, await target(ctx, args.id), args.version, args.input),
  }),
);
