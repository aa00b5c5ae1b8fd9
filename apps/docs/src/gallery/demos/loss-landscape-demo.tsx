"use client";

import { useId, useState } from "react";
import {
  LossLandscape,
  type LandscapeView,
  type Loss2,
  type Gradient2,
} from "@neuronlab/viz/loss-landscape";

const PRESETS = [
  { label: "Too small", rate: 0.01 },
  { label: "About right", rate: 0.1 },
  { label: "Zig-zag", rate: 0.3 },
  { label: "Too large", rate: 0.45 },
] as const;

/** A narrow valley, ten times steeper across than along: a custom loss with its own gradient. */
const valley: Loss2 = (u, v) => 0.5 * (u - 1) ** 2 + 5 * (v + 0.5) ** 2;
const valleyGradient: Gradient2 = (u, v) => [u - 1, 10 * (v + 0.5)];
const VALLEY_DOMAIN = { w1: [-3, 3], w2: [-2, 1.5] } as const;

/**
 * The landscape of one linear neuron's loss (computed by the engine), with preset learning rates
 * for the four things gradient descent can do, and a custom narrow valley to compare.
 */
export function LossLandscapeDemo() {
  const [rate, setRate] = useState(0.1);
  const [view, setView] = useState<LandscapeView>("both");
  const [problem, setProblem] = useState<"neuron" | "valley">("neuron");
  const viewId = useId();
  const problemId = useId();

  return (
    <div>
      <div className="mb-4 flex flex-wrap items-end gap-4 text-sm">
        <div>
          <label htmlFor={problemId} className="block font-medium">
            Loss
          </label>
          <select
            id={problemId}
            value={problem}
            onChange={(event) => {
              setProblem(event.currentTarget.value === "valley" ? "valley" : "neuron");
            }}
            className="mt-1 rounded-md border border-line bg-canvas px-2 py-1 text-ink"
          >
            <option value="neuron">One linear neuron (engine)</option>
            <option value="valley">A narrow valley (custom function)</option>
          </select>
        </div>
        <div>
          <label htmlFor={viewId} className="block font-medium">
            Panels
          </label>
          <select
            id={viewId}
            value={view}
            onChange={(event) => {
              const next = event.currentTarget.value;
              setView(next === "one" || next === "two" ? next : "both");
            }}
            className="mt-1 rounded-md border border-line bg-canvas px-2 py-1 text-ink"
          >
            <option value="both">One weight and two weights</option>
            <option value="one">One weight</option>
            <option value="two">Two weights</option>
          </select>
        </div>
        <fieldset>
          <legend className="font-medium">Learning-rate presets</legend>
          <div className="mt-1 flex flex-wrap gap-2">
            {PRESETS.map((preset) => (
              <button
                key={preset.label}
                type="button"
                aria-pressed={rate === preset.rate}
                onClick={() => {
                  setRate(preset.rate);
                }}
                className="rounded-md border border-line px-3 py-1 font-medium text-ink hover:bg-panel aria-pressed:bg-panel aria-pressed:ring-2 aria-pressed:ring-accent"
              >
                {preset.label} ({preset.rate})
              </button>
            ))}
          </div>
        </fieldset>
      </div>
      {problem === "neuron" ? (
        <LossLandscape
          key="neuron"
          learningRate={rate}
          onLearningRateChange={setRate}
          view={view}
        />
      ) : (
        <LossLandscape
          key="valley"
          loss={valley}
          gradient={valleyGradient}
          domain={VALLEY_DOMAIN}
          names={["u", "v"]}
          summary="a narrow valley, L(u, v) = ½(u − 1)² + 5(v + 0.5)²"
          defaultStart={[-2.5, 1]}
          learningRate={rate}
          onLearningRateChange={setRate}
          view={view}
          caption="A custom loss: the valley is ten times steeper across (v) than along (u)."
        />
      )}
    </div>
  );
}
