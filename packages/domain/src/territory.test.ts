import { describe, expect, it } from "vitest";
import { isValidSiren } from "./identifiers";
import { loadTerritory, UnknownTerritoryError } from "./territory";

describe("territory", () => {
  it("loads the CA du Niortais by default: 40 communes, Niort first", () => {
    const t = loadTerritory();
    expect(t.name).toBe("CA du Niortais");
    expect(t.communes).toHaveLength(40);
    expect(t.communes[0]).toMatchObject({ code: "79191", name: "Niort" });
    expect(t.communes.reduce((s, c) => s + c.population, 0)).toBe(t.population);
    for (const c of t.communes) {
      expect(c.code).toMatch(/^79\d{3}$/);
      expect(isValidSiren(c.siren)).toBe(true);
    }
  });
  it("loads another territory from nothing but its SIREN", () => {
    const poitiers = loadTerritory("200069854"); // CU du Grand Poitiers
    expect(poitiers.name).toMatch(/Poitiers/);
    expect(poitiers.communes.some((c) => c.code === "86194")).toBe(true);
  });
  it("says which setting is wrong for an unknown SIREN", () => {
    expect(() => loadTerritory("123456789")).toThrow(UnknownTerritoryError);
    expect(() => loadTerritory("123456789")).toThrow(/TERRITORY_EPCI_SIREN=123456789/);
  });
});
