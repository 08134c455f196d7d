import { expect, it } from "vitest";
import {
  formatChange,
  formatDate,
  formatDateTime,
  formatDay,
  formatDecimal,
  formatEuros,
  formatExactDecimal,
  formatExactEuros,
  formatInteger,
  formatPercent,
} from "./format";

it("formats figures the French way, with narrow no-break spaces", () => {
  expect(formatInteger(1234567)).toBe("1\u202f234\u202f567");
  expect(formatDecimal(1234.56)).toBe("1\u202f234,6");
  expect(formatEuros("1234567.89")).toBe("1\u202f234\u202f568\u00a0€");
});

it("shows a record's amounts and decimals as they were stored, not rounded", () => {
  expect(formatExactEuros("8000.50")).toBe("8\u202f000,50\u00a0€");
  expect(formatExactEuros("8000.05")).toBe("8\u202f000,05\u00a0€");
  expect(formatExactEuros("8000.00")).toBe("8\u202f000\u00a0€");
  expect(formatExactDecimal("5.5")).toBe("5,5");
  expect(formatExactDecimal("0.25")).toBe("0,25");
  expect(formatExactDecimal("2")).toBe("2");
});

it("shares and changes are French percentages, signed, with a narrow no-break space", () => {
  expect(formatPercent(0.256)).toBe("26\u202f%");
  expect(formatChange(112, 100)).toBe("+12\u202f%");
  expect(formatChange(95, 100)).toBe("\u22125\u202f%");
  expect(formatChange(100, 100)).toBe("0\u202f%");
  expect(formatChange(5, 0)).toBeNull();
});

it("writes dates the French way, in Niort's time zone for moments", () => {
  expect(formatDate("2024-03-01")).toBe("1 mars 2024");
  expect(formatDateTime("2026-11-26T07:23:00Z")).toBe("26 novembre 2026 à 08:23");
  expect(formatDay("2026-11-26T23:30:00Z")).toBe("27 novembre 2026");
});
