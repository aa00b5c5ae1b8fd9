import { describe, expect, it } from "vitest";
import { formatNumber, subscript } from "./format.ts";

describe("formatNumber", () => {
  it("rounds to the requested decimals", () => {
    expect(formatNumber(1.23456)).toBe("1.23");
    expect(formatNumber(1.23456, 4)).toBe("1.2346");
    expect(formatNumber(2)).toBe("2.00");
  });

  it("writes negatives with a real minus sign and never shows −0", () => {
    expect(formatNumber(-0.5)).toBe("−0.50");
    expect(formatNumber(-0.001)).toBe("0.00");
    expect(formatNumber(-0)).toBe("0.00");
  });

  it("names values that are not finite", () => {
    expect(formatNumber(Number.NaN)).toBe("not a number");
    expect(formatNumber(Infinity)).toBe("∞");
    expect(formatNumber(-Infinity)).toBe("−∞");
  });
});

describe("subscript", () => {
  it("subscripts one- and two-digit indices", () => {
    expect(subscript("x", 1)).toBe("x₁");
    expect(subscript("w", 12)).toBe("w₁₂");
  });
});

describe("formatNumber in other languages", () => {
  it("uses the language's decimal mark and keeps the true minus", () => {
    expect(formatNumber(0.25, 2, "de")).toBe("0,25");
    expect(formatNumber(-1.5, 1, "de")).toBe("−1,5");
    expect(formatNumber(1234.5, 1, "de")).toBe("1234,5");
    expect(formatNumber(0.25, 2, "en")).toBe("0.25");
  });
});
