import { describe, expect, it } from "vitest";
import { apiConfig } from "./config";

describe("statistical confidentiality settings", () => {
  it("are on by default, can be changed, and a wrong value stops the start naming the variable", () => {
    expect(apiConfig({}).secrecyRules).toEqual({ minContributors: 3, dominancePercent: 85 });
    expect(apiConfig({ SECRECY_MIN_CONTRIBUTORS: "5", SECRECY_DOMINANCE_PERCENT: "100" }).secrecyRules).toEqual({ minContributors: 5, dominancePercent: 100 });
    expect(() => apiConfig({ SECRECY_MIN_CONTRIBUTORS: "0" })).toThrow(/SECRECY_MIN_CONTRIBUTORS must be a whole number from 1/);
    expect(() => apiConfig({ SECRECY_DOMINANCE_PERCENT: "40" })).toThrow(/SECRECY_DOMINANCE_PERCENT must be a whole number from 50 to 100/);
  });
});
