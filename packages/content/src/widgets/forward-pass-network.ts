import type { Network } from "@neuronlab/engine/network";
import { onGrid } from "./forward-pass-format.ts";
import { initWeights, type NetworkSpec, type NetworkWeights } from "@neuronlab/engine/network-spec";
import { createRng } from "@neuronlab/engine/rng";

/**
 * The small dense networks the forward-pass and backprop widgets step through: their shape from a
 * lesson's props, and weights a learner can follow by hand (seeded, rounded to one decimal) or
 * given by the lesson. The numbers of every pass come from the engine's glass-box network.
 */

export type HiddenActivation = "relu" | "tanh" | "sigmoid";

export const HIDDEN_ACTIVATIONS: readonly HiddenActivation[] = ["relu", "tanh", "sigmoid"];

/**
 * One dense layer as a lesson writes it: `W[j][i]` is the weight from input i to neuron j (a row
 * per neuron, as in z = W·a + b), `b[j]` the bias of neuron j.
 */
export interface GivenLayer {
  W: number[][];
  b: number[];
}

/** Most inputs, and most neurons in a layer: the matrices must stay readable on a phone. */
export const MAX_INPUTS = 4;
export const MAX_UNITS = 5;
/** Most columns (inputs, hidden layers and output). */
export const MAX_COLUMNS = 5;

export const DEFAULT_SIZES: readonly number[] = [2, 3, 2, 1];

function whole(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, Math.round(value))) : min;
}

/**
 * The sizes of the columns, inputs first and output last: the lesson's, each in range, or the
 * default 2 → 3 → 2 → 1.
 */
export function networkSizes(layers: readonly number[] | undefined): number[] {
  if (!layers || layers.length < 2) return [...DEFAULT_SIZES];
  return layers
    .slice(0, MAX_COLUMNS)
    .map((size, c) => whole(size, 1, c === 0 ? MAX_INPUTS : MAX_UNITS));
}

/** Hidden layers with the activation asked for, a sigmoid output layer. */
export function networkSpec(
  sizes: readonly number[],
  activation: HiddenActivation,
  loss: NetworkSpec["loss"] = "mse",
): NetworkSpec {
  const units = sizes.slice(1);
  return {
    inputs: sizes[0] ?? 1,
    layers: units.map((u, l) => ({
      units: u,
      activation: l === units.length - 1 ? "sigmoid" : activation,
    })),
    loss,
  };
}

/** A number on the one-decimal grid a learner can multiply in their head. */
function tenths(value: number): number {
  return Math.round(value * 10) / 10 || 0;
}

/**
 * The engine's seeded initial weights rounded to tenths, and seeded biases in [−0.5, 0.5] (the
 * engine starts biases at zero, which would hide the "+ b" of every formula). Weights that round
 * to zero become ±0.1 so that every connection carries something.
 */
export function seededWeights(spec: NetworkSpec, seed: number): NetworkWeights {
  const rng = createRng(seed + 7919);
  return initWeights(spec, seed).map((layer) => ({
    kernel: layer.kernel.map((w) => tenths(w) || (w < 0 ? -0.1 : 0.1)),
    bias: layer.bias.map(() => tenths(rng.uniform(-0.5, 0.5))),
  }));
}

/**
 * The lesson's weights in the engine's layout (kernel[i·units + j] = W[j][i]), when they fit the
 * network's shape and are all finite numbers; undefined otherwise.
 */
export function givenWeights(spec: NetworkSpec, given: unknown): NetworkWeights | undefined {
  if (!isList(given) || given.length !== spec.layers.length) return undefined;
  const out: NetworkWeights = [];
  for (let l = 0; l < spec.layers.length; l++) {
    const units = spec.layers[l]?.units ?? 0;
    const inputs = l === 0 ? spec.inputs : (spec.layers[l - 1]?.units ?? 0);
    const layer: unknown = given[l];
    if (typeof layer !== "object" || layer === null) return undefined;
    const { W, b } = layer as { W?: unknown; b?: unknown };
    if (!isList(W) || !isList(b) || W.length !== units || b.length !== units) return undefined;
    const kernel = new Float64Array(inputs * units);
    for (let j = 0; j < units; j++) {
      const row = W[j];
      if (!isList(row) || row.length !== inputs) return undefined;
      for (let i = 0; i < inputs; i++) kernel[i * units + j] = finite(row[i]);
    }
    const bias = Float64Array.from(b, finite);
    if (![...kernel, ...bias].every(Number.isFinite)) return undefined;
    out.push({ kernel, bias });
  }
  return out;
}

function isList(value: unknown): value is readonly unknown[] {
  return Array.isArray(value);
}

function finite(value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) ? value : Number.NaN;
}

/** W of dense layer `l` as rows per neuron, read through the engine's `weight(l, i, j)`. */
export function weightMatrix(net: Network, l: number): number[][] {
  const units = net.spec.layers[l]?.units ?? 0;
  const inputs = l === 0 ? net.spec.inputs : (net.spec.layers[l - 1]?.units ?? 0);
  return Array.from({ length: units }, (_, j) =>
    Array.from({ length: inputs }, (_, i) => net.weight(l, i, j)),
  );
}

/** The lesson's inputs, as many as the network takes (padding with the defaults), each in range. */
export function startingInputs(
  inputs: readonly number[] | undefined,
  count: number,
  range: { min: number; max: number; step: number },
): number[] {
  const defaults = [1, -0.5, 0.5, 2];
  return Array.from({ length: count }, (_, i) => {
    const fallback = defaults[i % defaults.length] ?? 1;
    return onGrid(inputs?.[i], fallback, range.min, range.max, range.step);
  });
}
