import { Network, type BackwardTrace, type ForwardTrace } from "@neuronlab/engine/network";
import type { LayerActivation, NetworkSpec, NetworkWeights } from "@neuronlab/engine/network-spec";
import { subscript } from "./format.ts";
import type { FormatNumber, VizT } from "./i18n.tsx";

/** The graph's words, from the "NetworkGraph" messages. */
export type GraphT = VizT<"NetworkGraph">;

/**
 * The numbers and words of the network graph, apart from any drawing: the glass-box trace of one
 * example, which columns a stage of the walk-through has reached, what a neuron or a connection
 * shows when inspected, the figure's text alternative and keyboard movement between neurons.
 *
 * Columns: 0 is the input, 1…L the dense layers (L the output). A walk-through has 2L + 1 stages
 * with a target (L without): stage 0 shows the input, stage k ≤ L the forward pass up to column k,
 * stage L + k the backward pass down to column L + 1 − k.
 */

export interface GraphTrace {
  readonly forward: ForwardTrace;
  /** Present when a target was given: the gradients of the backward pass. */
  readonly backward?: BackwardTrace;
  readonly target?: readonly number[];
}

/** One example through the glass-box network (nothing is trained). */
export function traceNetwork(
  spec: NetworkSpec,
  weights: NetworkWeights,
  input: readonly number[],
  target?: readonly number[],
): GraphTrace {
  const net = new Network(spec, weights);
  const forward = net.forward(input);
  if (!target) return { forward };
  return { forward, backward: net.backward(forward, target), target: [...target] };
}

export function lastStage(layerCount: number, hasBackward: boolean): number {
  return hasBackward ? 2 * layerCount : layerCount;
}

export interface StageView {
  readonly pass: "input" | "forward" | "backward";
  /** Highest column whose activations are known. */
  readonly forwardColumn: number;
  /** Lowest column whose gradients are known; L + 1 when none are. */
  readonly gradientFrom: number;
  /** The column this stage just computed. */
  readonly activeColumn: number;
}

export function stageView(stage: number, layerCount: number): StageView {
  const L = layerCount;
  const s = Math.max(0, Math.min(2 * L, Math.round(stage)));
  if (s === 0) return { pass: "input", forwardColumn: 0, gradientFrom: L + 1, activeColumn: 0 };
  if (s <= L) return { pass: "forward", forwardColumn: s, gradientFrom: L + 1, activeColumn: s };
  const from = 2 * L + 1 - s;
  return { pass: "backward", forwardColumn: L, gradientFrom: from, activeColumn: from };
}

function columnKind(column: number, layerCount: number): "input" | "output" | "hidden" {
  if (column === 0) return "input";
  if (column === layerCount) return "output";
  return "hidden";
}

/**
 * "input layer", "hidden layer 2", "output layer". `dative` gives the form that follows a
 * preposition and an article ("at the …", "from … to …"): the same in English, inflected in German.
 */
export function columnName(column: number, layerCount: number, t: GraphT, dative = false): string {
  return t(dative ? "layerDative" : "layer", {
    kind: columnKind(column, layerCount),
    index: column,
  });
}

/** Column heading above the drawing; `short` for narrow columns. */
export function columnHeading(
  column: number,
  layerCount: number,
  short: boolean,
  t: GraphT,
): string {
  return t(short ? "columnHeadingShort" : "columnHeading", {
    kind: columnKind(column, layerCount),
    index: column,
  });
}

export function activationLabel(name: LayerActivation, t: GraphT): string {
  return t("activation", { name });
}

/** What the walk-through is doing, for the status line beside the controls. */
export function stageLabel(stage: number, layerCount: number, t: GraphT): string {
  const view = stageView(stage, layerCount);
  if (view.pass === "input") return t("stageInput");
  if (view.pass === "forward") {
    return t("stageForward", {
      layer: columnName(view.activeColumn, layerCount, t),
      step: view.activeColumn,
      count: layerCount,
    });
  }
  const done = layerCount + 1 - view.gradientFrom;
  return t("stageBackward", {
    layer: columnName(view.gradientFrom, layerCount, t, true),
    step: done,
    count: layerCount,
  });
}

/** The number printed on a node at this stage, and what it is. */
export type NodeValue =
  { kind: "input" | "activation" | "gradient"; value: number } | { kind: "unknown" };

export function nodeValue(
  trace: GraphTrace,
  view: StageView,
  column: number,
  index: number,
): NodeValue {
  if (column === 0) return { kind: "input", value: trace.forward.input[index] ?? Number.NaN };
  if (column >= view.gradientFrom) {
    const dz = trace.backward?.layers[column - 1]?.dz[index];
    if (dz !== undefined) return { kind: "gradient", value: dz };
  }
  if (column <= view.forwardColumn) {
    const a = trace.forward.layers[column - 1]?.a[index];
    if (a !== undefined) return { kind: "activation", value: a };
  }
  return { kind: "unknown" };
}

/** Wᵢⱼ of the connection from neuron `from` of column `layer − 1` to neuron `to` of column `layer`. */
export function edgeWeight(
  spec: NetworkSpec,
  weights: NetworkWeights,
  layer: number,
  from: number,
  to: number,
): number {
  const units = spec.layers[layer - 1]?.units ?? 0;
  return weights[layer - 1]?.kernel[from * units + to] ?? Number.NaN;
}

export function edgeGradient(
  trace: GraphTrace,
  layer: number,
  from: number,
  to: number,
): number | undefined {
  return trace.backward?.layers[layer - 1]?.dW[from]?.[to];
}

/** Largest |w| over the network, for scaling edge emphasis. */
export function maxAbsWeight(weights: NetworkWeights): number {
  let max = 0;
  for (const w of weights) for (const v of w.kernel) max = Math.max(max, Math.abs(v));
  return max;
}

/** Largest |∂L/∂w| over the network, so vanishing gradients in early layers show as faint edges. */
export function maxAbsGradient(trace: GraphTrace): number {
  let max = 0;
  for (const g of trace.backward?.layers ?? []) {
    for (const row of g.dW) for (const v of row) max = Math.max(max, Math.abs(v));
  }
  return max;
}

/** A neuron's name in formulas: x₃ for inputs, ŷ₂ for outputs, h₂ for hidden ones. */
export function neuronSymbol(column: number, index: number, layerCount: number): string {
  if (column === 0) return subscript("x", index + 1);
  if (column === layerCount) return subscript("ŷ", index + 1);
  return subscript("h", index + 1);
}

export interface Details {
  readonly title: string;
  readonly lines: readonly string[];
}

export type GraphFocus =
  | { readonly kind: "node"; readonly layer: number; readonly index: number }
  | {
      readonly kind: "edge";
      readonly layer: number;
      readonly from: number;
      readonly to: number;
      /** The neuron whose connections the keyboard is stepping through. */
      readonly anchor: { readonly layer: number; readonly index: number };
    };

export interface GraphModel {
  readonly spec: NetworkSpec;
  readonly weights: NetworkWeights;
  readonly trace: GraphTrace;
}

export function nodeDetails(
  model: GraphModel,
  stage: number,
  column: number,
  index: number,
  t: GraphT,
  fmt: FormatNumber,
): Details {
  const { spec, trace } = model;
  const L = spec.layers.length;
  const view = stageView(stage, L);
  const title = capitalise(t("nodeTitle", { layer: columnName(column, L, t), index: index + 1 }));
  if (column === 0) {
    return {
      title,
      lines: [
        t("nodeInput", {
          symbol: neuronSymbol(0, index, L),
          value: fmt(trace.forward.input[index] ?? Number.NaN),
        }),
      ],
    };
  }
  const layer = spec.layers[column - 1];
  const lines: string[] = [];
  if (column <= view.forwardColumn) {
    const z = trace.forward.layers[column - 1]?.z[index] ?? Number.NaN;
    const a = trace.forward.layers[column - 1]?.a[index] ?? Number.NaN;
    const bias = model.weights[column - 1]?.bias[index] ?? Number.NaN;
    lines.push(t("nodeSum", { z: fmt(z), bias: fmt(bias) }));
    lines.push(
      t("nodeActivation", {
        activation: activationLabel(layer?.activation ?? "linear", t),
        a: fmt(a),
      }),
    );
    if (column === L && trace.target) {
      lines.push(t("nodeTarget", { value: fmt(trace.target[index] ?? Number.NaN) }));
    }
  } else {
    lines.push(t("nodeNotReached"));
  }
  const dz = trace.backward?.layers[column - 1]?.dz[index];
  if (column >= view.gradientFrom && dz !== undefined) {
    lines.push(t("nodeGradient", { value: fmt(dz, 3) }));
  } else if (trace.backward) {
    lines.push(t("nodeGradientLater"));
  }
  return { title, lines };
}

export function edgeDetails(
  model: GraphModel,
  stage: number,
  layer: number,
  from: number,
  to: number,
  t: GraphT,
  fmt: FormatNumber,
): Details {
  const { spec, weights, trace } = model;
  const L = spec.layers.length;
  const view = stageView(stage, L);
  const w = edgeWeight(spec, weights, layer, from, to);
  const title = t("edgeTitle", {
    fromLayer: columnName(layer - 1, L, t, true),
    from: from + 1,
    toLayer: columnName(layer, L, t, true),
    to: to + 1,
  });
  const lines = [t("edgeWeight", { value: fmt(w) })];
  if (layer <= view.forwardColumn) {
    const source =
      layer === 1 ? trace.forward.input[from] : trace.forward.layers[layer - 2]?.a[from];
    const a = source ?? Number.NaN;
    lines.push(t("edgeCarries", { a: fmt(a), w: fmt(w), product: fmt(a * w) }));
  }
  const dW = edgeGradient(trace, layer, from, to);
  if (layer >= view.gradientFrom && dW !== undefined) {
    lines.push(t("edgeGradient", { value: fmt(dW, 3) }));
  } else if (trace.backward) {
    lines.push(t("edgeGradientLater"));
  }
  return { title, lines };
}

export function focusDetails(
  model: GraphModel,
  stage: number,
  focus: GraphFocus,
  t: GraphT,
  fmt: FormatNumber,
): Details {
  return focus.kind === "node"
    ? nodeDetails(model, stage, focus.layer, focus.index, t, fmt)
    : edgeDetails(model, stage, focus.layer, focus.from, focus.to, t, fmt);
}

/**
 * A list of numbers for the text alternative, cut short after `max` of them. The separator is the
 * language's: "; " in German, where the comma is the decimal mark.
 */
function listValues(
  values: readonly number[],
  t: GraphT,
  fmt: FormatNumber,
  max = 12,
  decimals = 2,
): string {
  const shown = values
    .slice(0, max)
    .map((v) => fmt(v, decimals))
    .join(t("listSeparator"));
  const rest = values.length - Math.min(values.length, max);
  return rest > 0 ? t("listMore", { values: shown, count: rest }) : shown;
}

/** The figure's text alternative: the network's shape and the numbers of the current stage. */
export function describeNetworkGraph(
  model: GraphModel,
  stage: number,
  t: GraphT,
  fmt: FormatNumber,
): string {
  const { spec, trace } = model;
  const L = spec.layers.length;
  const view = stageView(stage, L);
  const hidden = spec.layers.slice(0, -1).map((layer, i) =>
    t("describeHidden", {
      index: i + 1,
      units: layer.units,
      activation: activationLabel(layer.activation, t),
    }),
  );
  const out = spec.layers[L - 1];
  const layers = [
    ...hidden,
    t("describeOutputLayer", {
      units: out?.units ?? 0,
      activation: activationLabel(out?.activation ?? "linear", t),
    }),
  ].join(", ");
  const parts = [t("describeShape", { columns: L + 1, inputs: spec.inputs, layers })];
  const outputs = listValues(trace.forward.output, t, fmt);
  const outcome =
    trace.backward && trace.target
      ? t("describeOutputWithLoss", {
          values: outputs,
          target: listValues(trace.target, t, fmt),
          loss: fmt(trace.backward.loss, 3),
        })
      : t("describeOutput", { values: outputs });
  if (view.pass === "input") {
    parts.push(t("describeInput", { values: listValues(trace.forward.input, t, fmt) }));
  } else if (view.pass === "forward") {
    const a = trace.forward.layers[view.activeColumn - 1]?.a ?? [];
    parts.push(
      t("describeForward", {
        layer: columnName(view.activeColumn, L, t, true),
        values: listValues(a, t, fmt),
      }),
    );
    if (view.activeColumn === L) parts.push(outcome);
  } else {
    const g = trace.backward?.layers[view.gradientFrom - 1];
    parts.push(outcome);
    parts.push(
      t("describeBackward", {
        layer: columnName(view.gradientFrom, L, t, true),
        values: listValues(g?.dz ?? [], t, fmt, 12, 3),
      }),
    );
    const strongest = strongestGradient(trace, view.gradientFrom);
    if (strongest) {
      parts.push(
        t("describeStrongest", {
          value: fmt(strongest.value, 3),
          layer: columnName(view.gradientFrom - 1, L, t, true),
          from: strongest.from + 1,
          to: strongest.to + 1,
        }),
      );
    }
  }
  return parts.join(" ");
}

function strongestGradient(
  trace: GraphTrace,
  layer: number,
): { from: number; to: number; value: number } | null {
  const dW = trace.backward?.layers[layer - 1]?.dW;
  let best: { from: number; to: number; value: number } | null = null;
  dW?.forEach((row, i) => {
    row.forEach((v, j) => {
      if (!best || Math.abs(v) > Math.abs(best.value)) best = { from: i, to: j, value: v };
    });
  });
  return best;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The connections the keyboard steps through from a neuron: those coming in, then those going out. */
export function edgesOf(
  visible: readonly (readonly number[])[],
  layer: number,
  index: number,
): { layer: number; from: number; to: number }[] {
  const incoming =
    layer > 0 ? (visible[layer - 1] ?? []).map((from) => ({ layer, from, to: index })) : [];
  const outgoing = (visible[layer + 1] ?? []).map((to) => ({ layer: layer + 1, from: index, to }));
  return [...incoming, ...outgoing];
}

/**
 * Keyboard movement in the graph. Neurons: ↑/↓ within a column, ←/→ between columns (keeping the
 * relative height), Home/End to the first/last column. Enter steps into the focused neuron's
 * connections, where the arrows cycle through them and Escape or Enter returns to the neuron.
 * Returns undefined for keys the graph leaves alone.
 */
export function moveFocus(
  focus: GraphFocus | null,
  key: string,
  visible: readonly (readonly number[])[],
): GraphFocus | undefined {
  const columns = visible.length;
  if (columns === 0) return undefined;
  if (!focus) {
    const keys = ["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Home", "End", "Enter"];
    if (!keys.includes(key)) return undefined;
    const first = visible[0]?.[0];
    return first === undefined ? undefined : { kind: "node", layer: 0, index: first };
  }
  if (focus.kind === "edge") {
    const list = edgesOf(visible, focus.anchor.layer, focus.anchor.index);
    const at = list.findIndex(
      (e) => e.layer === focus.layer && e.from === focus.from && e.to === focus.to,
    );
    const pick = (k: number): GraphFocus | undefined => {
      const e = list[(k + list.length) % list.length];
      return e ? { kind: "edge", ...e, anchor: focus.anchor } : undefined;
    };
    switch (key) {
      case "ArrowDown":
      case "ArrowRight":
        return pick(at + 1);
      case "ArrowUp":
      case "ArrowLeft":
        return pick(at - 1);
      case "Home":
        return pick(0);
      case "End":
        return pick(list.length - 1);
      case "Escape":
      case "Enter":
      case "Backspace":
        return { kind: "node", layer: focus.anchor.layer, index: focus.anchor.index };
      default:
        return undefined;
    }
  }
  const column = visible[focus.layer] ?? [];
  const position = Math.max(0, column.indexOf(focus.index));
  const toColumn = (target: number): GraphFocus | undefined => {
    const c = Math.max(0, Math.min(columns - 1, target));
    const next = visible[c] ?? [];
    if (next.length === 0) return undefined;
    const ratio = column.length > 1 ? position / (column.length - 1) : 0.5;
    const k = Math.round(ratio * (next.length - 1));
    const index = next[k];
    return index === undefined ? undefined : { kind: "node", layer: c, index };
  };
  switch (key) {
    case "ArrowUp":
    case "ArrowDown": {
      const k = position + (key === "ArrowUp" ? -1 : 1);
      const index = column[Math.max(0, Math.min(column.length - 1, k))];
      return index === undefined ? undefined : { kind: "node", layer: focus.layer, index };
    }
    case "ArrowLeft":
      return toColumn(focus.layer - 1);
    case "ArrowRight":
      return toColumn(focus.layer + 1);
    case "Home":
      return toColumn(0);
    case "End":
      return toColumn(columns - 1);
    case "Enter": {
      const first = edgesOf(visible, focus.layer, focus.index)[0];
      return first
        ? { kind: "edge", ...first, anchor: { layer: focus.layer, index: focus.index } }
        : undefined;
    }
    default:
      return undefined;
  }
}
