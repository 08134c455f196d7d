import { describe, expect, it } from "vitest";
import { checkCooperativeKind, FUNDING_INSTRUMENT_LABELS, FUNDING_INSTRUMENTS, LEGAL_FAMILIES, legalFormLabel } from "./vocabulary";

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

it("names every funding instrument, each differently (the dashboard's legends and the imports rely on it)", () => {
  const labels = FUNDING_INSTRUMENTS.map((i) => FUNDING_INSTRUMENT_LABELS[i]);
  expect(labels.every((l) => typeof l === "string" && l.trim().length > 0)).toBe(true);
  expect(new Set(labels.map((l) => l.toLowerCase())).size).toBe(FUNDING_INSTRUMENTS.length);
});
