import { describe, expect, it } from "vitest";
import { luhnCheckDigit } from "./identifiers";
import { SCDL_COLUMNS, type ScdlRow, scdlProblems, scdlPublicationDeadline } from "./scdl";

const siret = (body13: string) => body13 + luhnCheckDigit(body13);
const valid: ScdlRow = {
  nomAttribuant: "Communauté d'agglomération du Niortais",
  idAttribuant: siret("2000413170001"),
  dateConvention: "2024-03-15",
  referenceDecision: "CAN-2024-00012",
  nomBeneficiaire: "Scop Atelier web",
  idBeneficiaire: siret(`${`81234567${luhnCheckDigit("81234567")}`}0001`),
  rnaBeneficiaire: "",
  objet: "Aide au démarrage",
  montant: "24500.00",
  nature: "aide en numéraire",
  conditionsVersement: "échelonné",
  datesPeriodeVersement: "2024-03-15/2025-03-15",
  idRAE: "",
  notificationUE: "non",
  pourcentageSubvention: "1.00",
  dispositifAide: "Fonds ESS du Niortais",
};

describe("SCDL Subventions 2.1.1 rules", () => {
  it("has the 16 columns in the schema's order", () => {
    expect(SCDL_COLUMNS).toHaveLength(16);
    expect(SCDL_COLUMNS[0]).toBe("nomAttribuant");
    expect(SCDL_COLUMNS[15]).toBe("dispositifAide");
  });

  it("accepts a complete row, and an association identified by its RNA number only", () => {
    expect(scdlProblems(valid)).toEqual([]);
    expect(scdlProblems({ ...valid, idBeneficiaire: "", rnaBeneficiaire: "W792001234" })).toEqual([]);
    expect(scdlProblems({ ...valid, datesPeriodeVersement: "2024-04-01", conditionsVersement: "unique" })).toEqual([]);
    expect(scdlProblems({ ...valid, nature: "aide en numéraire;aide en nature" })).toEqual([]);
  });

  it.each([
    ["no attribuant SIRET", { idAttribuant: "" }, "idAttribuant"],
    ["a SIRET with a wrong key", { idAttribuant: "20004131700012" }, "idAttribuant"],
    ["no beneficiary identifier at all", { idBeneficiaire: "", rnaBeneficiaire: "" }, "idBeneficiaire"],
    ["a malformed RNA number", { rnaBeneficiaire: "W79" }, "rnaBeneficiaire"],
    ["a date that does not exist", { dateConvention: "2024-02-30" }, "dateConvention"],
    ["an object of 256 characters", { objet: "x".repeat(256) }, "objet"],
    ["a comma as decimal separator", { montant: "24500,00" }, "montant"],
    ["an unknown nature", { nature: "numéraire" }, "nature"],
    ["a period that ends before it starts", { datesPeriodeVersement: "2025-03-15/2024-03-15" }, "datesPeriodeVersement"],
    ["a yes/no in English", { notificationUE: "no" }, "notificationUE"],
    ["a share above 1", { pourcentageSubvention: "1.5" }, "pourcentageSubvention"],
    ["a share below 0.01", { pourcentageSubvention: "0.001" }, "pourcentageSubvention"],
    ["an idRAE too long", { idRAE: "123456" }, "idRAE"],
  ])("refuses %s", (_, change, column) => {
    expect(scdlProblems({ ...valid, ...change }).map((p) => p.column)).toContain(column);
  });

  it("counts the publication deadline in calendar months", () => {
    expect(scdlPublicationDeadline("2024-03-15")).toBe("2024-06-15");
    expect(scdlPublicationDeadline("2023-11-30")).toBe("2024-02-29");
    expect(scdlPublicationDeadline("2024-10-31")).toBe("2025-01-31");
  });
});
