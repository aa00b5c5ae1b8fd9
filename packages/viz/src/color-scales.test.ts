import { describe, expect, it } from "vitest";
import { colorTable, divergingScale, sequentialScale, tableIndex } from "./color-scales.ts";

const luminance = ([r, g, b]: readonly number[]) =>
  0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);

describe("divergingScale", () => {
  it("is near white at zero and distinct hues at the two ends", () => {
    const color = divergingScale(2);
    expect(luminance(color(0))).toBeGreaterThan(230);
    const [nr, , nb] = color(-2);
    const [pr, , pb] = color(2);
    expect(nr).toBeGreaterThan(nb); // negative: orange
    expect(pb).toBeGreaterThan(pr); // positive: purple
    expect(color(5)).toEqual(color(2)); // clamped
  });

  it("survives a zero or non-finite extent and non-finite values", () => {
    expect(divergingScale(0)(0.5)).toHaveLength(3);
    expect(divergingScale(1)(Number.NaN)).toEqual(divergingScale(1)(0));
  });
});

describe("sequentialScale", () => {
  it("gets lighter from min to max", () => {
    const color = sequentialScale(0, 10);
    expect(luminance(color(10))).toBeGreaterThan(luminance(color(0)));
  });
});

describe("colorTable", () => {
  it("holds the scale's colours at evenly spaced values", () => {
    const scale = divergingScale(1);
    const table = colorTable(scale, -1, 1, 5);
    expect(Array.from(table.subarray(6, 9))).toEqual([...scale(0)]);
    expect(tableIndex(0, -1, 1, 5)).toBe(2);
    expect(tableIndex(9, -1, 1, 5)).toBe(4);
    expect(tableIndex(Number.NaN, -1, 1, 5)).toBe(0);
  });
});
