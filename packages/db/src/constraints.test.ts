// The database keeps the domain's rules whoever writes to it.
import { luhnCheckDigit } from "@oess/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./testing";

let db: TestDatabase;
let partnerId: string;
let enterpriseId: string;
beforeAll(async () => {
  db = await createTestDatabase();
  const partner = await db.prisma.partner.create({
    data: { slug: "p", name: "Partenaire", shortName: "P", kind: "EPCI", isPublicBody: true, siret: siret("20004131") },
  });
  partnerId = partner.id;
  const enterprise = await db.prisma.enterprise.create({ data: enterpriseData({ siret: siret("81234567") }) });
  enterpriseId = enterprise.id;
});
afterAll(() => db.dispose());

function siret(sirenBody: string): string {
  const siren = sirenBody + luhnCheckDigit(sirenBody);
  return `${siren}0001${luhnCheckDigit(`${siren}0001`)}`;
}

const enterpriseData = (over: Record<string, unknown> = {}) => ({
  name: "Scop Test",
  legalFamily: "COOPERATIVE" as const,
  cooperativeKind: "SCOP" as const,
  nafCode: "62.01Z",
  nafSection: "J",
  communeCode: "79191",
  foundedOn: new Date("2020-03-01"),
  source: "test",
  dataYear: 2020,
  ownerPartnerId: partnerId,
  ...over,
});

const fundingData = (over: Record<string, unknown> = {}) => ({
  funderId: partnerId,
  beneficiaryEnterpriseId: enterpriseId,
  amount: "1000.00",
  year: 2021,
  decisionDate: new Date("2021-02-01"),
  instrument: "GRANT" as const,
  purpose: "Aide au démarrage",
  source: "test",
  dataYear: 2021,
  ownerPartnerId: partnerId,
  ...over,
});

describe("database constraints", () => {
  it("accepts a valid funding and keeps its amount exact", async () => {
    const f = await db.prisma.funding.create({ data: fundingData({ amount: "12345.67" }) });
    expect(f.amount.toString()).toBe("12345.67");
  });

  it.each([
    ["a negative amount", { amount: "-1.00" }, "funding_amount_non_negative"],
    ["an implausible year", { year: 1890 }, "funding_year_plausible"],
    ["two beneficiaries", { beneficiaryPartnerId: "__partner__" }, "funding_one_beneficiary"],
    ["no beneficiary", { beneficiaryEnterpriseId: null }, "funding_one_beneficiary"],
    ["a funding share above 100 %", { fundingShare: "1.5" }, "funding_share_range"],
  ])("refuses a funding with %s", async (_, over, constraint) => {
    const data = Object.fromEntries(Object.entries(over).map(([k, v]) => [k, v === "__partner__" ? partnerId : v]));
    await expect(db.prisma.funding.create({ data: fundingData(data) })).rejects.toThrow(new RegExp(constraint));
  });

  it("refuses a funding from an unknown partner (foreign key)", async () => {
    await expect(db.prisma.funding.create({ data: fundingData({ funderId: "00000000-0000-4000-8000-000000000000" }) })).rejects.toThrow(
      /foreign key|Foreign key/,
    );
  });

  it.each([
    ["a malformed SIRET", { siret: "1234" }, "enterprise_siret_format"],
    ["a malformed RNA number", { siret: null, rna: "X123" }, "enterprise_rna_format"],
    ["a created enterprise without identifier", { siret: null, rna: null }, "enterprise_identified"],
    ["a Scop that is not a cooperative", { legalFamily: "ASSOCIATION", siret: siret("81234568") }, "enterprise_cooperative_kind"],
    ["a cooperative without kind", { cooperativeKind: null, siret: siret("81234569") }, "enterprise_cooperative_kind"],
    ["a made-up NAF section", { nafSection: "Z", siret: siret("81234570") }, "enterprise_naf_section_format"],
    ["a commune outside the reference list", { communeCode: "75056", siret: siret("81234571") }, "foreign key|Foreign key"],
  ])("refuses an enterprise with %s", async (_, over, constraint) => {
    await expect(db.prisma.enterprise.create({ data: enterpriseData(over) })).rejects.toThrow(new RegExp(constraint));
  });

  it("refuses a second enterprise with the same SIRET", async () => {
    const existing = await db.prisma.enterprise.findUniqueOrThrow({ where: { id: enterpriseId } });
    await expect(db.prisma.enterprise.create({ data: enterpriseData({ siret: existing.siret }) })).rejects.toThrow(/Unique constraint|unique/);
  });

  it("accepts a project not yet created, without identifier", async () => {
    const project = await db.prisma.enterprise.create({ data: enterpriseData({ siret: null, foundedOn: null }) });
    expect(project.siret).toBeNull();
  });

  it("refuses negative jobs and a second record for the same enterprise and year", async () => {
    const job = { enterpriseId, year: 2021, jobsCreated: 2, fte: "1.50", source: "test", dataYear: 2021, ownerPartnerId: partnerId };
    await db.prisma.jobRecord.create({ data: job });
    await expect(db.prisma.jobRecord.create({ data: { ...job, year: 2022, jobsCreated: -1 } })).rejects.toThrow(/job_record_jobs_non_negative/);
    await expect(db.prisma.jobRecord.create({ data: job })).rejects.toThrow(/Unique constraint|unique/);
  });

  it("refuses an incubation that ends before it starts", async () => {
    await expect(
      db.prisma.incubation.create({
        data: {
          enterpriseId,
          supportingPartnerId: partnerId,
          startDate: new Date("2021-06-01"),
          endDate: new Date("2021-01-01"),
          outcome: "CREATED",
          source: "test",
          dataYear: 2021,
          ownerPartnerId: partnerId,
        },
      }),
    ).rejects.toThrow(/incubation_dates_ordered/);
  });
});

describe("SCDL rules at publication", () => {
  const publishedGrant = (over: Record<string, unknown>) =>
    fundingData({ status: "PUBLISHED", instrument: "GRANT", conventionDate: new Date("2021-02-15"), amount: "30000.00", ...over });

  it("publishes a public body's grant that SCDL can carry", async () => {
    const grant = await db.prisma.funding.create({ data: publishedGrant({}) });
    expect(grant.publishedAt).not.toBeNull();
  });

  it.each([
    ["without convention date", { conventionDate: null }, /SCDL dateConvention/],
    ["of zero euros", { amount: "0.00" }, /SCDL montant/],
    ["without payment terms", { paymentTerms: " " }, /SCDL conditionsVersement/],
  ])("refuses to publish a public body's grant %s, and keeps it as a draft", async (_, over, message) => {
    await expect(db.prisma.funding.create({ data: publishedGrant(over) })).rejects.toThrow(message);
    const draft = await db.prisma.funding.create({ data: publishedGrant({ ...over, status: "DRAFT" }) });
    await expect(db.prisma.funding.update({ where: { id: draft.id }, data: { status: "PUBLISHED" } })).rejects.toThrow(message);
  });

  it("publishes a grant to a partner (the structure carrying the PTCE) identified by its SIRET", async () => {
    const carrier = await db.prisma.partner.create({
      data: { slug: "carrier", name: "Porteur du PTCE", shortName: "Porteur", kind: "COOPERATIVE", isPublicBody: false, siret: siret("85236410") },
    });
    const grant = await db.prisma.funding.create({ data: publishedGrant({ beneficiaryEnterpriseId: null, beneficiaryPartnerId: carrier.id }) });
    expect(grant.status).toBe("PUBLISHED");
  });

  it("checks every row of a statement that publishes many grants at once, and refuses it whole for one", async () => {
    const before = await db.prisma.funding.count();
    const good = (n: number) => publishedGrant({ decisionReference: `BULK-${n}` });
    await expect(
      db.prisma.funding.createMany({ data: [good(1), publishedGrant({ decisionReference: "BULK-2", conventionDate: null }), good(3)] }),
    ).rejects.toThrow(/SCDL dateConvention/);
    expect(await db.prisma.funding.count()).toBe(before);
    await db.prisma.funding.createMany({ data: [good(4), good(5), good(6)] });
    expect(await db.prisma.funding.count()).toBe(before + 3);
  });

  it("refuses to publish a grant to a beneficiary without SIRET or RNA", async () => {
    const project = await db.prisma.enterprise.create({ data: enterpriseData({ siret: null, foundedOn: null }) });
    await expect(db.prisma.funding.create({ data: publishedGrant({ beneficiaryEnterpriseId: project.id }) })).rejects.toThrow(/SCDL idBeneficiaire/);
  });
});
