import { describe, expect, it } from "vitest";
import { formatNumber } from "@neuronlab/viz/format";
import {
  classificationLosses,
  crossEntropy,
  harshest,
  meanOf,
  regressionLosses,
  squaredError,
} from "./loss-explorer-sets.ts";

describe("loss explorer sets", () => {
  it("splits the regression set's MSE into its examples' squared errors", () => {
    const set = regressionLosses([1.5, 0, 0.5]);
    expect(set.examples.map((e) => e.squaredError)).toEqual([0.25, 1, 0]);
    expect(set.mse).toBeCloseTo(1.25 / 3, 12);
  });

  it("gives cross-entropy per example by class, and its mean", () => {
    const set = classificationLosses([0.9, 0.2, 0.6, 0.3]);
    expect(set.examples[0]?.crossEntropy).toBeCloseTo(-Math.log(0.9), 12);
    expect(set.examples[1]?.crossEntropy).toBeCloseTo(-Math.log(0.8), 12);
    const mean = set.examples.reduce((s, e) => s + e.crossEntropy, 0) / 4;
    expect(set.crossEntropy).toBeCloseTo(mean, 12);
    expect(set.mse).toBeCloseTo((0.01 + 0.04 + 0.16 + 0.09) / 4, 12);
  });

  it("finds the example cross-entropy punishes hardest", () => {
    const set = classificationLosses([0.9, 0.2, 0.02, 0.3]);
    const worst = harshest(set);
    expect(worst?.index).toBe(2);
    expect(worst?.ratio).toBeCloseTo(crossEntropy(0.02, 1) / squaredError(0.02, 1), 12);
    expect(meanOf([0.25, 1])).toBe("(0.25 + 1.00) / 2");
    expect(meanOf([0.25, 1], (v, d) => formatNumber(v, d, "de"))).toBe("(0,25 + 1,00) / 2");
  });
});
