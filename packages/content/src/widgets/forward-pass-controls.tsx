"use client";

import { useState } from "react";
import { formatNumber } from "@neuronlab/viz/format";

/*
 * Small pieces the forward-pass, backprop, loss, gradient-descent and separator widgets share:
 * a slider-and-box number control and the button style.
 * (viz's neuron explorer has the same slider-and-box field but does not export it.)
 */

export const BUTTON_CLASS =
  "rounded-md border border-line px-3 py-1.5 text-sm font-medium text-ink hover:bg-panel disabled:cursor-not-allowed disabled:opacity-50";

/**
 * On a wrapper around viz's NetworkGraph: hides the graph's own Step/Play/Reset row when the
 * widget drives the stages with its own buttons. The graph stays wired to the same stage through
 * `onStageChange`, so where this class is not generated the two rows simply agree.
 */
export const HIDE_GRAPH_TOOLBAR = "[&>figure>div:first-child]:hidden";

export interface NumberFieldProps {
  /** What the row shows, e.g. "x₁". */
  label: string;
  /** What assistive technology announces, e.g. "Input x₁". */
  name: string;
  value: number;
  min: number;
  max: number;
  step: number;
  /** Decimals of the announced value. Default 2. */
  decimals?: number;
  onChange: (value: number) => void;
}

/** A slider to drag and a box to type in, bound to the same number (both labelled). */
export function NumberField({
  label,
  name,
  value,
  min,
  max,
  step,
  decimals = 2,
  onChange,
}: NumberFieldProps) {
  // What the learner is typing, kept apart from the value while it is not yet a number ("−", "0.").
  const [draft, setDraft] = useState<string | null>(null);
  const shown = Number(value.toFixed(4));
  return (
    <div className="flex items-center gap-2">
      <span aria-hidden="true" className="w-10 shrink-0 font-medium">
        {label}
      </span>
      <input
        type="range"
        aria-label={name}
        aria-valuetext={formatNumber(value, decimals)}
        min={min}
        max={max}
        step={step}
        value={shown}
        onChange={(event) => {
          setDraft(null);
          onChange(Number(event.currentTarget.value));
        }}
        className="min-w-0 flex-1 accent-accent"
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
