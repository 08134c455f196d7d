import codesNaf from "@socialgouv/codes-naf";
import { describe, expect, it } from "vitest";
import { NAF_SECTIONS, nafLabel, nafSection } from "./naf";

describe("NAF", () => {
  it("knows the social-action subclass and its section", () => {
    expect(nafLabel("88.99B")).toBe("Action sociale sans hébergement n.c.a.");
    expect(nafSection("88.99B")).toBe("Q");
    expect(nafSection("01.13Z")).toBe("A");
    expect(nafSection("94.99Z")).toBe("S");
  });
  it("rejects codes that do not exist", () => {
    expect(nafSection("88.99")).toBeUndefined();
    expect(nafSection("00.00Z")).toBeUndefined();
    expect(nafLabel("99.99Z")).toBeUndefined();
  });
  it("places every subclass of the official list in exactly one of the 21 sections", () => {
    const subclasses = codesNaf.filter((c) => /^\d{2}\.\d{2}[A-Z]$/.test(c.id));
    expect(subclasses.length).toBeGreaterThan(700);
    for (const { id } of subclasses) expect(NAF_SECTIONS).toContain(nafSection(id));
    expect(NAF_SECTIONS).toHaveLength(21);
  });
});
