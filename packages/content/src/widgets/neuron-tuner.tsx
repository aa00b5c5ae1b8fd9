"use client";

import { useState } from "react";
import type { ActivationName } from "@neuronlab/engine/activations";
import { neuron } from "@neuronlab/engine/neuron";
import {
  ACTIVATION_NAMES,
  DEFAULT_NEURON,
  NeuronExplorer,
  withInputCount,
  type NeuronValue,
} from "@neuronlab/viz/neuron-explorer";
import { useWidgetT } from "./i18n.ts";

export interface NeuronTunerProps {
  /** The inputs x₁…xₙ. Default [1, 2, 0.5] (as many as `weights` when only those are given). */
  inputs?: number[];
  /** The weights w₁…wₙ. Default [0.8, −0.5, 0.3] (as many as `inputs` when only those are given). */
  weights?: number[];
  /** The bias b. Default 0.1. */
  bias?: number;
  /** The activation f. Default "relu". */
  activation?: ActivationName;
  /** Whether the learner may pick another activation. Default true. */
  showActivationPicker?: boolean;
  /**
   * Called with the neuron and its z and a whenever the learner changes it (or resets it), for
   * exercises that read the neuron. Lessons never pass it.
   */
  onChange?: (value: NeuronReading) => void;
  /** Caption under the diagram. */
  caption?: string;
}

/** What an exercise reads: the neuron as the learner left it, with the engine's z and a. */
export interface NeuronReading {
  inputs: number[];
  weights: number[];
  bias: number;
  activation: ActivationName;
  z: number;
  a: number;
}

/** The sliders' range: wide enough for every value the lessons use, narrow enough to drag. */
const MIN = -3;
const MAX = 3;

function finiteIn(value: number, fallback: number): number {
  return Number.isFinite(value) ? Math.min(MAX, Math.max(MIN, value)) : fallback;
}

/**
 * The neuron the props describe. A lesson may give only the weights (or only the inputs): the
 * other list then takes the default's first values, padded or cut to the same length.
 */
export function neuronFromProps({
  inputs,
  weights,
  bias,
  activation,
}: {
  [K in "inputs" | "weights" | "bias" | "activation"]?: NeuronTunerProps[K] | undefined;
}): NeuronValue {
  const count = Math.max(
    1,
    inputs === undefined && weights === undefined
      ? DEFAULT_NEURON.inputs.length
      : Math.max(inputs?.length ?? 0, weights?.length ?? 0),
  );
  return withInputCount(
    {
      inputs: (inputs ?? DEFAULT_NEURON.inputs).map((x) => finiteIn(x, 1)),
      weights: (weights ?? DEFAULT_NEURON.weights).map((w) => finiteIn(w, 0.5)),
      bias: finiteIn(bias ?? DEFAULT_NEURON.bias, 0),
      activation:
        activation !== undefined && ACTIVATION_NAMES.includes(activation)
          ? activation
          : DEFAULT_NEURON.activation,
    },
    count,
  );
}

function reading(value: NeuronValue): NeuronReading {
  const trace = neuron({
    weights: value.weights,
    bias: value.bias,
    activation: value.activation,
  }).call(value.inputs);
  return {
    inputs: [...value.inputs],
    weights: [...value.weights],
    bias: value.bias,
    activation: value.activation,
    z: trace.z,
    a: trace.a,
  };
}

/**
 * Lesson 1's neuron: drag or type its inputs, weights and bias, pick its activation, and read z
 * and a in the diagram and in the formula with the numbers written in. "Reset" goes back to the
 * neuron the lesson set up.
 */
export default function NeuronTuner({
  inputs,
  weights,
  bias,
  activation,
  showActivationPicker = true,
  onChange,
  caption,
}: NeuronTunerProps) {
  const t = useWidgetT("NeuronTuner");
  const initial = neuronFromProps({ inputs, weights, bias, activation });
  // A lesson that passes other numbers (or an editor previewing one) starts over from them.
  const initialKey = JSON.stringify(initial);
  const [state, setState] = useState({ key: initialKey, value: initial });
  let value = state.value;
  if (state.key !== initialKey) {
    value = initial;
    setState({ key: initialKey, value: initial });
  }

  const change = (next: NeuronValue) => {
    setState({ key: initialKey, value: next });
    onChange?.(reading(next));
  };

  return (
    <div className="text-ink">
      <NeuronExplorer
        value={value}
        onValueChange={change}
        min={MIN}
        max={MAX}
        // Without the picker the menu offers only the lesson's activation: it still says which.
        activations={showActivationPicker ? ACTIVATION_NAMES : [value.activation]}
        {...(caption === undefined ? {} : { caption })}
      />
      <button
        type="button"
        onClick={() => {
          change(initial);
        }}
        className="mt-4 rounded-md border border-line px-3 py-1.5 text-sm font-medium text-ink hover:bg-panel"
      >
        {t("reset")}
      </button>
    </div>
  );
}
