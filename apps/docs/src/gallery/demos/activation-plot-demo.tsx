"use client";

import { useState } from "react";
import type { ActivationName } from "@neuronlab/engine/activations";
import {
  ACTIVATION_NAMES,
  ActivationPlot,
  activationLabels,
  type ActivationPlotLayout,
} from "@neuronlab/viz/activation-plot";

const LAYOUTS: readonly { value: ActivationPlotLayout; label: string }[] = [
  { value: "overlay", label: "Shared axes" },
  { value: "side-by-side", label: "Side by side" },
];

/** The plot with the page choosing the layout and the curves, and keeping z across both. */
export function ActivationPlotDemo() {
  const [layout, setLayout] = useState<ActivationPlotLayout>("overlay");
  const [shown, setShown] = useState<readonly ActivationName[]>(ACTIVATION_NAMES);
  const [z, setZ] = useState(1);
  return (
    <div>
      <div className="mb-4 flex flex-col gap-3 text-sm sm:flex-row sm:flex-wrap sm:gap-6">
        <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-1">
          <legend className="mb-1 font-semibold">Layout</legend>
          {LAYOUTS.map(({ value, label }) => (
            <label key={value} className="inline-flex items-center gap-2">
              <input
                type="radio"
                name="activation-plot-layout"
                value={value}
                checked={layout === value}
                onChange={() => {
                  setLayout(value);
                }}
              />
              {label}
            </label>
          ))}
        </fieldset>
        <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-1">
          <legend className="mb-1 font-semibold">Curves</legend>
          {ACTIVATION_NAMES.map((name) => (
            <label key={name} className="inline-flex items-center gap-2">
              <input
                type="checkbox"
                checked={shown.includes(name)}
                onChange={(event) => {
                  const on = event.currentTarget.checked;
                  setShown(ACTIVATION_NAMES.filter((n) => (n === name ? on : shown.includes(n))));
                }}
              />
              {activationLabels[name]}
            </label>
          ))}
        </fieldset>
      </div>
      <ActivationPlot activations={shown} layout={layout} z={z} onZChange={setZ} />
    </div>
  );
}
