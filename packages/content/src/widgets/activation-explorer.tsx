"use client";

import { useId, useState } from "react";
import type { ActivationName } from "@neuronlab/engine/activations";
import {
  ACTIVATION_NAMES,
  ActivationPlot,
  type ActivationPlotLayout,
} from "@neuronlab/viz/activation-plot";
import { useWidgetT } from "./i18n.ts";

export type ActivationExplorerLayout = "shared" | "side-by-side";

export interface ActivationExplorerProps {
  /**
   * Which curves to show, in this order: any of "relu", "sigmoid", "tanh", "linear",
   * "leakyRelu". Unknown names are skipped. Default: all five.
   */
  activations?: string[];
  /** Where the z marker starts, between −4 and 4. Default 1. */
  initialZ?: number;
  /** All curves on one pair of axes, or one small plot each. Default "shared". */
  layout?: ActivationExplorerLayout;
  /** Caption under the plot. */
  caption?: string;
}

const Z_DOMAIN = [-4, 4] as const;
const Z_STEP = 0.1;

const LAYOUTS: readonly { value: ActivationExplorerLayout; label: "sharedAxes" | "sideBySide" }[] =
  [
    { value: "shared", label: "sharedAxes" },
    { value: "side-by-side", label: "sideBySide" },
  ];

function isActivationName(name: string): name is ActivationName {
  return (ACTIVATION_NAMES as readonly string[]).includes(name);
}

/** The curves a lesson asked for, known and each once; all of them when it named none. */
export function chosenActivations(names: readonly string[] | undefined): ActivationName[] {
  const known = (names ?? []).filter(isActivationName);
  const unique = known.filter((name, i) => known.indexOf(name) === i);
  return unique.length > 0 ? unique : [...ACTIVATION_NAMES];
}

/** `z` on the plot's axis and on its 0.1 grid, so the marker starts where the slider can be. */
function startingZ(z: number | undefined): number {
  if (z === undefined || !Number.isFinite(z)) return 1;
  const clamped = Math.min(Z_DOMAIN[1], Math.max(Z_DOMAIN[0], z));
  return Number((Math.round(clamped / Z_STEP) * Z_STEP).toFixed(6));
}

/**
 * Lesson 2's activation functions: drag the z marker (or use its slider) to read f(z) and the
 * slope f′(z) of each curve, on shared axes or side by side.
 */
export default function ActivationExplorer({
  activations,
  initialZ,
  layout: initialLayout = "shared",
  caption,
}: ActivationExplorerProps) {
  const t = useWidgetT("ActivationExplorer");
  const [layout, setLayout] = useState<ActivationExplorerLayout>(
    initialLayout === "side-by-side" ? "side-by-side" : "shared",
  );
  const [z, setZ] = useState(() => startingZ(initialZ));
  const names = chosenActivations(activations);
  const groupName = useId();
  const plotLayout: ActivationPlotLayout = layout === "shared" ? "overlay" : "side-by-side";

  return (
    <div className="text-ink">
      {names.length > 1 ? (
        <fieldset className="mb-3 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
          <legend className="float-left mr-3 font-semibold">{t("layout")}</legend>
          {LAYOUTS.map(({ value, label }) => (
            <label key={value} className="inline-flex items-center gap-2">
              <input
                type="radio"
                name={groupName}
                value={value}
                checked={layout === value}
                onChange={() => {
                  setLayout(value);
                }}
              />
              {t(label)}
            </label>
          ))}
        </fieldset>
      ) : null}
      <ActivationPlot
        activations={names}
        layout={plotLayout}
        z={z}
        onZChange={setZ}
        zDomain={Z_DOMAIN}
        step={Z_STEP}
        {...(caption === undefined ? {} : { caption })}
      />
    </div>
  );
}
