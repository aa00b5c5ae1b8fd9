"use client";

import { useId, useRef, useState, type ReactNode } from "react";
import type { ActivationName } from "@neuronlab/engine/activations";
import { formatNumber, subscript } from "./format.ts";
import { useElementWidth } from "./hooks/use-element-width.ts";
import { NeuronDiagram } from "./neuron-diagram.tsx";
import {
  ACTIVATION_NAMES,
  activationLabels,
  evaluateNeuron,
  neuronFormula,
  type NeuronValue,
} from "./neuron-math.ts";

export type { NeuronValue } from "./neuron-math.ts";
// The package exports this file, not neuron-math.ts: re-export what a page driving it needs.
export { ACTIVATION_NAMES, activationLabels, withInputCount } from "./neuron-math.ts";

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
  const [uncontrolled, setUncontrolled] = useState(defaultValue);
  const value = controlled ?? uncontrolled;
  const setValue = (next: NeuronValue) => {
    if (controlled === undefined) setUncontrolled(next);
    onValueChange?.(next);
  };

  const ref = useRef<HTMLDivElement>(null);
  const width = useElementWidth(ref, 640);
  const trace = evaluateNeuron(value);
  const formula = neuronFormula(value, trace);
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
        activationLabel={activationLabels[value.activation]}
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
        <ParameterGroup legend="Inputs">
          {value.inputs.map((x, i) => (
            <ParameterField
              key={i}
              label={subscript("x", i + 1)}
              name={`Input ${subscript("x", i + 1)}`}
              value={x}
              {...range}
              onChange={(v) => {
                setListItem("inputs", i, v);
              }}
            />
          ))}
        </ParameterGroup>
        <ParameterGroup legend="Weights">
          {value.weights.map((w, i) => (
            <ParameterField
              key={i}
              label={subscript("w", i + 1)}
              name={`Weight ${subscript("w", i + 1)}`}
              value={w}
              {...range}
              onChange={(v) => {
                setListItem("weights", i, v);
              }}
            />
          ))}
        </ParameterGroup>
        <ParameterGroup legend="Bias and activation">
          <ParameterField
            label="b"
            name="Bias b"
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
              aria-label="Activation f"
              value={value.activation}
              onChange={(event) => {
                setValue({ ...value, activation: event.currentTarget.value as ActivationName });
              }}
              className="min-w-0 flex-1 rounded-md border border-line bg-canvas px-2 py-1 text-ink"
            >
              {activations.map((name) => (
                <option key={name} value={name}>
                  {activationLabels[name]}
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

interface ParameterFieldProps {
  /** What the row shows: "x₁". */
  label: string;
  /** What assistive technology announces: "Input x₁". */
  name: string;
  value: number;
  min: number;
  max: number;
  step: number;
  onChange: (value: number) => void;
}

/** A slider to drag and a box to type in, bound to the same number. */
function ParameterField({ label, name, value, min, max, step, onChange }: ParameterFieldProps) {
  // What the learner is typing, kept apart from the value while it is not yet a number ("−", "0.").
  const [draft, setDraft] = useState<string | null>(null);
  const shown = Number(value.toFixed(4));
  return (
    <div className="flex items-center gap-2">
      <span aria-hidden="true" className="w-8 shrink-0 font-medium">
        {label}
      </span>
      <input
        type="range"
        aria-label={name}
        aria-valuetext={formatNumber(value)}
        min={min}
        max={max}
        step={step}
        value={shown}
        onChange={(event) => {
          onChange(Number(event.currentTarget.value));
        }}
        className="min-w-0 flex-1"
      />
      <input
        type="number"
        aria-label={name}
        min={min}
        max={max}
        step={step}
        value={draft ?? String(shown)}
        onChange={(event) => {
          const text = event.currentTarget.value;
          setDraft(text);
          const v = Number(text);
          if (text.trim() !== "" && Number.isFinite(v)) onChange(Math.min(max, Math.max(min, v)));
        }}
        onBlur={() => {
          setDraft(null);
        }}
        className="w-20 shrink-0 rounded-md border border-line bg-canvas px-2 py-1 text-right text-ink tabular-nums"
      />
    </div>
  );
}
