// The database enums and the domain's vocabularies must list the same values.
import * as domain from "@oess/domain";
import { expect, it } from "vitest";
import * as Enums from "./generated/prisma/enums";

it.each([
  [Enums.LegalFamily, domain.LEGAL_FAMILIES],
  [Enums.CooperativeKind, domain.COOPERATIVE_KINDS],
  [Enums.FundingInstrument, domain.FUNDING_INSTRUMENTS],
  [Enums.AidNature, domain.AID_NATURES],
  [Enums.IncubationOutcome, domain.INCUBATION_OUTCOMES],
  [Enums.RecordStatus, domain.RECORD_STATUSES],
  [Enums.PartnerKind, domain.PARTNER_KINDS],
  [Enums.MemberRole, domain.MEMBER_ROLES],
])("database enum %# equals the domain list", (dbEnum, domainList) => {
  expect(Object.values(dbEnum)).toEqual([...domainList]);
});
