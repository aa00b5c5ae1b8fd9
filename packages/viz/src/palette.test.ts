import { describe, expect, it } from "vitest";
import { edgeWidth, palette, signColor } from "./palette.ts";

describe("signColor", () => {
  it("tells positive, negative and zero apart", () => {
    expect(signColor(0.3)).toBe(palette.positive);
    expect(signColor(-0.3)).toBe(palette.negative);
    expect(signColor(0)).toBe(palette.neutral);
  });
});

describe("edgeWidth", () => {
  it("scales with magnitude between the bounds", () => {
    expect(edgeWidth(0, 2)).toBe(1);
    expect(edgeWidth(-2, 2)).toBe(7);
    expect(edgeWidth(1, 2)).toBe(4);
    expect(edgeWidth(10, 2)).toBe(7);
  });

  it("falls back to the thinnest line when nothing is known", () => {
    expect(edgeWidth(1, 0)).toBe(1);
    expect(edgeWidth(Number.NaN, 1)).toBe(1);
  });
});
