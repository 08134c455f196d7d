import { describe, expect, it } from "vitest";
import { registerMismatches } from "./match";

const register = {
  siret: "11111111100012",
  name: "Le Lien",
  communeCode: "79191",
  legalCategory: "9220",
  nafRev2: "88.99B",
  createdOn: new Date("2013-01-15"),
  active: true,
  ceasedOn: null,
};
const recorded = { siret: "11111111100012", communeCode: "79191", legalCategory: "9220", nafCode: "88.99B", ceasedOn: null };

describe("registerMismatches", () => {
  it("finds nothing when the record agrees, or leaves a fact empty", () => {
    expect(registerMismatches(recorded, register)).toEqual([]);
    expect(registerMismatches({ ...recorded, legalCategory: null }, register)).toEqual([]);
    expect(registerMismatches(recorded, { ...register, nafRev2: null })).toEqual([]);
  });

  it("flags each disagreement with both values, cessation included", () => {
    expect(registerMismatches({ ...recorded, communeCode: "79081", nafCode: "94.99Z" }, register)).toEqual([
      { field: "communeCode", recorded: "79081", register: "79191" },
      { field: "nafCode", recorded: "94.99Z", register: "88.99B" },
    ]);
    expect(registerMismatches(recorded, { ...register, active: false, ceasedOn: new Date("2025-06-30") })).toEqual([
      { field: "ceasedOn", recorded: "", register: "2025-06-30" },
    ]);
    expect(registerMismatches({ ...recorded, ceasedOn: new Date("2024-01-31") }, { ...register, active: false, ceasedOn: new Date("2025-06-30") })).toEqual([
      { field: "ceasedOn", recorded: "2024-01-31", register: "2025-06-30" },
    ]);
  });
});
