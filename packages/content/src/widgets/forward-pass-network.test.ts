import { describe, expect, it } from "vitest";
import { network } from "@neuronlab/engine/network";
import { initWeights } from "@neuronlab/engine/network-spec";
import { formatNumber } from "@neuronlab/viz/format";
import { layerMark, onGrid, term, vector } from "./forward-pass-format.ts";
import {
  givenWeights,
  networkSizes,
  networkSpec,
  seededWeights,
  startingInputs,
  weightMatrix,
} from "./forward-pass-network.ts";

describe("forward-pass network", () => {
  it("reads the lesson's sizes, in range, with a sigmoid output", () => {
    expect(networkSizes(undefined)).toEqual([2, 3, 2, 1]);
    expect(networkSizes([3])).toEqual([2, 3, 2, 1]);
    expect(networkSizes([9, 0, 2.4, 7, 1, 1])).toEqual([4, 1, 2, 5, 1]);
    const spec = networkSpec([2, 3, 1], "tanh");
    expect(spec.layers.map((l) => l.activation)).toEqual(["tanh", "sigmoid"]);
    expect(spec.inputs).toBe(2);
  });

  it("rounds the engine's seeded weights to tenths and seeds the biases", () => {
    const spec = networkSpec([2, 3, 2, 1], "relu");
    const weights = seededWeights(spec, 3);
    const engine = initWeights(spec, 3);
    weights.forEach((layer, l) => {
      layer.kernel.forEach((w, k) => {
        expect(Math.abs(w - (engine[l]?.kernel[k] ?? 0))).toBeLessThanOrEqual(0.1 + 1e-12);
        expect(Math.round(w * 10)).toBeCloseTo(w * 10, 9);
        expect(w).not.toBe(0);
      });
      layer.bias.forEach((b) => {
        expect(Math.abs(b)).toBeLessThanOrEqual(0.5);
      });
    });
    expect(seededWeights(spec, 3)).toEqual(weights);
    expect(seededWeights(spec, 4)).not.toEqual(weights);
  });

  it("lays the lesson's W (a row per neuron) out as the engine's kernel", () => {
    const spec = networkSpec([2, 3, 1], "relu");
    const given = [
      {
        W: [
          [1, 2],
          [3, 4],
          [5, 6],
        ],
        b: [0.1, 0.2, 0.3],
      },
      { W: [[1, -1, 0.5]], b: [0] },
    ];
    const weights = givenWeights(spec, given);
    expect(weights).toBeDefined();
    const net = network(spec, weights ?? []);
    expect(weightMatrix(net, 0)).toEqual(given[0]?.W);
    expect(weightMatrix(net, 1)).toEqual(given[1]?.W);
    // z₂ = 3·1 + 4·(−1) + 0.2
    expect(net.forward([1, -1]).layers[0]?.z[1]).toBeCloseTo(-0.8, 12);
    expect(givenWeights(spec, [given[0]])).toBeUndefined();
    expect(givenWeights(spec, [{ W: [[1, 2]], b: [0] }, given[1]])).toBeUndefined();
    expect(givenWeights(spec, [{ ...given[0], b: [0, "x", 0] }, given[1]])).toBeUndefined();
    expect(givenWeights(spec, "nonsense")).toBeUndefined();
  });

  it("pads, clamps and snaps the inputs", () => {
    const range = { min: -2, max: 2, step: 0.1 };
    expect(startingInputs(undefined, 3, range)).toEqual([1, -0.5, 0.5]);
    expect(startingInputs([5, Number.NaN, 0.123], 3, range)).toEqual([2, -0.5, 0.1]);
  });

  it("formats the formulas' numbers", () => {
    expect(term(-0.5)).toBe("(−0.50)");
    expect(term(0.25, 1)).toBe("0.3");
    expect(vector([1, -0.5])).toBe("(1.00, −0.50)");
    const german = (v: number, d?: number) => formatNumber(v, d, "de");
    expect(vector([1, -0.5], 2, german)).toBe("(1,00; −0,50)");
    expect(term(-0.5, 2, german)).toBe("(−0,50)");
    expect(layerMark(12)).toBe("⁽¹²⁾");
    expect(onGrid(-0.04, 1, -5, 5, 0.1)).toBe(0);
    expect(Object.is(onGrid(-0.04, 1, -5, 5, 0.1), -0)).toBe(false);
    expect(onGrid(undefined, 1, -5, 5, 0.1)).toBe(1);
  });
});
