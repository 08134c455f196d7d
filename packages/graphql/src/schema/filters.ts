// Filter inputs shared by every `where` argument; they map one to one onto Prisma's filters.
import { builder } from "../builder";
import { AidNature, CooperativeKind, FundingInstrument, IncubationOutcome, LegalFamily, PartnerKind, RecordStatus } from "./enums";

export const StringFilter = builder.prismaFilter("String", {
  name: "StringFilter",
  description: "Text filter. `contains` and `startsWith` follow `mode` (Insensitive ignores case).",
  ops: ["equals", "in", "contains", "startsWith", "mode"],
});
export const IdFilter = builder.prismaFilter("String", { name: "IdFilter", description: "Filter on a database id (UUID).", ops: ["equals", "in"] });
export const IntFilter = builder.prismaFilter("Int", {
  name: "IntFilter",
  description: "Number filter; bounds are included with gte/lte.",
  ops: ["equals", "in", "gt", "gte", "lt", "lte"],
});
export const DecimalFilter = builder.prismaFilter("Decimal", {
  name: "DecimalFilter",
  description: "Decimal filter, values as strings.",
  ops: ["equals", "gt", "gte", "lt", "lte"],
});
export const DateFilter = builder.prismaFilter("Date", {
  name: "DateFilter",
  description: "Date range filter (YYYY-MM-DD).",
  ops: ["equals", "gt", "gte", "lt", "lte"],
});
export const BooleanFilter = builder.prismaFilter("Boolean", { name: "BooleanFilter", description: "Filter on a yes/no value.", ops: ["equals"] });

const enumFilter = <E extends Parameters<typeof builder.prismaFilter>[0]>(type: E, name: string) =>
  builder.prismaFilter(type, { name: `${name}Filter`, description: `Filter on a ${name} value.`, ops: ["equals", "in"] });
export const LegalFamilyFilter = enumFilter(LegalFamily, "LegalFamily");
export const CooperativeKindFilter = enumFilter(CooperativeKind, "CooperativeKind");
export const FundingInstrumentFilter = enumFilter(FundingInstrument, "FundingInstrument");
export const AidNatureFilter = enumFilter(AidNature, "AidNature");
export const IncubationOutcomeFilter = enumFilter(IncubationOutcome, "IncubationOutcome");
export const RecordStatusFilter = enumFilter(RecordStatus, "RecordStatus");
export const PartnerKindFilter = enumFilter(PartnerKind, "PartnerKind");
