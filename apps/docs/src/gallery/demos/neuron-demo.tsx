"use client";

import { useId, useState } from "react";
import {
  DEFAULT_NEURON,
  NeuronExplorer,
  withInputCount,
  type NeuronValue,
} from "@neuronlab/viz/neuron-explorer";

/** The explorer driven from outside: the page owns the value and can change the input count. */
export function NeuronDemo() {
  const [value, setValue] = useState<NeuronValue>(DEFAULT_NEURON);
  const countId = useId();
  return (
    <div>
      <div className="mb-4 flex flex-wrap items-center gap-3 text-sm">
        <label htmlFor={countId} className="font-medium">
          Number of inputs
        </label>
        <select
          id={countId}
          value={value.inputs.length}
          onChange={(event) => {
            setValue(withInputCount(value, Number(event.currentTarget.value)));
          }}
          className="rounded-md border border-line bg-canvas px-2 py-1 text-ink"
        >
          {[1, 2, 3, 4, 5].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
        <button
          type="button"
          onClick={() => {
            setValue(DEFAULT_NEURON);
          }}
          className="rounded-md border border-line px-3 py-1 font-medium text-ink hover:bg-panel"
        >
          Reset
        </button>
      </div>
      <NeuronExplorer value={value} onValueChange={setValue} />
    </div>
  );
}
