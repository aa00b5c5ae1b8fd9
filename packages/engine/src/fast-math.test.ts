import { describe, expect, it } from "vitest";
import { activations } from "./activations.ts";
import { fastSigmoid, fastTanh } from "./fast-math.ts";

describe("fastTanh", () => {
  it("stays within 2e-13 of Math.tanh everywhere", () => {
    let worst = 0;
    for (let x = -25; x <= 25; x += 0.000731)
      worst = Math.max(worst, Math.abs(fastTanh(x) - Math.tanh(x)));
    expect(worst).toBeLessThan(2e-13);
  });

  it("is exact at 0, odd, saturates to ±1 and keeps NaN", () => {
    expect(fastTanh(0)).toBe(0);
    expect(fastTanh(-1.3)).toBe(-fastTanh(1.3));
    expect(fastTanh(1e6)).toBe(1);
    expect(fastTanh(-Infinity)).toBe(-1);
    expect(fastTanh(Number.NaN)).toBeNaN();
  });
});

describe("fastSigmoid", () => {
  it("stays within 1e-13 of the exact sigmoid", () => {
    let worst = 0;
    for (let x = -40; x <= 40; x += 0.00113)
      worst = Math.max(worst, Math.abs(fastSigmoid(x) - activations.sigmoid.apply(x)));
    expect(worst).toBeLessThan(1e-13);
  });
});
