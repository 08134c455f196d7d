import { formatEuros, formatInteger } from "@oess/domain/format";
import { expect, it } from "vitest";
import { yearChange } from "./year-change";

const rows = (values: Record<number, number | null>) => Object.entries(values).map(([year, v]) => ({ year: Number(year), v }));
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, " ");
const NOVEMBER_2026 = new Date("2026-11-27T12:00:00Z");
const MARCH_2026 = new Date("2026-03-15T12:00:00Z");

it("compares the last complete year with the one before, as a percentage on enough units", () => {
  expect(plain(yearChange(rows({ 2023: 80, 2024: 100, 2025: 120 }), (r) => r.v, formatInteger, { counted: true, today: NOVEMBER_2026 }))).toBe(
    "En 2025 : 120, +20 % par rapport à 2024.",
  );
});

it("tells a change on fewer than 10 units as two counts", () => {
  expect(yearChange(rows({ 2024: 9, 2025: 5 }), (r) => r.v, formatInteger, { counted: true, today: NOVEMBER_2026 })).toBe("En 2025 : 5, contre 9 en 2024.");
  // Amounts are not counts: a percentage says something even on small sums.
  expect(plain(yearChange(rows({ 2024: 8, 2025: 4 }), (r) => r.v, formatEuros, { counted: false, today: NOVEMBER_2026 }))).toBe(
    "En 2025 : 4 €, −50 % par rapport à 2024.",
  );
});

it("names a year whose declarations are still coming in as provisional, and compares the complete years before it", () => {
  // In March 2026, 2025's jobs are not all declared yet.
  expect(plain(yearChange(rows({ 2023: 50, 2024: 60, 2025: 12 }), (r) => r.v, formatInteger, { counted: true, today: MARCH_2026 }))).toBe(
    "En 2024 : 60, +20 % par rapport à 2023. 2025, année provisoire (déclarations en cours) : 12.",
  );
});

it("says « secret » for a hidden figure and compares nothing with it; says nothing of a period of no complete year", () => {
  expect(yearChange(rows({ 2024: null, 2025: 40 }), (r) => r.v, formatInteger, { counted: true, today: NOVEMBER_2026 })).toBe("En 2025 : 40.");
  expect(yearChange(rows({ 2026: 3 }), (r) => r.v, formatInteger, { counted: true, today: NOVEMBER_2026 })).toBe(
    "2026, année provisoire (déclarations en cours) : 3.",
  );
});
