import { activation, type ActivationName } from "@neuronlab/engine/activations";
import { neuron, type NeuronTrace } from "@neuronlab/engine/neuron";
import { formatNumber, subscript } from "./format.ts";

/**
 * The words and arithmetic the neuron figures print. The numbers themselves come from the
 * engine's `neuron`; this module only lays them out as the lessons write them.
 */

/** The activations in the order the course introduces them. */
export const ACTIVATION_NAMES: readonly ActivationName[] = [
  "relu",
  "sigmoid",
  "tanh",
  "linear",
  "leakyRelu",
];

/** How the lessons name each activation. */
export const activationLabels: Readonly<Record<ActivationName, string>> = {
  relu: "ReLU",
  sigmoid: "sigmoid",
  tanh: "tanh",
  linear: "linear",
  leakyRelu: "leaky ReLU",
};

/** Everything a learner can change about one neuron. */
export interface NeuronValue {
  inputs: readonly number[];
  weights: readonly number[];
  bias: number;
  activation: ActivationName;
}

/**
 * The engine's forward pass for `value`. Inputs and weights are paired up to the shorter list, so
 * a half-edited value (one list already longer) still has an answer.
 */
export function evaluateNeuron(value: NeuronValue): NeuronTrace {
  const n = Math.min(value.inputs.length, value.weights.length);
  if (n === 0) return { products: [], z: value.bias, a: Number.NaN, slope: Number.NaN };
  return neuron({
    weights: value.weights.slice(0, n),
    bias: value.bias,
    activation: value.activation,
  }).call(value.inputs.slice(0, n));
}

export interface NeuronFormula {
  /** "z = w₁·x₁ + w₂·x₂ + b" */
  zSymbols: string;
  /** "0.80·1.00 + (−0.50)·2.00 + 0.10", the same sum with the numbers in. */
  zNumbers: string;
  /** "a = f(z) = ReLU(0.05)" */
  aSymbols: string;
  z: string;
  a: string;
}

/** The neuron's two equations with the live numbers substituted, term by term. */
export function neuronFormula(value: NeuronValue, trace: NeuronTrace): NeuronFormula {
  const n = Math.min(value.inputs.length, value.weights.length);
  const indices = Array.from({ length: n }, (_, i) => i);
  const symbols = indices.map((i) => `${subscript("w", i + 1)}·${subscript("x", i + 1)}`);
  const numbers = indices.map(
    (i) => `${signed(value.weights[i] ?? 0)}·${signed(value.inputs[i] ?? 0)}`,
  );
  const label = activationLabels[value.activation];
  return {
    zSymbols: `z = ${[...symbols, "b"].join(" + ")}`,
    zNumbers: [...numbers, signed(value.bias)].join(" + "),
    aSymbols: `a = f(z) = ${label}(${formatNumber(trace.z)})`,
    z: formatNumber(trace.z),
    a: formatNumber(trace.a),
  };
}

/** A number as a term of a sum: negatives in brackets, so "+ (−0.50)" never reads as "+ −0.50". */
function signed(v: number): string {
  const text = formatNumber(v);
  return text.startsWith("−") ? `(${text})` : text;
}

/**
 * `value` with `count` inputs: existing inputs and weights are kept, new ones start at 1 and 0.5
 * (a visible, positive contribution), extra ones are dropped.
 */
export function withInputCount(value: NeuronValue, count: number): NeuronValue {
  const n = Math.max(1, Math.floor(count));
  return {
    ...value,
    inputs: Array.from({ length: n }, (_, i) => value.inputs[i] ?? 1),
    weights: Array.from({ length: n }, (_, i) => value.weights[i] ?? 0.5),
  };
}

/** f(z) and f′(z) of one activation, from the engine. */
export function activationAt(name: ActivationName, z: number): { value: number; slope: number } {
  const f = activation(name);
  return { value: f.apply(z), slope: f.derivative(z) };
}

/** "(0, 1)" for a bounded activation, undefined for one that runs off to infinity. */
export function boundedRange(name: ActivationName): string | undefined {
  const [lo, hi] = activation(name).range;
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return undefined;
  return `(${formatNumber(lo, 0)}, ${formatNumber(hi, 0)})`;
}

/** The text alternative of the activation plot: the curves, the marker's values, the ranges. */
export function describeActivationPlot(
  names: readonly ActivationName[],
  z: number,
  zDomain: readonly [number, number],
): string {
  if (names.length === 0) return "No activation functions are shown.";
  const list = listWords(names.map((n) => activationLabels[n]));
  const values = names.map((n) => {
    const { value, slope } = activationAt(n, z);
    return `${activationLabels[n]}(z) = ${formatNumber(value)} with slope f′(z) = ${formatNumber(slope)}`;
  });
  const ranges = names.flatMap((n) => {
    const range = boundedRange(n);
    return range === undefined ? [] : [`${activationLabels[n]} stays within ${range}`];
  });
  return [
    `Plot of ${list} for z from ${formatNumber(zDomain[0], 0)} to ${formatNumber(zDomain[1], 0)}.`,
    `At z = ${formatNumber(z)}: ${values.join("; ")}.`,
    ranges.length > 0 ? `${capitalise(listWords(ranges))}.` : "",
  ]
    .filter(Boolean)
    .join(" ");
}

function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1] ?? ""}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
