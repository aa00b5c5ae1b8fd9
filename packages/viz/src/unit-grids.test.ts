import { describe, expect, it } from "vitest";
import { createTranslator } from "use-intl";
import { Network } from "@neuronlab/engine/network";
import { circle } from "@neuronlab/engine/datasets/generators";
import { initWeights, type NetworkSpec } from "@neuronlab/engine/network-spec";
import { Trainer } from "@neuronlab/engine/trainer";
import { gridInputs, planeGrid } from "./boundary-grid.ts";
import {
  computeUnitGrids,
  describeUnit,
  describeUnitMaps,
  describeUnitPattern,
  paintUnit,
  unitName,
  unitStats,
  unitTone,
} from "./unit-grids.ts";
import de from "../messages/de.json";
import en from "../messages/en.json";
import { formatNumber } from "./format.ts";
import type { FormatNumber, VizT } from "./i18n.tsx";

/** The maps' words and numbers outside React, as their component gets them. */
function words(locale: "en" | "de"): { t: VizT<"NeuronMaps">; fmt: FormatNumber } {
  const t = createTranslator({
    locale,
    messages: { viz: locale === "en" ? en : de },
    namespace: "viz.NeuronMaps",
    onError: (error) => {
      throw error;
    },
  }) as unknown as VizT<"NeuronMaps">;
  return { t, fmt: (value, decimals) => formatNumber(value, decimals, locale) };
}
const { t, fmt } = words("en");

const spec: NetworkSpec = {
  inputs: 2,
  layers: [
    { units: 6, activation: "tanh" },
    { units: 6, activation: "relu" },
    { units: 1, activation: "sigmoid" },
  ],
  loss: "binaryCrossEntropy",
};

/** A one-layer network whose units are chosen by hand: x₁, −x₁, x₂, and x₁·0 + 0.3. */
const handSpec: NetworkSpec = {
  inputs: 2,
  layers: [{ units: 4, activation: "linear" }],
  loss: "mse",
};
const handWeights = [
  // kernel[i * units + j]: row i = input, column j = unit.
  { kernel: Float64Array.of(1, -1, 0, 0, 0, 0, 1, 0), bias: Float64Array.of(0, 0, 0, 0.3) },
];

describe("computeUnitGrids", () => {
  it("matches the glass-box network's forward trace at every cell", () => {
    const weights = initWeights(spec, 5);
    weights[1]?.bias.fill(0.1);
    const grid = planeGrid(12);
    const grids = computeUnitGrids(spec, weights, grid);
    expect(grids.layers.map((l) => l.length)).toEqual([6, 6, 1]);
    const net = new Network(spec, weights);
    const xs = gridInputs(grid);
    for (const cell of [0, 17, 77, 143]) {
      const trace = net.forward([xs[2 * cell] ?? 0, xs[2 * cell + 1] ?? 0]);
      trace.layers.forEach((layer, l) => {
        layer.a.forEach((a, j) => {
          expect(grids.layers[l]?.[j]?.[cell]).toBeCloseTo(a, 12);
        });
      });
    }
  });

  it("gives exactly the decision boundary's outputs on the output layer", () => {
    const weights = initWeights(spec, 8);
    const grid = planeGrid(10);
    const trainer = new Trainer(spec, weights, circle({ n: 20, seed: 1 }), {
      optimizer: { kind: "sgd", learningRate: 0.1 },
      batchSize: 20,
      seed: 1,
    });
    const outputs = trainer.predict(gridInputs(grid), 100);
    const grids = computeUnitGrids(spec, weights, grid);
    expect(Array.from(grids.layers[2]?.[0] ?? [])).toEqual(Array.from(outputs));
    // A second pass with other weights leaves the first result untouched.
    const before = Array.from(grids.layers[0]?.[0] ?? []);
    computeUnitGrids(spec, initWeights(spec, 9), grid);
    expect(Array.from(grids.layers[0]?.[0] ?? [])).toEqual(before);
  });

  it("gives softmax outputs that sum to one at every cell", () => {
    const soft: NetworkSpec = {
      inputs: 2,
      layers: [
        { units: 5, activation: "tanh" },
        { units: 3, activation: "softmax" },
      ],
      loss: "categoricalCrossEntropy",
    };
    const grids = computeUnitGrids(soft, initWeights(soft, 2), planeGrid(8));
    const [a, b, c] = grids.layers[1] ?? [];
    for (let k = 0; k < 64; k++) {
      expect((a?.[k] ?? 0) + (b?.[k] ?? 0) + (c?.[k] ?? 0)).toBeCloseTo(1, 12);
    }
  });

  it("lays each unit's grid out like the decision boundary: row 0 at the top", () => {
    const grid = planeGrid(4, { x1: [0, 4], x2: [0, 4] });
    const [[x1, minusX1, x2, constant] = []] = computeUnitGrids(handSpec, handWeights, grid).layers;
    expect(Array.from(x1 ?? []).slice(0, 4)).toEqual([0.5, 1.5, 2.5, 3.5]);
    expect(minusX1?.[3]).toBe(-3.5);
    expect(x2?.[0]).toBe(3.5);
    expect(x2?.[15]).toBe(0.5);
    expect(constant?.every((v) => v === 0.3)).toBe(true);
  });

  it("refuses networks that do not take the plane as input, or weights of another shape", () => {
    expect(() => computeUnitGrids({ ...handSpec, inputs: 3 }, handWeights, planeGrid(4))).toThrow(
      RangeError,
    );
    expect(() => computeUnitGrids(spec, initWeights(handSpec, 1), planeGrid(4))).toThrow(
      RangeError,
    );
  });
});

describe("unitTone and paintUnit", () => {
  it("centres tanh at 0, sigmoid at 0.5 and scales unbounded units by their largest value", () => {
    expect(unitTone("tanh", 9)(-0.4)).toBe(-0.4);
    expect(unitTone("sigmoid", 9)(0.75)).toBe(0.5);
    expect(unitTone("relu", 4)(2)).toBe(0.5);
    expect(unitTone("linear", 0)(0.3)).toBe(0.3);
  });

  it("paints low values orange and high values purple", () => {
    const grid = planeGrid([2, 1]);
    const image = {
      data: new Uint8ClampedArray(8),
      width: 2,
      height: 1,
      colorSpace: "srgb",
    } as ImageData;
    paintUnit(image, Float64Array.of(-1, 1), grid, "tanh");
    const [r0, , b0, , r1, , b1] = image.data;
    expect(r0).toBeGreaterThan(b0 ?? 0);
    expect(b1).toBeGreaterThan(r1 ?? 0);
  });

  it("measures a unit's range", () => {
    expect(unitStats(Float64Array.of(-2, 0.5, 1))).toEqual({ min: -2, max: 1, maxMagnitude: 2 });
    expect(unitStats(new Float64Array(0)).maxMagnitude).toBe(0);
  });
});

describe("unit text alternatives", () => {
  const grid = planeGrid(20, { x1: [-1, 1], x2: [-1, 1] });
  const grids = computeUnitGrids(handSpec, handWeights, grid);

  it("says where each unit is high, with its range", () => {
    expect(describeUnit(t, fmt, handSpec, grids, 0, 0)).toBe(
      "Output 1 (linear): high in the right half, from −0.95 to 0.95.",
    );
    expect(describeUnit(t, fmt, handSpec, grids, 0, 1)).toContain("high in the left half");
    expect(describeUnit(t, fmt, handSpec, grids, 0, 2)).toContain("high in the top half");
    expect(describeUnit(t, fmt, handSpec, grids, 0, 3)).toBe(
      "Output 4 (linear): almost constant at 0.30.",
    );
    expect(describeUnitPattern(t, fmt, new Float64Array(0), grid)).toBe("no values");
  });

  it("says it in German", () => {
    const german = words("de");
    expect(describeUnit(german.t, german.fmt, handSpec, grids, 0, 0)).toBe(
      "Ausgabe 1 (linear): hoch in der rechten Hälfte, von −0,95 bis 0,95.",
    );
    expect(describeUnit(german.t, german.fmt, handSpec, grids, 0, 3)).toBe(
      "Ausgabe 4 (linear): fast konstant bei 0,30.",
    );
    expect(unitName(german.t, spec, 1, 0)).toBe("Schicht 2, Einheit 1");
  });

  it("names hidden units by layer and unit, and the output as the output", () => {
    expect(unitName(t, spec, 0, 2)).toBe("Layer 1, unit 3");
    expect(unitName(t, spec, 1, 0)).toBe("Layer 2, unit 1");
    expect(unitName(t, spec, 2, 0)).toBe("Output");
  });

  it("describes every map of a network in order", () => {
    const text = describeUnitMaps(t, fmt, spec, computeUnitGrids(spec, initWeights(spec, 1), grid));
    expect(text.startsWith("What each unit of a 2-6-6-1 network computes over the plane")).toBe(
      true,
    );
    expect(text.match(/Layer 1, unit \d \(tanh\)/g)).toHaveLength(6);
    expect(text.match(/Layer 2, unit \d \(ReLU\)/g)).toHaveLength(6);
    expect(text).toMatch(/Output \(sigmoid\): high in .+, from \d\.\d\d to \d\.\d\d\.$/);
  });
});
