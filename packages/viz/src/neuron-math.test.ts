import { createTranslator } from "use-intl";
import { describe, expect, it } from "vitest";
import { activations } from "@neuronlab/engine/activations";
import de from "../messages/de.json";
import en from "../messages/en.json";
import { formatNumber } from "./format.ts";
import type { FormatNumber, VizNamespace, VizT } from "./i18n.tsx";
import {
  ACTIVATION_NAMES,
  activationAt,
  activationLabels,
  activationLabelsFrom,
  boundedRange,
  describeActivationPlot,
  evaluateNeuron,
  neuronFormula,
  withInputCount,
  type NeuronValue,
} from "./neuron-math.ts";

function translator<N extends VizNamespace>(namespace: N, locale: "en" | "de" = "en"): VizT<N> {
  return createTranslator({
    locale,
    messages: { viz: locale === "en" ? en : de },
    namespace: `viz.${namespace}`,
  }) as unknown as VizT<N>;
}

const english = {
  t: translator("ActivationPlot"),
  fmt: formatNumber,
  labels: activationLabelsFrom(translator("activations")),
};
const german = {
  t: translator("ActivationPlot", "de"),
  fmt: ((v, d) => formatNumber(v, d, "de")) satisfies FormatNumber,
  labels: activationLabelsFrom(translator("activations", "de")),
};

const value: NeuronValue = {
  inputs: [1, 2, 0.5],
  weights: [0.8, -0.5, 0.3],
  bias: 0.1,
  activation: "relu",
};

describe("activation names", () => {
  it("lists and labels every activation the engine has", () => {
    expect([...ACTIVATION_NAMES].sort()).toEqual(Object.keys(activations).sort());
    expect(activationLabels.leakyRelu).toBe("leaky ReLU");
    // The catalogue's English names are the same as the constant's.
    expect(english.labels).toEqual(activationLabels);
    expect(german.labels.leakyRelu).toBe("Leaky ReLU");
  });
});

describe("evaluateNeuron", () => {
  it("is the engine's forward pass", () => {
    const trace = evaluateNeuron(value);
    expect(trace.z).toBeCloseTo(0.8 - 1 + 0.15 + 0.1, 12);
    expect(trace.a).toBeCloseTo(0.05, 12);
    expect(evaluateNeuron({ ...value, activation: "sigmoid" }).a).toBeCloseTo(
      1 / (1 + Math.exp(-0.05)),
      12,
    );
  });

  it("pairs inputs and weights up to the shorter list and copes with none", () => {
    expect(evaluateNeuron({ ...value, weights: [0.8] }).z).toBeCloseTo(0.9, 12);
    const empty = evaluateNeuron({ ...value, inputs: [], weights: [] });
    expect(empty.z).toBe(0.1);
    expect(empty.a).toBeNaN();
  });
});

describe("neuronFormula", () => {
  it("writes both equations with the live numbers, negatives bracketed", () => {
    const f = neuronFormula(value, evaluateNeuron(value), formatNumber, activationLabels);
    expect(f.zSymbols).toBe("z = w₁·x₁ + w₂·x₂ + w₃·x₃ + b");
    expect(f.zNumbers).toBe("0.80·1.00 + (−0.50)·2.00 + 0.30·0.50 + 0.10");
    expect(f.z).toBe("0.05");
    expect(f.aSymbols).toBe("a = f(z) = ReLU(0.05)");
    expect(f.a).toBe("0.05");
  });

  it("shows a negative z clipped by ReLU and squashed by tanh", () => {
    const negative = { ...value, bias: -1 };
    expect(
      neuronFormula(negative, evaluateNeuron(negative), formatNumber, activationLabels).a,
    ).toBe("0.00");
    const tanh = { ...negative, activation: "tanh" as const };
    const f = neuronFormula(tanh, evaluateNeuron(tanh), formatNumber, activationLabels);
    expect(f.aSymbols).toBe("a = f(z) = tanh(−1.05)");
    expect(f.a).toBe(`−${Math.abs(Math.tanh(-1.05)).toFixed(2)}`);
  });

  it("writes German numbers with a decimal comma", () => {
    const f = neuronFormula(value, evaluateNeuron(value), german.fmt, german.labels);
    expect(f.zNumbers).toBe("0,80·1,00 + (−0,50)·2,00 + 0,30·0,50 + 0,10");
    expect(f.aSymbols).toBe("a = f(z) = ReLU(0,05)");
  });
});

describe("withInputCount", () => {
  it("keeps existing inputs, adds new ones and drops extra ones", () => {
    expect(withInputCount(value, 4)).toEqual({
      ...value,
      inputs: [1, 2, 0.5, 1],
      weights: [0.8, -0.5, 0.3, 0.5],
    });
    expect(withInputCount(value, 1)).toEqual({ ...value, inputs: [1], weights: [0.8] });
    expect(withInputCount(value, 0).inputs).toHaveLength(1);
  });
});

describe("activation readouts", () => {
  it("takes f(z) and f′(z) from the engine", () => {
    expect(activationAt("relu", -1)).toEqual({ value: 0, slope: 0 });
    expect(activationAt("leakyRelu", -2)).toEqual({ value: -0.02, slope: 0.01 });
    const s = 1 / (1 + Math.exp(-1));
    expect(activationAt("sigmoid", 1).value).toBeCloseTo(s, 12);
    expect(activationAt("sigmoid", 1).slope).toBeCloseTo(s * (1 - s), 12);
  });

  it("names only the bounded ranges", () => {
    expect(boundedRange("sigmoid")).toBe("(0, 1)");
    expect(boundedRange("tanh")).toBe("(−1, 1)");
    expect(boundedRange("relu")).toBeUndefined();
  });

  it("describes every curve's value and slope at the marker, and the ranges", () => {
    expect(describeActivationPlot(["relu", "sigmoid", "tanh"], 1, [-4, 4], english)).toBe(
      "Plot of ReLU, sigmoid and tanh for z from −4 to 4. " +
        "At z = 1.00: ReLU(z) = 1.00 with slope f′(z) = 1.00; " +
        "sigmoid(z) = 0.73 with slope f′(z) = 0.20; tanh(z) = 0.76 with slope f′(z) = 0.42. " +
        "Sigmoid stays within (0, 1) and tanh stays within (−1, 1).",
    );
    expect(describeActivationPlot(["linear"], -0.5, [-4, 4], english)).toBe(
      "Plot of linear for z from −4 to 4. At z = −0.50: linear(z) = −0.50 with slope f′(z) = 1.00.",
    );
    expect(describeActivationPlot([], 0, [-4, 4], english)).toBe(
      "No activation functions are shown.",
    );
  });

  it("describes the plot in German", () => {
    expect(describeActivationPlot(["relu", "sigmoid"], 1, [-4, 4], german)).toBe(
      "Diagramm von ReLU und Sigmoid für z von −4 bis 4. " +
        "Bei z = 1,00: ReLU(z) = 1,00 mit der Steigung f′(z) = 1,00; " +
        "Sigmoid(z) = 0,73 mit der Steigung f′(z) = 0,20. " +
        "Sigmoid bleibt im Bereich (0, 1).",
    );
  });
});
