import { describe, expect, it } from "vitest";
import { checkSiren, checkSiret, isValidRna, luhnCheckDigit, luhnValid, normalizeIdentifier } from "./identifiers";

describe("Luhn", () => {
  it("accepts the SIREN of the CA du Niortais and rejects a one-digit change", () => {
    expect(luhnValid("200041317")).toBe(true);
    expect(luhnValid("200041318")).toBe(false);
  });
  it("computes the digit that completes a number", () => {
    expect(luhnCheckDigit("20004131")).toBe("7");
    expect(luhnCheckDigit("21790191")).toBe("7");
  });
});

describe("SIREN", () => {
  it.each([
    ["217901917", null],
    ["217901916", "checksum"],
    ["21790191", "format"],
    ["21790191A", "format"],
  ])("%s → %s", (value, problem) => expect(checkSiren(value)).toBe(problem));
});

describe("SIRET", () => {
  it("accepts a SIRET whose SIREN and 14 digits are both Luhn-valid", () => {
    const siret = `2179019170001${luhnCheckDigit("2179019170001")}`;
    expect(checkSiret(siret)).toBeNull();
  });
  it("rejects a SIRET whose 14 digits pass Luhn but whose SIREN does not", () => {
    const body = "2179019160001";
    expect(checkSiret(body + luhnCheckDigit(body))).toBe("checksum");
  });
  it("rejects wrong lengths and letters", () => {
    expect(checkSiret("2179019170001")).toBe("format");
    expect(checkSiret("2179019170001X")).toBe("format");
  });
  it("applies La Poste's rule (digit sum multiple of 5) instead of Luhn", () => {
    // 35600000000048: digit sum 3+5+6+4+8 = 26 → invalid; 35600000000049 → 27; 35600000000051 → 20 → valid.
    expect(checkSiret("35600000000051")).toBeNull();
    expect(checkSiret("35600000000048")).toBe("checksum");
    expect(luhnValid("35600000000051")).toBe(false);
  });
});

describe("RNA", () => {
  it("accepts W followed by nine digits only", () => {
    expect(isValidRna("W792001234")).toBe(true);
    expect(isValidRna("W79200123")).toBe(false);
    expect(isValidRna("792001234W")).toBe(false);
    expect(isValidRna("w792001234")).toBe(false);
  });
});

it("normalizes typed identifiers", () => {
  expect(normalizeIdentifier("217 901 917\u00a000 012")).toBe("21790191700012");
  expect(normalizeIdentifier("w792001234")).toBe("W792001234");
});
