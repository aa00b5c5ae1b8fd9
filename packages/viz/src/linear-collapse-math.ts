import type { ActivationName } from "@neuronlab/engine/activations";
import { Network } from "@neuronlab/engine/network";
import {
  initWeights,
  layerInputSizes,
  type NetworkSpec,
  type NetworkWeights,
} from "@neuronlab/engine/network-spec";
import { createRng } from "@neuronlab/engine/rng";
import { formatNumber } from "./format.ts";
import type { FormatNumber, VizT } from "./i18n.tsx";
import type { ActivationLabels } from "./neuron-math.ts";

/**
 * Why a network needs activations: stacked linear layers multiply out to one linear layer. This
 * module builds the small 1 → … → 1 stack of the figure, multiplies its weight matrices into the
 * single equivalent map, and measures how far the activated version bends away from a line.
 */

/** The stack with `activation` between its layers and a linear output, as an engine spec. */
export function stackSpec(hidden: readonly number[], activation: ActivationName): NetworkSpec {
  return {
    inputs: 1,
    layers: [...hidden.map((units) => ({ units, activation })), { units: 1, activation: "linear" }],
    loss: "mse",
  };
}

/**
 * Seeded weights for the stack. Kernels come from the engine's `initWeights` with one initializer
 * whatever the activation, so switching the activation keeps the very same numbers. The engine
 * starts biases at 0, which would put every ReLU kink at x = 0; small seeded biases spread the
 * bends across the plot.
 */
export function seededStackWeights(hidden: readonly number[], seed: number): NetworkWeights {
  const weights = initWeights(stackSpec(hidden, "linear"), seed, "glorotUniform");
  const rng = createRng(seed * 7919 + 1);
  for (const layer of weights) {
    for (let j = 0; j < layer.bias.length; j++) layer.bias[j] = rng.uniform(-1, 1);
  }
  return weights;
}

export interface AffineMap {
  /** Row-major [inputs × outputs]: kernel[i * outputs + j] multiplies input i into output j. */
  kernel: Float64Array;
  bias: Float64Array;
  inputs: number;
  outputs: number;
}

/**
 * The single affine map y = x·W + c that the layers make with no activation between them:
 * W = W₁W₂…W_L and c = (…(b₁W₂ + b₂)W₃ + …) + b_L.
 */
export function composeLinear(spec: NetworkSpec, weights: NetworkWeights): AffineMap {
  const sizes = layerInputSizes(spec);
  const rows = spec.inputs;
  let cols = spec.inputs;
  // Start from the identity: the map that does nothing.
  let kernel = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) kernel[i * cols + i] = 1;
  let bias = new Float64Array(cols);
  spec.layers.forEach((layer, l) => {
    const w = weights[l];
    const inner = sizes[l] ?? 0;
    if (!w || inner !== cols || w.kernel.length !== inner * layer.units) {
      throw new RangeError(`Layer ${l} weights do not match its shape.`);
    }
    const units = layer.units;
    const nextKernel = new Float64Array(rows * units);
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < units; j++) {
        let sum = 0;
        for (let k = 0; k < inner; k++)
          sum += (kernel[i * inner + k] ?? 0) * (w.kernel[k * units + j] ?? 0);
        nextKernel[i * units + j] = sum;
      }
    }
    const nextBias = new Float64Array(units);
    for (let j = 0; j < units; j++) {
      let sum = w.bias[j] ?? 0;
      for (let k = 0; k < inner; k++) sum += (bias[k] ?? 0) * (w.kernel[k * units + j] ?? 0);
      nextBias[j] = sum;
    }
    kernel = nextKernel;
    bias = nextBias;
    cols = units;
  });
  return { kernel, bias, inputs: rows, outputs: cols };
}

/** Slope and intercept of a 1 → 1 affine map: y = slope·x + intercept. */
export function lineOf(map: AffineMap): { slope: number; intercept: number } {
  if (map.inputs !== 1 || map.outputs !== 1) {
    throw new RangeError("Only a map from one input to one output is a line.");
  }
  return { slope: map.kernel[0] ?? Number.NaN, intercept: map.bias[0] ?? Number.NaN };
}

export interface CurvePoint {
  x: number;
  y: number;
}

/** The stack's output at `count` evenly spaced inputs, by the engine's forward pass. */
export function stackCurve(
  spec: NetworkSpec,
  weights: NetworkWeights,
  domain: readonly [number, number],
  count = 241,
): CurvePoint[] {
  const network = new Network(spec, weights);
  const n = Math.max(2, Math.floor(count));
  return Array.from({ length: n }, (_, i) => {
    const x = domain[0] + ((domain[1] - domain[0]) * i) / (n - 1);
    return { x, y: network.forward([x]).output[0] ?? Number.NaN };
  });
}

/**
 * How far a curve strays from the straight line through its two ends (its chord): 0 for a line,
 * more the more it bends.
 */
export function chordDeviation(points: readonly CurvePoint[]): number {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last || last.x === first.x) return 0;
  const slope = (last.y - first.y) / (last.x - first.x);
  return points.reduce(
    (worst, p) => Math.max(worst, Math.abs(p.y - (first.y + slope * (p.x - first.x)))),
    0,
  );
}

/** "1 → 4 → 4 → 1" */
export function stackShape(hidden: readonly number[]): string {
  return [1, ...hidden, 1].join(" → ");
}

/**
 * "y = 0.53·x − 0.12", with no-break spaces so a paragraph never splits the equation; `fmt` gives
 * the page's decimal mark ("y = 0,53·x − 0,12").
 */
export function lineEquation(
  slope: number,
  intercept: number,
  fmt: FormatNumber = formatNumber,
): string {
  const sign = fmt(intercept).startsWith("−") ? "−" : "+";
  return ["y", "=", `${fmt(slope)}·x`, sign, fmt(Math.abs(intercept))].join("\u00a0");
}

export interface CollapseSummary {
  hidden: readonly number[];
  activation: ActivationName;
  slope: number;
  intercept: number;
  /** chordDeviation of the activated curve. */
  bend: number;
  domain: readonly [number, number];
}

/** What the figure's sentences are written with: its messages, numbers and activation names. */
export interface CollapseWords {
  t: VizT<"LinearCollapse">;
  fmt: FormatNumber;
  labels: ActivationLabels;
}

/** What the collapsed stack amounts to, in one sentence. */
export function describeLinearPart(s: CollapseSummary, { t, fmt }: CollapseWords): string {
  return t("describeLinearPart", {
    shape: stackShape(s.hidden),
    equation: lineEquation(s.slope, s.intercept, fmt),
    slope: fmt(s.slope),
    intercept: fmt(s.intercept),
  });
}

/** What the activated stack does instead. */
export function describeBentPart(s: CollapseSummary, { t, fmt, labels }: CollapseWords): string {
  return t(s.bend > 0.005 ? "describeBends" : "describeAlmostStraight", {
    activation: labels[s.activation],
    bend: fmt(s.bend),
  });
}

/** The text alternative of the whole figure. */
export function describeCollapse(s: CollapseSummary, words: CollapseWords): string {
  const { t, fmt } = words;
  return [
    t("describeCollapse", {
      from: fmt(s.domain[0], 0),
      to: fmt(s.domain[1], 0),
      shape: stackShape(s.hidden),
    }),
    describeLinearPart(s, words),
    describeBentPart(s, words),
  ].join(" ");
}
