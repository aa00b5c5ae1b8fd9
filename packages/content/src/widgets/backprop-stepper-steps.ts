import { network } from "@neuronlab/engine/network";
import type { NetworkSpec, NetworkWeights } from "@neuronlab/engine/network-spec";
import { createOptimizer } from "@neuronlab/engine/optimizers";
import { subscript } from "@neuronlab/viz/format";
import type { FormatNumber } from "@neuronlab/viz/i18n";
import { traceNetwork, type GraphTrace } from "@neuronlab/viz/network-graph";
import { term as bracketed } from "./forward-pass-format.ts";
import type { WidgetT } from "./i18n.ts";

/**
 * The walk backwards through one example of a 2 → 2 → 1 network, one partial derivative at a
 * time, each with its formula and the engine's numbers (the glass-box backward trace), then the
 * gradient-descent update (the engine's SGD) and the loss it leads to. No drawing here.
 */

export type StepperActivation = "sigmoid" | "tanh";
export type StepperLoss = "mse" | "crossEntropy";

export interface BackpropSetup {
  spec: NetworkSpec;
  weights: NetworkWeights;
  input: readonly number[];
  target: number;
  learningRate: number;
}

export interface BackpropStep {
  kind: "forward" | "gradient" | "update";
  /** The quantity, e.g. "∂L/∂w(h₁→ŷ)". */
  symbol: string;
  /** What it is, in words. */
  title: string;
  /** The formula: in symbols, with the numbers written in, and the result. */
  lines: string[];
  /** The number the step computes (the engine's). */
  value: number;
  /** Where it lives in the network, in words. */
  where: string;
  /** The network graph's stage for this step: 2 forward done, 3 output gradients, 4 hidden ones. */
  stage: number;
}

export interface UpdateRow {
  name: string;
  before: number;
  gradient: number;
  after: number;
}

export interface BackpropWalk {
  trace: GraphTrace;
  steps: BackpropStep[];
  update: {
    rows: UpdateRow[];
    weights: NetworkWeights;
    lossBefore: number;
    lossAfter: number;
    outputAfter: number;
  };
}

const x = (i: number) => subscript("x", i + 1);
const h = (j: number) => subscript("h", j + 1);
const wName = (from: string, to: string) => `w(${from}→${to})`;
const bName = (node: string) => `b(${node})`;

const ACTIVATION_SYMBOL: Record<StepperActivation, string> = { sigmoid: "σ", tanh: "tanh" };

/** The network of the stepper: two inputs, two hidden neurons, one sigmoid output. */
export function stepperSpec(activation: StepperActivation, loss: StepperLoss): NetworkSpec {
  return {
    inputs: 2,
    layers: [
      { units: 2, activation },
      { units: 1, activation: "sigmoid" },
    ],
    loss: loss === "crossEntropy" ? "binaryCrossEntropy" : "mse",
  };
}

function kernelAt(weights: NetworkWeights, l: number, i: number, j: number, units: number) {
  return weights[l]?.kernel[i * units + j] ?? Number.NaN;
}

/**
 * The walk, its words from the stepper's messages (`t`) and its numbers in the page's language
 * (`fmt`).
 */
export function backpropWalk(
  setup: BackpropSetup,
  t: WidgetT<"BackpropStepper">,
  fmt: FormatNumber,
): BackpropWalk {
  /** Decimals: activations and losses 3, gradients 4, weights 2. */
  const v3 = (v: number) => fmt(v, 3);
  const g4 = (v: number) => fmt(v, 4);
  const term = (value: number, decimals = 2) => bracketed(value, decimals, fmt);
  /** f′(z) in symbols and in numbers, for the activations of the stepper. */
  const slope = (name: StepperActivation, symbol: string, a: number) =>
    name === "sigmoid"
      ? { symbols: `${symbol}·(1 − ${symbol})`, numbers: `${v3(a)}·(1 − ${v3(a)})` }
      : { symbols: `1 − ${symbol}²`, numbers: `1 − ${term(a, 3)}²` };
  const { spec, weights, input, target, learningRate } = setup;
  const hidden = (spec.layers[0]?.activation ?? "sigmoid") as StepperActivation;
  const crossEntropy = spec.loss === "binaryCrossEntropy";
  const trace = traceNetwork(spec, weights, input, [target]);
  const back = trace.backward;
  if (!back) throw new Error("The stepper's trace has no backward pass.");
  const H = trace.forward.layers[0];
  const O = trace.forward.layers[1];
  const G1 = back.layers[0];
  const G2 = back.layers[1];
  if (!H || !O || !G1 || !G2) throw new Error("The stepper needs a 2 → 2 → 1 network.");
  const y = target;
  const yHat = O.a[0] ?? Number.NaN;
  const zOut = O.z[0] ?? Number.NaN;
  const dYHat = back.dOutput[0] ?? Number.NaN;
  const dzOut = G2.dz[0] ?? Number.NaN;
  const f = ACTIVATION_SYMBOL[hidden];
  const steps: BackpropStep[] = [];

  // 0. The forward pass the gradients start from.
  steps.push({
    kind: "forward",
    symbol: "L",
    title: t("forwardTitle"),
    lines: [
      ...H.z.map(
        (z, j) =>
          `${h(j)} = ${f}(${term(kernelAt(weights, 0, 0, j, 2))}·${term(input[0] ?? 0)} + ${term(kernelAt(weights, 0, 1, j, 2))}·${term(input[1] ?? 0)} + ${term(weights[0]?.bias[j] ?? 0)}) = ${f}(${v3(z)}) = ${v3(H.a[j] ?? Number.NaN)}`,
      ),
      `ŷ = σ(${term(kernelAt(weights, 1, 0, 0, 1))}·${term(H.a[0] ?? 0, 3)} + ${term(kernelAt(weights, 1, 1, 0, 1))}·${term(H.a[1] ?? 0, 3)} + ${term(weights[1]?.bias[0] ?? 0)}) = σ(${v3(zOut)}) = ${v3(yHat)}`,
      crossEntropy
        ? `L = −[y·log ŷ + (1 − y)·log(1 − ŷ)] = −[${v3(y)}·log ${v3(yHat)} + ${v3(1 - y)}·log ${v3(1 - yHat)}] = ${v3(back.loss)}`
        : `L = (ŷ − y)² = (${v3(yHat)} − ${v3(y)})² = ${v3(back.loss)}`,
    ],
    value: back.loss,
    where: t("forwardWhere"),
    stage: 2,
  });

  // 1. How the loss moves with the prediction.
  steps.push({
    kind: "gradient",
    symbol: "∂L/∂ŷ",
    title: t("predictionTitle"),
    lines: crossEntropy
      ? [
          "∂L/∂ŷ = (ŷ − y) / (ŷ·(1 − ŷ))",
          `= (${v3(yHat)} − ${v3(y)}) / (${v3(yHat)}·${v3(1 - yHat)})`,
          `= ${g4(dYHat)}`,
        ]
      : ["∂L/∂ŷ = 2·(ŷ − y)", `= 2·(${v3(yHat)} − ${v3(y)})`, `= ${g4(dYHat)}`],
    value: dYHat,
    where: t("predictionWhere"),
    stage: 2,
  });

  // 2. Back through the output's sigmoid.
  steps.push({
    kind: "gradient",
    symbol: "∂L/∂z(ŷ)",
    title: t("outputSigmoidTitle"),
    lines: [
      "∂L/∂z(ŷ) = ∂L/∂ŷ · σ′(z) = ∂L/∂ŷ · ŷ·(1 − ŷ)",
      `= ${term(dYHat, 4)} · ${v3(yHat)}·(1 − ${v3(yHat)})`,
      `= ${g4(dzOut)}`,
      ...(crossEntropy ? [t("crossEntropyNote")] : []),
    ],
    value: dzOut,
    where: t("outputSigmoidWhere"),
    stage: 3,
  });

  // 3–4. The output neuron's weights, 5. its bias.
  for (let j = 0; j < 2; j++) {
    const g = G2.dW[j]?.[0] ?? Number.NaN;
    steps.push({
      kind: "gradient",
      symbol: `∂L/∂${wName(h(j), "ŷ")}`,
      title: t("outputWeightTitle", { from: h(j) }),
      lines: [
        `∂L/∂${wName(h(j), "ŷ")} = ${h(j)} · ∂L/∂z(ŷ)`,
        `= ${term(H.a[j] ?? Number.NaN, 3)} · ${term(dzOut, 4)}`,
        `= ${g4(g)}`,
      ],
      value: g,
      where: t("connectionWhere", { from: h(j), to: "ŷ" }),
      stage: 3,
    });
  }
  steps.push({
    kind: "gradient",
    symbol: `∂L/∂${bName("ŷ")}`,
    title: t("outputBiasTitle"),
    lines: [`∂L/∂${bName("ŷ")} = ∂L/∂z(ŷ) · 1`, `= ${g4(G2.db[0] ?? Number.NaN)}`],
    value: G2.db[0] ?? Number.NaN,
    where: t("outputBiasWhere"),
    stage: 3,
  });

  // 6–15. Into the hidden layer, neuron by neuron.
  for (let j = 0; j < 2; j++) {
    const w = kernelAt(weights, 1, j, 0, 1);
    // ∂L/∂hⱼ = w(hⱼ→ŷ)·∂L/∂z(ŷ): the engine passes it on without keeping it, so it is shown here.
    const dA = w * dzOut;
    const a = H.a[j] ?? Number.NaN;
    const dz = G1.dz[j] ?? Number.NaN;
    const s = slope(hidden, h(j), a);
    steps.push({
      kind: "gradient",
      symbol: `∂L/∂${h(j)}`,
      title: t("hiddenTitle", { neuron: h(j) }),
      lines: [
        `∂L/∂${h(j)} = ${wName(h(j), "ŷ")} · ∂L/∂z(ŷ)`,
        `= ${term(w)} · ${term(dzOut, 4)}`,
        `= ${g4(dA)}`,
      ],
      value: dA,
      where: t("hiddenWhere", { neuron: h(j) }),
      stage: 4,
    });
    steps.push({
      kind: "gradient",
      symbol: `∂L/∂z(${h(j)})`,
      title: t("hiddenActivationTitle", { neuron: h(j), activation: hidden }),
      lines: [
        `∂L/∂z(${h(j)}) = ∂L/∂${h(j)} · ${f}′(z) = ∂L/∂${h(j)} · ${s.symbols}`,
        `= ${term(dA, 4)} · ${s.numbers}`,
        `= ${g4(dz)}`,
      ],
      value: dz,
      where: t("hiddenActivationWhere", { neuron: h(j) }),
      stage: 4,
    });
    for (let i = 0; i < 2; i++) {
      const g = G1.dW[i]?.[j] ?? Number.NaN;
      steps.push({
        kind: "gradient",
        symbol: `∂L/∂${wName(x(i), h(j))}`,
        title: t("inputWeightTitle", { input: x(i), neuron: h(j) }),
        lines: [
          `∂L/∂${wName(x(i), h(j))} = ${x(i)} · ∂L/∂z(${h(j)})`,
          `= ${term(input[i] ?? Number.NaN)} · ${term(dz, 4)}`,
          `= ${g4(g)}`,
        ],
        value: g,
        where: t("connectionWhere", { from: x(i), to: h(j) }),
        stage: 4,
      });
    }
    steps.push({
      kind: "gradient",
      symbol: `∂L/∂${bName(h(j))}`,
      title: t("hiddenBiasTitle", { neuron: h(j) }),
      lines: [`∂L/∂${bName(h(j))} = ∂L/∂z(${h(j)}) · 1`, `= ${g4(G1.db[j] ?? Number.NaN)}`],
      value: G1.db[j] ?? Number.NaN,
      where: t("hiddenBiasWhere", { neuron: h(j) }),
      stage: 4,
    });
  }

  // The update: every parameter takes a step against its gradient (the engine's SGD).
  const net = network(spec, weights);
  const { gradients } = net.batchGradients([input], [[target]]);
  const after: NetworkWeights = weights.map((layer, l) => {
    const kernel = layer.kernel.slice();
    const bias = layer.bias.slice();
    const g = gradients[l];
    if (g) {
      createOptimizer({ kind: "sgd", learningRate }, kernel.length).apply(kernel, g.kernel);
      createOptimizer({ kind: "sgd", learningRate }, bias.length).apply(bias, g.bias);
    }
    return { kernel, bias };
  });
  const rows: UpdateRow[] = [];
  const row = (name: string, l: number, part: "kernel" | "bias", k: number) => {
    rows.push({
      name,
      before: weights[l]?.[part][k] ?? Number.NaN,
      gradient: gradients[l]?.[part][k] ?? Number.NaN,
      after: after[l]?.[part][k] ?? Number.NaN,
    });
  };
  for (let j = 0; j < 2; j++) {
    for (let i = 0; i < 2; i++) row(wName(x(i), h(j)), 0, "kernel", i * 2 + j);
    row(bName(h(j)), 0, "bias", j);
  }
  for (let j = 0; j < 2; j++) row(wName(h(j), "ŷ"), 1, "kernel", j);
  row(bName("ŷ"), 1, "bias", 0);

  const next = traceNetwork(spec, after, input, [target]);
  const lossAfter = next.backward?.loss ?? Number.NaN;
  const outputAfter = next.forward.output[0] ?? Number.NaN;
  const first = rows[0];
  steps.push({
    kind: "update",
    symbol: "Update",
    title: t("updateTitle"),
    lines: [
      t("updateRule", { rate: fmt(learningRate) }),
      ...(first
        ? [
            t("updateExample", {
              name: first.name,
              before: term(first.before),
              rate: fmt(learningRate),
              gradient: term(first.gradient, 4),
              after: v3(first.after),
            }),
          ]
        : []),
      t("updateResult", {
        prediction: v3(outputAfter),
        before: v3(back.loss),
        after: v3(lossAfter),
      }),
    ],
    value: lossAfter,
    where: t("updateWhere"),
    stage: 4,
  });

  return {
    trace,
    steps,
    update: { rows, weights: after, lossBefore: back.loss, lossAfter, outputAfter },
  };
}
