// Filter inputs shared by every `where` argument; they map one to one onto Prisma's filters.
import { builder } from "../builder";
import { CooperativeKind, FundingInstrument, IncubationOutcome, LegalFamily, PartnerKind, RecordStatus, AidNature } from "./enums";

export const StringFilter = builder.prismaFilter("String", {
  name: "StringFilter",
  description: "Text filter. `contains` and `startsWith` follow `mode` (Insensitive ignores case).",
  ops: ["equals", "in", "contains", "startsWith", "mode"],
});
export const IdFilter = builder.prismaFilter("String", { name: "IdFilter", description: "Filter on a database id (UUID).", ops: ["equals", "in"] });
export const IntFilter = builder.prismaFilter("Int", { name: "IntFilter", description: "Number filter; bounds are included with gte/lte.", ops: ["equals", "in", "gt", "gte", "lt", "lte"] });
export const DecimalFilter = builder.prismaFilter("Decimal", { name: "DecimalFilter", description: "Decimal filter, values as strings.", ops: ["equals", "gt", "gte", "lt", "lte"] });
export const DateFilter = builder.prismaFilter("Date", { name: "DateFilter", description: "Date range filter (YYYY-MM-DD).", ops: ["equals", "gt", "gte", "lt", "lte"] });
export const BooleanFilter = builder.prismaFilter("Boolean", { name: "BooleanFilter", ops: ["equals"] });

const enumOps = ["equals", "in"] as const;
export const LegalFamilyFilter = builder.prismaFilter(LegalFamily, { name: "LegalFamilyFilter", ops: enumOps });
export const CooperativeKindFilter = builder.prismaFilter(CooperativeKind, { name: "CooperativeKindFilter", ops: enumOps });
export const FundingInstrumentFilter = builder.prismaFilter(FundingInstrument, { name: "FundingInstrumentFilter", ops: enumOps });
export const AidNatureFilter = builder.prismaFilter(AidNature, { name: "AidNatureFilter", ops: enumOps });
export const IncubationOutcomeFilter = builder.prismaFilter(IncubationOutcome, { name: "IncubationOutcomeFilter", ops: enumOps });
export const RecordStatusFilter = builder.prismaFilter(RecordStatus, { name: "RecordStatusFilter", ops: enumOps });
export const PartnerKindFilter = builder.prismaFilter(PartnerKind, { name: "PartnerKindFilter", ops: enumOps });

