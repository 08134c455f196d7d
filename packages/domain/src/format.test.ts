import { expect, it } from "vitest";
import { formatDecimal, formatEuros, formatInteger } from "./format";

it("formats figures the French way, with narrow no-break spaces", () => {
  expect(formatInteger(1234567)).toBe("1\u202f234\u202f567");
  expect(formatDecimal(1234.56)).toBe("1\u202f234,6");
  expect(formatEuros("1234567.89")).toBe("1\u202f234\u202f568\u00a0€");
});
