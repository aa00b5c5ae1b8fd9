import { createTranslator } from "use-intl";
import { describe, expect, it } from "vitest";
import { Network } from "@neuronlab/engine/network";
import type { NetworkSpec, NetworkWeights } from "@neuronlab/engine/network-spec";
import de from "../messages/de.json";
import en from "../messages/en.json";
import { formatNumber } from "./format.ts";
import type { VizNamespace, VizT } from "./i18n.tsx";
import {
  chordDeviation,
  composeLinear,
  describeBentPart,
  describeCollapse,
  lineEquation,
  lineOf,
  seededStackWeights,
  stackCurve,
  stackShape,
  stackSpec,
} from "./linear-collapse-math.ts";
import { activationLabelsFrom } from "./neuron-math.ts";

function translator<N extends VizNamespace>(namespace: N, locale: "en" | "de"): VizT<N> {
  return createTranslator({
    locale,
    messages: { viz: locale === "en" ? en : de },
    namespace: `viz.${namespace}`,
  }) as unknown as VizT<N>;
}

const english = {
  t: translator("LinearCollapse", "en"),
  fmt: formatNumber,
  labels: activationLabelsFrom(translator("activations", "en")),
};
const german = {
  t: translator("LinearCollapse", "de"),
  fmt: (v: number, d?: number) => formatNumber(v, d, "de"),
  labels: activationLabelsFrom(translator("activations", "de")),
};

const hidden = [4, 4];

describe("stackSpec and seededStackWeights", () => {
  it("builds 1 → hidden → 1 with the activation between layers and a linear output", () => {
    const spec = stackSpec(hidden, "tanh");
    expect(spec.layers.map((l) => [l.units, l.activation])).toEqual([
      [4, "tanh"],
      [4, "tanh"],
      [1, "linear"],
    ]);
    expect(stackShape(hidden)).toBe("1 → 4 → 4 → 1");
  });

  it("gives the same weights for the same seed and different ones for another", () => {
    const a = seededStackWeights(hidden, 3);
    const b = seededStackWeights(hidden, 3);
    const c = seededStackWeights(hidden, 4);
    expect(a.map((l) => [...l.kernel])).toEqual(b.map((l) => [...l.kernel]));
    expect(a.map((l) => [...l.bias])).toEqual(b.map((l) => [...l.bias]));
    expect([...(a[0]?.kernel ?? [])]).not.toEqual([...(c[0]?.kernel ?? [])]);
    expect(a.map((l) => l.kernel.length)).toEqual([4, 16, 4]);
    expect(a.every((l) => l.bias.some((v) => v !== 0))).toBe(true);
  });
});

describe("composeLinear", () => {
  it("multiplies hand-made matrices into one map", () => {
    // x → [2x + 1, −x] → 3·h₁ + 1·h₂ + 0.5 = 6x + 3 − x + 0.5 = 5x + 3.5
    const spec: NetworkSpec = {
      inputs: 1,
      layers: [
        { units: 2, activation: "linear" },
        { units: 1, activation: "linear" },
      ],
      loss: "mse",
    };
    const weights: NetworkWeights = [
      { kernel: Float64Array.of(2, -1), bias: Float64Array.of(1, 0) },
      { kernel: Float64Array.of(3, 1), bias: Float64Array.of(0.5) },
    ];
    expect(lineOf(composeLinear(spec, weights))).toEqual({ slope: 5, intercept: 3.5 });
  });

  it("agrees with the engine's forward pass of the stack without activations, at every x", () => {
    const spec = stackSpec(hidden, "linear");
    const weights = seededStackWeights(hidden, 11);
    const { slope, intercept } = lineOf(composeLinear(spec, weights));
    const network = new Network(spec, weights);
    for (const x of [-3, -1.2, 0, 0.7, 2.5]) {
      expect(network.forward([x]).output[0]).toBeCloseTo(slope * x + intercept, 12);
    }
  });

  it("handles several inputs and outputs", () => {
    const spec: NetworkSpec = {
      inputs: 2,
      layers: [
        { units: 3, activation: "linear" },
        { units: 2, activation: "linear" },
      ],
      loss: "mse",
    };
    const twoIn: NetworkWeights = [
      { kernel: Float64Array.of(1, 2, 3, 4, 5, 6), bias: Float64Array.of(0.1, 0.2, 0.3) },
      { kernel: Float64Array.of(1, 0, 0, 1, 1, 1), bias: Float64Array.of(-1, 1) },
    ];
    const map = composeLinear(spec, twoIn);
    const network = new Network(spec, twoIn);
    const x = [0.5, -2];
    const expected = network.forward(x).output;
    const got = [0, 1].map(
      (j) =>
        (x[0] ?? 0) * (map.kernel[j] ?? 0) +
        (x[1] ?? 0) * (map.kernel[2 + j] ?? 0) +
        (map.bias[j] ?? 0),
    );
    expect(got[0]).toBeCloseTo(expected[0] ?? Number.NaN, 12);
    expect(got[1]).toBeCloseTo(expected[1] ?? Number.NaN, 12);
    expect(() => lineOf(map)).toThrow(RangeError);
  });

  it("refuses weights of the wrong shape", () => {
    expect(() => composeLinear(stackSpec([4, 4], "linear"), seededStackWeights([4, 3], 1))).toThrow(
      RangeError,
    );
  });
});

describe("curves", () => {
  it("is straight without activations and bends with them", () => {
    const weights = seededStackWeights(hidden, 1);
    const straight = stackCurve(stackSpec(hidden, "linear"), weights, [-3, 3], 61);
    expect(straight).toHaveLength(61);
    expect(chordDeviation(straight)).toBeLessThan(1e-9);
    for (const act of ["relu", "tanh", "sigmoid"] as const) {
      expect(
        chordDeviation(stackCurve(stackSpec(hidden, act), weights, [-3, 3], 61)),
      ).toBeGreaterThan(0.01);
    }
  });

  it("measures the bend from the chord", () => {
    expect(
      chordDeviation([
        { x: -1, y: 1 },
        { x: 0, y: 0 },
        { x: 1, y: 1 },
      ]),
    ).toBe(1);
    expect(chordDeviation([])).toBe(0);
  });
});

describe("text", () => {
  const summary = {
    hidden,
    activation: "relu" as const,
    slope: 0.534,
    intercept: -0.126,
    bend: 0.412,
    domain: [-3, 3] as const,
  };

  it("writes the line with a real minus sign", () => {
    const nbsp = (text: string) => text.replaceAll(" ", "\u00a0");
    expect(lineEquation(0.534, -0.126)).toBe(nbsp("y = 0.53·x − 0.13"));
    expect(lineEquation(-2, 0.5)).toBe(nbsp("y = −2.00·x + 0.50"));
  });

  it("states the collapsed line and the bend, with values", () => {
    expect(describeCollapse(summary, english).replaceAll("\u00a0", " ")).toBe(
      "Output y plotted against input x from −3 to 3 for the same 1 → 4 → 4 → 1 network, with and without activations. " +
        "Without activations the 1 → 4 → 4 → 1 stack multiplies out to one linear map, y = 0.53·x − 0.13 " +
        "(slope 0.53, intercept −0.13): a straight line, whatever the weights. " +
        "With ReLU between the layers, the same weights give a curve that bends: it strays up to 0.41 " +
        "from the straight line through its ends.",
    );
    expect(describeBentPart({ ...summary, bend: 0.001 }, english)).toContain(
      "reseed to see it bend",
    );
  });

  it("says it in German, with decimal commas", () => {
    expect(lineEquation(0.534, -0.126, german.fmt)).toBe("y\u00a0=\u00a00,53·x\u00a0−\u00a00,13");
    const text = describeCollapse(summary, german).replaceAll("\u00a0", " ");
    expect(text).toContain("Ausgabe y über der Eingabe x von −3 bis 3");
    expect(text).toContain("y = 0,53·x − 0,13 (Steigung 0,53, y-Achsenabschnitt −0,13)");
    expect(text).toContain("Mit ReLU zwischen den Schichten");
  });
});
