import { describe, expect, it } from "vitest";
import { Network } from "@neuronlab/engine/network";
import type { NetworkSpec, NetworkWeights } from "@neuronlab/engine/network-spec";
import { createTranslator } from "use-intl";
import de from "../messages/de.json";
import en from "../messages/en.json";
import { formatNumber } from "./format.ts";
import type { FormatNumber } from "./i18n.tsx";
import {
  describeNetworkGraph,
  edgeDetails,
  edgesOf,
  lastStage,
  maxAbsGradient,
  moveFocus,
  nodeDetails,
  nodeValue,
  stageLabel,
  stageView,
  traceNetwork,
  type GraphModel,
  type GraphT,
} from "./network-graph-model.ts";

/** The graph's words and numbers outside React, as `useVizT` and `useFormatNumber` give them. */
function words(locale: "en" | "de"): { t: GraphT; fmt: FormatNumber } {
  const t = createTranslator({
    locale,
    messages: { en, de }[locale],
    namespace: "NetworkGraph",
    onError: (error) => {
      throw error;
    },
  }) as unknown as GraphT;
  return { t, fmt: (value, decimals) => formatNumber(value, decimals, locale) };
}
const { t, fmt } = words("en");

const spec: NetworkSpec = {
  inputs: 2,
  layers: [
    { units: 2, activation: "relu" },
    { units: 1, activation: "sigmoid" },
  ],
  loss: "binaryCrossEntropy",
};
const weights: NetworkWeights = [
  { kernel: Float64Array.from([0.5, -1, 0.25, 0.75]), bias: Float64Array.from([0.1, 0]) },
  { kernel: Float64Array.from([1.5, -2]), bias: Float64Array.from([0.2]) },
];
const input = [1, 2];
const target = [1];

function model(withTarget = true): GraphModel {
  return {
    spec,
    weights,
    trace: traceNetwork(spec, weights, input, withTarget ? target : undefined),
  };
}

describe("traceNetwork", () => {
  it("is the glass-box network's forward and backward trace", () => {
    const net = new Network(spec, weights);
    const forward = net.forward(input);
    const { trace } = model();
    expect(trace.forward).toEqual(forward);
    expect(trace.backward).toEqual(net.backward(forward, target));
    // z of hidden neuron 1: 1·0.5 + 2·0.25 + 0.1
    expect(trace.forward.layers[0]?.z[0]).toBeCloseTo(1.1);
  });

  it("stops at the forward pass without a target", () => {
    expect(model(false).trace.backward).toBeUndefined();
  });
});

describe("stages", () => {
  it("walks input → forward layer by layer → backward layer by layer", () => {
    expect(lastStage(2, true)).toBe(4);
    expect(lastStage(2, false)).toBe(2);
    expect(stageView(0, 2)).toEqual({
      pass: "input",
      forwardColumn: 0,
      gradientFrom: 3,
      activeColumn: 0,
    });
    expect(stageView(1, 2)).toMatchObject({ pass: "forward", forwardColumn: 1, gradientFrom: 3 });
    expect(stageView(3, 2)).toMatchObject({ pass: "backward", forwardColumn: 2, gradientFrom: 2 });
    expect(stageView(4, 2)).toMatchObject({ pass: "backward", gradientFrom: 1, activeColumn: 1 });
    expect(stageView(99, 2)).toEqual(stageView(4, 2));
  });

  it("names the stage for the status line", () => {
    expect(stageLabel(0, 2, t)).toMatch(/^Input/);
    expect(stageLabel(1, 2, t)).toBe("Forward pass: hidden layer 1 (1 of 2).");
    expect(stageLabel(3, 2, t)).toBe("Backward pass: gradients at the output layer (1 of 2).");
  });

  it("puts inputs, then activations, then gradients on the nodes as the stages go", () => {
    const { trace } = model();
    expect(nodeValue(trace, stageView(0, 2), 0, 1)).toEqual({ kind: "input", value: 2 });
    expect(nodeValue(trace, stageView(0, 2), 1, 0)).toEqual({ kind: "unknown" });
    const a = trace.forward.layers[0]?.a[0] ?? NaN;
    expect(nodeValue(trace, stageView(1, 2), 1, 0)).toEqual({ kind: "activation", value: a });
    const dz = trace.backward?.layers[1]?.dz[0] ?? NaN;
    expect(nodeValue(trace, stageView(3, 2), 2, 0)).toEqual({ kind: "gradient", value: dz });
    expect(nodeValue(trace, stageView(3, 2), 1, 0).kind).toBe("activation");
  });
});

describe("details", () => {
  it("gives a neuron's z, a and bias once the forward pass reaches it, and ∂L/∂z later", () => {
    const m = model();
    expect(nodeDetails(m, 0, 1, 0, t, fmt).lines[0]).toMatch(/not computed yet/);
    const forward = nodeDetails(m, 1, 1, 0, t, fmt);
    expect(forward.title).toBe("Hidden layer 1, neuron 1");
    expect(forward.lines).toContain("z = Σ a·w + b = 1.10 (bias b = 0.10)");
    expect(forward.lines).toContain("a = ReLU(z) = 1.10");
    expect(forward.lines.at(-1)).toMatch(/∂L\/∂z: not computed yet/);
    const dz = m.trace.backward?.layers[0]?.dz[0] ?? NaN;
    expect(nodeDetails(m, 4, 1, 0, t, fmt).lines).toContain(
      `gradient ∂L/∂z = ${formatNumber(dz, 3)}`,
    );
    expect(nodeDetails(m, 2, 2, 0, t, fmt).lines).toContain("target y = 1.00");
    expect(nodeDetails(m, 0, 0, 1, t, fmt).lines).toEqual(["input x₂ = 2.00"]);
  });

  it("gives a connection's weight, what it carries and its gradient", () => {
    const m = model();
    const early = edgeDetails(m, 0, 1, 1, 0, t, fmt);
    expect(early.title).toBe("Connection from input layer, neuron 2 to hidden layer 1, neuron 1");
    expect(early.lines[0]).toBe("weight w = 0.25");
    expect(edgeDetails(m, 1, 1, 1, 0, t, fmt).lines).toContain("carries a·w = 2.00 × 0.25 = 0.50");
    const dW = m.trace.backward?.layers[0]?.dW[1]?.[0] ?? NaN;
    expect(edgeDetails(m, 4, 1, 1, 0, t, fmt).lines).toContain(
      `gradient ∂L/∂w = ${formatNumber(dW, 3)}`,
    );
  });

  it("finds the largest weight gradient", () => {
    const all = model().trace.backward?.layers.flatMap((g) => g.dW.flat()) ?? [];
    expect(maxAbsGradient(model().trace)).toBe(Math.max(...all.map(Math.abs)));
  });
});

describe("describeNetworkGraph", () => {
  it("states the shape and the current numbers at each stage", () => {
    const m = model();
    const start = describeNetworkGraph(m, 0, t, fmt);
    expect(start).toContain(
      "A dense network in 3 columns: 2 inputs, hidden layer 1 with 2 neurons (ReLU), an output layer with 1 neuron (sigmoid).",
    );
    expect(start).toContain("Input values: 1.00, 2.00.");
    const a = m.trace.forward.layers[0]?.a ?? [];
    expect(describeNetworkGraph(m, 1, t, fmt)).toContain(
      `Forward pass at the hidden layer 1: activations ${a.map((v) => formatNumber(v)).join(", ")}.`,
    );
    const out = describeNetworkGraph(m, 2, t, fmt);
    expect(out).toContain(`The output is ŷ = ${formatNumber(m.trace.forward.output[0] ?? NaN)}`);
    expect(out).toContain(`a loss of ${formatNumber(m.trace.backward?.loss ?? NaN, 3)}`);
    const back = describeNetworkGraph(m, 4, t, fmt);
    expect(back).toContain("Backward pass at the hidden layer 1: gradients ∂L/∂z");
    expect(back).toContain("Its largest weight gradient is ∂L/∂w =");
  });

  it("cuts long lists short", () => {
    const wide: NetworkSpec = {
      inputs: 20,
      layers: [{ units: 1, activation: "linear" }],
      loss: "mse",
    };
    const m: GraphModel = {
      spec: wide,
      weights: [{ kernel: new Float64Array(20), bias: new Float64Array(1) }],
      trace: traceNetwork(
        wide,
        [{ kernel: new Float64Array(20), bias: new Float64Array(1) }],
        new Array<number>(20).fill(1),
      ),
    };
    expect(describeNetworkGraph(m, 0, t, fmt)).toContain("and 8 more");
  });
});

describe("in German", () => {
  it("names the stage, the neurons and connections, and lists numbers with decimal commas", () => {
    const german = words("de");
    const m = model();
    expect(stageLabel(3, 2, german.t)).toBe(
      "Rückwärtsdurchlauf: Gradienten an der Ausgabeschicht (1 von 2).",
    );
    const node = nodeDetails(m, 1, 1, 0, german.t, german.fmt);
    expect(node.title).toBe("Verborgene Schicht 1, Neuron 1");
    expect(node.lines).toContain("z = Σ a·w + b = 1,10 (Bias b = 0,10)");
    expect(edgeDetails(m, 1, 1, 1, 0, german.t, german.fmt).title).toBe(
      "Verbindung von Neuron 2 der Eingabeschicht zu Neuron 1 der verborgenen Schicht 1",
    );
    const start = describeNetworkGraph(m, 0, german.t, german.fmt);
    expect(start).toContain(
      "Eingabewerte: 1,00; 2,00. Der Vorwärtsdurchlauf hat noch nicht begonnen.",
    );
    expect(describeNetworkGraph(m, 4, german.t, german.fmt)).toContain(
      "Rückwärtsdurchlauf an der verborgenen Schicht 1: Gradienten ∂L/∂z",
    );
  });
});

describe("moveFocus", () => {
  const visible = [[0, 1], [0, 1, 2, 3, 4], [0]];

  it("starts on the first input and ignores other keys", () => {
    expect(moveFocus(null, "ArrowRight", visible)).toEqual({ kind: "node", layer: 0, index: 0 });
    expect(moveFocus(null, "a", visible)).toBeUndefined();
    expect(moveFocus({ kind: "node", layer: 0, index: 0 }, "Tab", visible)).toBeUndefined();
  });

  it("moves within a column and stops at its ends", () => {
    const top = { kind: "node", layer: 1, index: 0 } as const;
    expect(moveFocus(top, "ArrowDown", visible)).toEqual({ kind: "node", layer: 1, index: 1 });
    expect(moveFocus(top, "ArrowUp", visible)).toEqual(top);
  });

  it("moves between columns keeping the relative height", () => {
    const bottomInput = { kind: "node", layer: 0, index: 1 } as const;
    expect(moveFocus(bottomInput, "ArrowRight", visible)).toEqual({
      kind: "node",
      layer: 1,
      index: 4,
    });
    const middle = { kind: "node", layer: 1, index: 2 } as const;
    expect(moveFocus(middle, "ArrowRight", visible)).toEqual({ kind: "node", layer: 2, index: 0 });
    expect(moveFocus(middle, "End", visible)).toEqual({ kind: "node", layer: 2, index: 0 });
    expect(moveFocus(middle, "Home", visible)?.layer).toBe(0);
  });

  it("steps into a neuron's connections with Enter, cycles them, and returns with Escape", () => {
    const node = { kind: "node", layer: 1, index: 2 } as const;
    expect(edgesOf(visible, 1, 2)).toEqual([
      { layer: 1, from: 0, to: 2 },
      { layer: 1, from: 1, to: 2 },
      { layer: 2, from: 2, to: 0 },
    ]);
    const first = moveFocus(node, "Enter", visible);
    expect(first).toEqual({
      kind: "edge",
      layer: 1,
      from: 0,
      to: 2,
      anchor: { layer: 1, index: 2 },
    });
    const second = moveFocus(first ?? null, "ArrowDown", visible);
    expect(second).toMatchObject({ layer: 1, from: 1, to: 2 });
    const third = moveFocus(second ?? null, "ArrowRight", visible);
    expect(third).toMatchObject({ layer: 2, from: 2, to: 0 });
    expect(moveFocus(third ?? null, "ArrowDown", visible)).toMatchObject({ layer: 1, from: 0 });
    expect(moveFocus(first ?? null, "ArrowUp", visible)).toMatchObject({ layer: 2, from: 2 });
    expect(moveFocus(third ?? null, "Escape", visible)).toEqual(node);
  });
});
