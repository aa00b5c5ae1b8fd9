import { describe, expect, it } from "vitest";
import { activations, LEAKY_RELU_ALPHA, type ActivationName } from "./activations.ts";

const names = Object.keys(activations) as ActivationName[];

function centralDifference(f: (z: number) => number, z: number, h = 1e-6): number {
  return (f(z + h) - f(z - h)) / (2 * h);
}

describe("activations", () => {
  it("give the textbook values", () => {
    expect(activations.relu.apply(-2)).toBe(0);
    expect(activations.relu.apply(3.5)).toBe(3.5);
    expect(activations.leakyRelu.apply(-2)).toBeCloseTo(-2 * LEAKY_RELU_ALPHA, 15);
    expect(activations.sigmoid.apply(0)).toBe(0.5);
    expect(activations.sigmoid.apply(2)).toBeCloseTo(0.8807970779778823, 15);
    expect(activations.tanh.apply(1)).toBeCloseTo(0.7615941559557649, 15);
    expect(activations.linear.apply(-7.25)).toBe(-7.25);
  });

  it("stay finite and inside their range for extreme inputs", () => {
    for (const z of [-1000, -50, 50, 1000]) {
      const s = activations.sigmoid.apply(z);
      const t = activations.tanh.apply(z);
      expect(Number.isFinite(s)).toBe(true);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
      expect(Math.abs(t)).toBeLessThanOrEqual(1);
    }
  });

  it.each(names)("%s: derivative matches a central finite difference", (name) => {
    const f = activations[name];
    // Avoid the kink of relu / leaky relu at exactly 0, where no derivative exists.
    for (const z of [-3.1, -0.7, -0.05, 0.05, 0.4, 1.9, 4.2]) {
      expect(f.derivative(z)).toBeCloseTo(centralDifference(f.apply, z), 6);
    }
  });
});
