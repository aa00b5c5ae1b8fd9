import { describe, expect, it } from "vitest";
import { neuron } from "./neuron.ts";

describe("Neuron", () => {
  it("computes z = Σ wᵢxᵢ + b and a = f(z), keeping every product", () => {
    const n = neuron({ weights: [0.5, -1, 2], bias: 0.25, activation: "relu" });
    const trace = n.call([2, 1, 0.5]);
    expect(trace.products).toEqual([1, -1, 1]);
    expect(trace.z).toBe(1.25);
    expect(trace.a).toBe(1.25);
    expect(trace.slope).toBe(1);
  });

  it("lets the bias move the threshold where the neuron fires", () => {
    const quiet = neuron({ weights: [1], bias: -3, activation: "relu" }).call([2]);
    const firing = neuron({ weights: [1], bias: -1, activation: "relu" }).call([2]);
    expect(quiet.a).toBe(0);
    expect(firing.a).toBe(1);
  });

  it("squashes through sigmoid into (0, 1)", () => {
    const t = neuron({ weights: [3, 3], bias: -3, activation: "sigmoid" }).call([1, 0]);
    expect(t.z).toBe(0);
    expect(t.a).toBe(0.5);
    expect(t.slope).toBe(0.25);
  });

  it("refuses inputs of the wrong length and non-finite parameters", () => {
    const n = neuron({ weights: [1, 2], bias: 0, activation: "linear" });
    expect(() => n.call([1])).toThrow("Expected 2 inputs, got 1.");
    expect(() => neuron({ weights: [Number.NaN], bias: 0, activation: "linear" })).toThrow(
      RangeError,
    );
    expect(() => neuron({ weights: [], bias: 0, activation: "linear" })).toThrow(RangeError);
  });

  it("round-trips through its config without sharing arrays", () => {
    const weights = [1, 2];
    const n = neuron({ weights, bias: 0.5, activation: "tanh" });
    weights[0] = 99;
    expect(n.config()).toEqual({ weights: [1, 2], bias: 0.5, activation: "tanh" });
  });
});
