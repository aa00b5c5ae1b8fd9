"use client";

import { useId, useMemo, useState } from "react";
import { initWeights, type NetworkSpec } from "@neuronlab/engine/network-spec";
import { createRng } from "@neuronlab/engine/rng";
import { NetworkGraph } from "@neuronlab/viz/network-graph";

interface Example {
  label: string;
  input: number[];
  target: number[];
}

interface Preset {
  label: string;
  spec: NetworkSpec;
  examples: Example[];
}

const SMALL: Preset = {
  label: "Small: 2 inputs → 3 → 2 → 1 (XOR)",
  spec: {
    inputs: 2,
    layers: [
      { units: 3, activation: "tanh" },
      { units: 2, activation: "tanh" },
      { units: 1, activation: "sigmoid" },
    ],
    loss: "binaryCrossEntropy",
  },
  // The four corners of XOR: the answer is 1 when exactly one input is on.
  examples: [
    { label: "x = (0, 0), target 0", input: [0, 0], target: [0] },
    { label: "x = (0, 1), target 1", input: [0, 1], target: [1] },
    { label: "x = (1, 0), target 1", input: [1, 0], target: [1] },
    { label: "x = (1, 1), target 0", input: [1, 1], target: [0] },
  ],
};

function deepExamples(): Example[] {
  const rng = createRng(7);
  return [0, 3, 6].map((cls) => ({
    label: `A seeded random input, target class ${cls + 1}`,
    input: Array.from({ length: 8 }, () => Math.round(rng.uniform(-1, 1) * 100) / 100),
    target: Array.from({ length: 8 }, (_, j) => (j === cls ? 1 : 0)),
  }));
}

const DEEP: Preset = {
  label: "Deep: 8 inputs → 4 × 8 ReLU → 8 softmax",
  spec: {
    inputs: 8,
    layers: [
      ...Array.from({ length: 4 }, () => ({ units: 8, activation: "relu" as const })),
      { units: 8, activation: "softmax" },
    ],
    loss: "categoricalCrossEntropy",
  },
  examples: deepExamples(),
};

const PRESETS = { small: SMALL, deep: DEEP } as const;
type PresetKey = keyof typeof PRESETS;

/** The graph on the glass-box network, with the page choosing the network, the example and the weights. */
export function NetworkGraphDemo() {
  const [presetKey, setPresetKey] = useState<PresetKey>("small");
  const [exampleIndex, setExampleIndex] = useState(1);
  const [seed, setSeed] = useState(3);
  const preset = PRESETS[presetKey];
  const example = preset.examples[exampleIndex] ?? preset.examples[0];
  const weights = useMemo(() => initWeights(preset.spec, seed), [preset, seed]);
  const networkId = useId();
  const exampleId = useId();
  if (!example) return null;
  return (
    <div>
      <div className="mb-4 flex flex-col gap-3 text-sm sm:flex-row sm:flex-wrap sm:items-end sm:gap-6">
        <div className="flex flex-col gap-1">
          <label htmlFor={networkId} className="font-semibold">
            Network
          </label>
          <select
            id={networkId}
            className="rounded-md border border-line bg-canvas px-2 py-1.5"
            value={presetKey}
            onChange={(event) => {
              setPresetKey(event.currentTarget.value as PresetKey);
              setExampleIndex(0);
            }}
          >
            {(Object.keys(PRESETS) as PresetKey[]).map((key) => (
              <option key={key} value={key}>
                {PRESETS[key].label}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={exampleId} className="font-semibold">
            Example
          </label>
          <select
            id={exampleId}
            className="rounded-md border border-line bg-canvas px-2 py-1.5"
            value={exampleIndex}
            onChange={(event) => {
              setExampleIndex(Number(event.currentTarget.value));
            }}
          >
            {preset.examples.map((e, i) => (
              <option key={e.label} value={i}>
                {e.label}
              </option>
            ))}
          </select>
        </div>
        <div className="flex items-center gap-3">
          <button
            type="button"
            className="rounded-md border border-line px-3 py-1.5 font-medium hover:bg-panel"
            onClick={() => {
              setSeed((s) => s + 1);
            }}
          >
            New random weights
          </button>
          <span className="text-muted">Seed {seed}</span>
        </div>
      </div>
      <NetworkGraph
        key={presetKey}
        spec={preset.spec}
        weights={weights}
        input={example.input}
        target={example.target}
      />
    </div>
  );
}
