"use client";

import { useId, useMemo, useState } from "react";
import {
  COLLAPSE_ACTIVATIONS,
  LinearCollapse,
  type CollapseActivation,
} from "@neuronlab/viz/linear-collapse";
import { useWidgetT } from "./i18n.ts";

export interface CollapseDemoProps {
  /** Hidden layers in the 1 → … → 1 stack, 1 to 6. Default 2. */
  layers?: number;
  /** Neurons in each hidden layer, 1 to 8. Default 4. */
  units?: number;
  /** Seed of the weights (the learner can reseed). Default 1. */
  seed?: number;
  /** The activation between the layers of the bending version. Default "relu". */
  activation?: CollapseActivation;
  /** Caption under the plot. */
  caption?: string;
}

const MAX_LAYERS = 6;
const MAX_UNITS = 8;

function whole(value: number | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.round(value)));
}

/**
 * Lesson 2's argument in one figure: the same stack of layers drawn with and without activations.
 * Without them, however many layers the learner stacks, the output is a straight line in the input;
 * with an activation between them, the same weights bend.
 */
export default function CollapseDemo({
  layers,
  units,
  seed,
  activation,
  caption,
}: CollapseDemoProps) {
  const t = useWidgetT("CollapseDemo");
  const initial = {
    layers: whole(layers, 2, 1, MAX_LAYERS),
    seed: whole(seed, 1, 0, Number.MAX_SAFE_INTEGER),
    activation:
      activation !== undefined && COLLAPSE_ACTIVATIONS.includes(activation) ? activation : "relu",
  } as const;
  const width = whole(units, 4, 1, MAX_UNITS);
  const [depth, setDepth] = useState(initial.layers);
  const [currentSeed, setSeed] = useState(initial.seed);
  const [currentActivation, setActivation] = useState<CollapseActivation>(initial.activation);
  const depthId = useId();
  // One array per shape: the figure recomputes its curves when `hidden` changes identity.
  const hidden = useMemo(() => Array.from({ length: depth }, () => width), [depth, width]);

  return (
    <div className="text-ink">
      <div className="mb-3 flex flex-wrap items-center gap-3 text-sm">
        <label htmlFor={depthId} className="font-medium">
          {t("hiddenLayers")}
        </label>
        <select
          id={depthId}
          value={depth}
          onChange={(event) => {
            setDepth(Number(event.currentTarget.value));
          }}
          className="rounded-md border border-line bg-canvas px-2 py-1 text-ink"
        >
          {Array.from({ length: MAX_LAYERS }, (_, i) => i + 1).map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
        <button
          type="button"
          onClick={() => {
            setDepth(initial.layers);
            setSeed(initial.seed);
            setActivation(initial.activation);
          }}
          className="rounded-md border border-line px-3 py-1 font-medium text-ink hover:bg-panel"
        >
          {t("reset")}
        </button>
      </div>
      <LinearCollapse
        hidden={hidden}
        seed={currentSeed}
        onSeedChange={setSeed}
        activation={currentActivation}
        onActivationChange={setActivation}
        {...(caption === undefined ? {} : { caption })}
      />
    </div>
  );
}
