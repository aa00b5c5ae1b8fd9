"use client";

import { useId, useRef, useState, type ReactNode } from "react";
import type { ActivationName } from "@neuronlab/engine/activations";
import { NumberField } from "./number-field.tsx";
import { subscript } from "./format.ts";
import { useElementWidth } from "./hooks/use-element-width.ts";
import { useFormatNumber, useVizT } from "./i18n.tsx";
import { NeuronDiagram } from "./neuron-diagram.tsx";
import {
  ACTIVATION_NAMES,
  evaluateNeuron,
  neuronFormula,
  useActivationLabels,
  type NeuronValue,
} from "./neuron-math.ts";

export type { NeuronValue } from "./neuron-math.ts";
// The package exports this file, not neuron-math.ts: re-export what a page driving it needs.
export {
  ACTIVATION_NAMES,
  activationLabels,
  activationLabelsFrom,
  useActivationLabels,
  withInputCount,
  type ActivationLabels,
} from "./neuron-math.ts";

export interface NeuronExplorerProps {
  /** The neuron's inputs, weights, bias and activation (controlled). */
  value?: NeuronValue;
  /** The first value when uncontrolled. Default: three inputs, ReLU. */
  defaultValue?: NeuronValue;
  /** Called with the whole new value whenever the learner changes one number. */
  onValueChange?: (value: NeuronValue) => void;
  /** Smallest value a slider reaches. Default −3. */
  min?: number;
  /** Largest value a slider reaches. Default 3. */
  max?: number;
  /** Slider step. Default 0.05. */
  step?: number;
  /** The activations offered. Default: all five. */
  activations?: readonly ActivationName[];
  caption?: string;
  className?: string;
}

export const DEFAULT_NEURON: NeuronValue = {
  inputs: [1, 2, 0.5],
  weights: [0.8, -0.5, 0.3],
  bias: 0.1,
  activation: "relu",
};

/** Below this width the diagram switches to its compact layout, so its labels stay legible. */
const COMPACT_BELOW = 480;

/**
 * One neuron to play with: drag or type any input, weight or the bias, pick the activation, and
 * watch z and a follow, in the diagram and in the formula with the numbers written in.
 */
export function NeuronExplorer({
  value: controlled,
  defaultValue = DEFAULT_NEURON,
  onValueChange,
  min = -3,
  max = 3,
  step = 0.05,
  activations = ACTIVATION_NAMES,
  caption,
  className,
}: NeuronExplorerProps) {
  const t = useVizT("NeuronExplorer");
  const fmt = useFormatNumber();
  const labels = useActivationLabels();
  const [uncontrolled, setUncontrolled] = useState(defaultValue);
  const value = controlled ?? uncontrolled;
  const setValue = (next: NeuronValue) => {
    if (controlled === undefined) setUncontrolled(next);
    onValueChange?.(next);
  };

  const ref = useRef<HTMLDivElement>(null);
  const width = useElementWidth(ref, 640);
  const trace = evaluateNeuron(value);
  const formula = neuronFormula(value, trace, fmt, labels);
  const selectId = useId();
  const range = { min, max, step };

  const setListItem = (key: "inputs" | "weights", index: number, v: number) => {
    const list = value[key].map((old, i) => (i === index ? v : old));
    setValue({ ...value, [key]: list });
  };

  return (
    <div ref={ref} className={className}>
      <NeuronDiagram
        inputs={value.inputs}
        weights={value.weights}
        bias={value.bias}
        activationLabel={labels[value.activation]}
        z={trace.z}
        a={trace.a}
        layout={width < COMPACT_BELOW ? "compact" : "wide"}
        {...(caption === undefined ? {} : { caption })}
      />

      <div className="mt-4 overflow-x-auto rounded-lg border border-line bg-panel px-3 py-2 font-mono text-sm leading-7">
        <p>{formula.zSymbols}</p>
        <p className="pl-4">{`= ${formula.zNumbers}`}</p>
        <p className="pl-4">
          = <strong data-testid="neuron-z">{formula.z}</strong>
        </p>
        <p>
          {`${formula.aSymbols} = `}
          <strong data-testid="neuron-a">{formula.a}</strong>
        </p>
      </div>

      <div className="mt-4 grid gap-4 sm:grid-cols-2">
        <ParameterGroup legend={t("inputs")}>
          {value.inputs.map((x, i) => (
            <NumberField
              labelWidth="w-8"
              decimals={2}
              key={i}
              label={subscript("x", i + 1)}
              name={t("inputName", { name: subscript("x", i + 1) })}
              value={x}
              {...range}
              onChange={(v) => {
                setListItem("inputs", i, v);
              }}
            />
          ))}
        </ParameterGroup>
        <ParameterGroup legend={t("weights")}>
          {value.weights.map((w, i) => (
            <NumberField
              labelWidth="w-8"
              decimals={2}
              key={i}
              label={subscript("w", i + 1)}
              name={t("weightName", { name: subscript("w", i + 1) })}
              value={w}
              {...range}
              onChange={(v) => {
                setListItem("weights", i, v);
              }}
            />
          ))}
        </ParameterGroup>
        <ParameterGroup legend={t("biasAndActivation")}>
          <NumberField
            labelWidth="w-8"
            decimals={2}
            label="b"
            name={t("biasName")}
            value={value.bias}
            {...range}
            onChange={(v) => {
              setValue({ ...value, bias: v });
            }}
          />
          <div className="flex items-center gap-2">
            <label htmlFor={selectId} className="w-8 shrink-0 font-medium">
              f
            </label>
            <select
              id={selectId}
              aria-label={t("activationName")}
              value={value.activation}
              onChange={(event) => {
                setValue({ ...value, activation: event.currentTarget.value as ActivationName });
              }}
              className="min-w-0 flex-1 rounded-md border border-line bg-canvas px-2 py-1 text-ink"
            >
              {activations.map((name) => (
                <option key={name} value={name}>
                  {labels[name]}
                </option>
              ))}
            </select>
          </div>
        </ParameterGroup>
      </div>
    </div>
  );
}

function ParameterGroup({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="min-w-0 space-y-2">
      <legend className="mb-1 text-sm font-semibold">{legend}</legend>
      {children}
    </fieldset>
  );
}
