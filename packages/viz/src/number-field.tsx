"use client";

import { useState } from "react";
import { useFormatNumber } from "./i18n.tsx";

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
  /** Width of the visible label column (a Tailwind width class). Default "w-10". */
  labelWidth?: string;
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
  labelWidth = "w-10",
  onChange,
}: NumberFieldProps) {
  const fmt = useFormatNumber();
  // What the learner is typing, kept apart from the value while it is not yet a number ("−", "0.").
  const [draft, setDraft] = useState<string | null>(null);
  const shown = Number(value.toFixed(4));
  return (
    <div className="flex items-center gap-2">
      <span aria-hidden="true" className={`${labelWidth} shrink-0 font-medium`}>
        {label}
      </span>
      <input
        type="range"
        aria-label={name}
        aria-valuetext={fmt(value, decimals)}
        min={min}
        max={max}
        step={step}
        value={shown}
        onChange={(event) => {
          setDraft(null);
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
