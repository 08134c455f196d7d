import { describe, expect, it } from "vitest";
import { checkCooperativeKind, FUNDING_INSTRUMENT_LABELS, LEGAL_FAMILIES, legalFormLabel } from "./vocabulary";

describe("legal families", () => {
  it("require a kind for a cooperative, and only for a cooperative", () => {
    expect(checkCooperativeKind("COOPERATIVE", "SCOP")).toBeNull();
    expect(checkCooperativeKind("COOPERATIVE", null)).toMatch(/doit préciser son type/);
    expect(checkCooperativeKind("ASSOCIATION", "SCIC")).toMatch(/Seule une coopérative/);
    for (const family of LEGAL_FAMILIES.filter((f) => f !== "COOPERATIVE")) expect(checkCooperativeKind(family, null)).toBeNull();
  });

  it("are named as people say them: Scop and SCIC rather than « Coopérative »", () => {
    expect(legalFormLabel("COOPERATIVE", "SCOP")).toBe("Scop");
    expect(legalFormLabel("COOPERATIVE", "SCIC")).toBe("SCIC");
    expect(legalFormLabel("ASSOCIATION", null)).toBe("Association");
    expect(legalFormLabel("ESS_COMPANY", null)).toBe("Société commerciale de l'ESS");
  });
});

it("names every funding instrument in French", () => {
  expect(Object.values(FUNDING_INSTRUMENT_LABELS)).toEqual(["Subvention", "Avance remboursable", "Prêt", "Prestation"]);
});
