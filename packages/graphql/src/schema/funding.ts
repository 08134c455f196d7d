import { builder } from "../builder";
import { PAGE_OPTIONS, stableOrder, visibleAnd } from "../visibility";
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
import { ContributedRecord, visibleTo } from "./record";

builder.prismaNode("Funding", {
  id: { field: "id" },
  description: "Money (or services) a partner gives to an enterprise or to another partner; carries what SCDL « Subventions » needs.",
  interfaces: [ContributedRecord],
  authScopes: (record) => visibleTo(record),
  fields: (t) => ({
    databaseId: t.exposeString("id", { description: "The funding's UUID, as in the open-data files." }),
    funder: t.relation("funder", { description: "The partner that gives (attribuant)." }),
    beneficiaryEnterprise: t.relation("beneficiaryEnterprise", { nullable: true, description: "The enterprise that receives, if any." }),
    beneficiaryPartner: t.relation("beneficiaryPartner", {
      nullable: true,
      description: "The partner that receives, if any (e.g. the structure carrying the PTCE).",
    }),
    amount: t.expose("amount", { type: "Decimal", description: "Amount in euros (montant)." }),
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
      type: "Decimal",
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
    resolve: (query, _root, args, ctx) => ctx.prisma.funding.findMany({ ...query, where: visibleAnd(ctx, args.where), orderBy: stableOrder(args.orderBy) }),
    totalCount: (_connection, args, ctx) => ctx.prisma.funding.count({ where: visibleAnd(ctx, args.where) }),
  }),
);
