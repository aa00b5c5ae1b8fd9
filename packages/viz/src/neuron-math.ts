import { activation, type ActivationName } from "@neuronlab/engine/activations";
import { neuron, type NeuronTrace } from "@neuronlab/engine/neuron";
import { formatNumber, subscript } from "./format.ts";
import { useVizT, type FormatNumber, type VizT } from "./i18n.tsx";

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

/** What each activation is called, in one language. */
export type ActivationLabels = Readonly<Record<ActivationName, string>>;

/**
 * How the English lessons name each activation. Figures take the page's language from
 * `useActivationLabels()`; this constant stays for code that has no translator.
 */
export const activationLabels: ActivationLabels = {
  relu: "ReLU",
  sigmoid: "sigmoid",
  tanh: "tanh",
  linear: "linear",
  leakyRelu: "leaky ReLU",
};

/** The activations' names from the message catalogue (namespace "activations"). */
export function activationLabelsFrom(t: VizT<"activations">): ActivationLabels {
  return Object.fromEntries(ACTIVATION_NAMES.map((name) => [name, t(name)])) as Record<
    ActivationName,
    string
  >;
}

/** The activations' names in the page's language. */
export function useActivationLabels(): ActivationLabels {
  return activationLabelsFrom(useVizT("activations"));
}

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

/**
 * The neuron's two equations with the live numbers substituted, term by term, printed with `fmt`
 * (the page's decimal mark) and naming the activation by `labels`.
 */
export function neuronFormula(
  value: NeuronValue,
  trace: NeuronTrace,
  fmt: FormatNumber,
  labels: ActivationLabels,
): NeuronFormula {
  const n = Math.min(value.inputs.length, value.weights.length);
  const indices = Array.from({ length: n }, (_, i) => i);
  const symbols = indices.map((i) => `${subscript("w", i + 1)}·${subscript("x", i + 1)}`);
  const numbers = indices.map(
    (i) => `${signed(value.weights[i] ?? 0, fmt)}·${signed(value.inputs[i] ?? 0, fmt)}`,
  );
  const label = labels[value.activation];
  return {
    zSymbols: `z = ${[...symbols, "b"].join(" + ")}`,
    zNumbers: [...numbers, signed(value.bias, fmt)].join(" + "),
    aSymbols: `a = f(z) = ${label}(${fmt(trace.z)})`,
    z: fmt(trace.z),
    a: fmt(trace.a),
  };
}

/** A number as a term of a sum: negatives in brackets, so "+ (−0.50)" never reads as "+ −0.50". */
function signed(v: number, fmt: FormatNumber): string {
  const text = fmt(v);
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
export function boundedRange(
  name: ActivationName,
  fmt: FormatNumber = formatNumber,
): string | undefined {
  const [lo, hi] = activation(name).range;
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return undefined;
  return `(${fmt(lo, 0)}, ${fmt(hi, 0)})`;
}

/** What the activation plot's text alternative is written with: its messages, numbers, names. */
export interface ActivationPlotWords {
  t: VizT<"ActivationPlot">;
  fmt: FormatNumber;
  labels: ActivationLabels;
}

/** The text alternative of the activation plot: the curves, the marker's values, the ranges. */
export function describeActivationPlot(
  names: readonly ActivationName[],
  z: number,
  zDomain: readonly [number, number],
  { t, fmt, labels }: ActivationPlotWords,
): string {
  if (names.length === 0) return t("describeNone");
  const list = listWords(
    names.map((n) => labels[n]),
    t,
  );
  const values = names.map((n) => {
    const { value, slope } = activationAt(n, z);
    return t("describeValue", { name: labels[n], value: fmt(value), slope: fmt(slope) });
  });
  const ranges = names.flatMap((n) => {
    const range = boundedRange(n, fmt);
    return range === undefined ? [] : [t("describeStays", { name: labels[n], range })];
  });
  return [
    t("describePlot", { list, from: fmt(zDomain[0], 0), to: fmt(zDomain[1], 0) }),
    t("describeAt", { z: fmt(z), values: values.join("; ") }),
    ranges.length > 0 ? `${capitalise(listWords(ranges, t))}.` : "",
  ]
    .filter(Boolean)
    .join(" ");
}

/** "a, b and c", with the language's "and". */
function listWords(words: readonly string[], t: VizT<"ActivationPlot">): string {
  if (words.length <= 1) return words.join("");
  return t("listAnd", {
    init: words.slice(0, -1).join(", "),
    last: words[words.length - 1] ?? "",
  });
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
