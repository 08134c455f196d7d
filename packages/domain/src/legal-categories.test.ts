import { describe, expect, it } from "vitest";
import { cooperativeKindOfCategory, legalCategories, legalCategoryLabel, legalFamilyOfCategory } from "./legal-categories";

describe("INSEE legal categories (niveau III)", () => {
  it("ships the whole nomenclature: four-digit codes, each once, with a label", () => {
    const codes = [...legalCategories().keys()];
    expect(codes.length).toBeGreaterThan(250);
    expect(codes.every((code) => /^\d{4}$/.test(code))).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...legalCategories().values()].every((label) => label.length > 3 && label === label.trim())).toBe(true);
    expect(legalCategoryLabel("5458")).toBe("SARL coopérative ouvrière de production (SCOP)");
    expect(legalCategoryLabel("9220")).toBe("Association déclarée");
    expect(legalCategoryLabel("0000")).toBeNull();
  });

  it("derives the ESS family where the category tells it, and the Scop kind", () => {
    const cases: Array<[string, string | null]> = [
      ["9220", "ASSOCIATION"],
      ["9230", "ASSOCIATION"],
      ["9300", "FOUNDATION"],
      ["8210", "MUTUAL"],
      ["5458", "COOPERATIVE"],
      ["5560", "COOPERATIVE"],
      ["6317", "COOPERATIVE"],
      ["5710", "ESS_COMPANY"],
      ["5499", "ESS_COMPANY"],
      ["7210", null],
      ["1000", null],
    ];
    for (const [code, family] of cases) expect(legalFamilyOfCategory(code), code).toBe(family);
    expect(["5458", "5558", "5658", "5560"].map(cooperativeKindOfCategory)).toEqual(["SCOP", "SCOP", "SCOP", null]);
  });
});
