"use client";

import { useId, useMemo, useState } from "react";
import { DecisionBoundary, type BoundaryPoint } from "@neuronlab/viz/decision-boundary";
import { subscript } from "@neuronlab/viz/format";
import { useFormatNumber } from "@neuronlab/viz/i18n";
import { BUTTON_CLASS, NumberField } from "./forward-pass-controls.tsx";
import { useWidgetT } from "./i18n.ts";
import {
  PARAMETER_RANGE,
  countText,
  describeSeparator,
  lineEquation,
  planeDomain,
  predictPlane,
  readPoints,
  startingSeparator,
  usablePoints,
  type LabelledPoint,
  type Separator,
} from "./separator-goal-points.ts";

export type { LabelledPoint, Separator } from "./separator-goal-points.ts";

export interface SeparatorGoalProps {
  /** The labelled points. Default: eight points, four of each class, that a line can separate. */
  points?: LabelledPoint[];
  /** Starting weights [w₁, w₂], each in [−5, 5]. Default [1, −0.5]. */
  weights?: number[];
  /** Starting bias b, in [−5, 5]. Default 0. */
  bias?: number;
  /**
   * Called with the weights and bias on every change (and on reset), for exercises that submit
   * the learner's line. Lessons never pass it.
   */
  onChange?: (value: { weights: [number, number]; bias: number }) => void;
  /** Caption under the plot. */
  caption?: string;
}

/**
 * One sigmoid neuron as a classifier of the plane: set w₁, w₂ and b so that its line
 * w₁·x₁ + w₂·x₂ + b = 0 puts every point on its own class's side, the side where a ≥ 0.5 being
 * class 1.
 */
export default function SeparatorGoal({
  points,
  weights,
  bias,
  onChange,
  caption,
}: SeparatorGoalProps) {
  const t = useWidgetT("SeparatorGoal");
  const fmt = useFormatNumber();
  const pointsKey = JSON.stringify(points ?? null);
  const data = useMemo(
    () => usablePoints((JSON.parse(pointsKey) as LabelledPoint[] | null) ?? undefined),
    [pointsKey],
  );
  const domain = useMemo(() => planeDomain(data), [data]);
  const boundaryPoints = useMemo<BoundaryPoint[]>(
    () => data.map((p) => ({ x1: p.x[0], x2: p.x[1], label: p.label, split: "train" })),
    [data],
  );

  const initial = startingSeparator(weights, bias);
  // A lesson that passes other numbers (or an editor previewing one) starts over from them.
  const initialKey = JSON.stringify(initial);
  const [state, setState] = useState({ key: initialKey, value: initial });
  const stale = state.key !== initialKey;
  if (stale) setState({ key: initialKey, value: initial });
  const value = stale ? initial : state.value;
  const change = (next: Separator) => {
    setState({ key: initialKey, value: next });
    onChange?.({ weights: [next.weights[0], next.weights[1]], bias: next.bias });
  };

  const [graded, setGraded] = useState(false);
  const gradedId = useId();
  const [w1, w2] = value.weights;
  const b = value.bias;
  // A new function for new numbers: the figure re-evaluates the plane when it changes.
  const predict = (xs: Float64Array, n: number) =>
    predictPlane({ weights: [w1, w2], bias: b }, xs, n);
  const readings = readPoints(value, data);
  const right = readings.filter((r) => r.right).length;
  const all = right === readings.length;
  const description = describeSeparator(value, readings, t, fmt);

  const field = (label: string, name: string, v: number, set: (v: number) => Separator) => (
    <NumberField
      label={label}
      name={name}
      value={v}
      {...PARAMETER_RANGE}
      onChange={(next) => {
        change(set(next));
      }}
    />
  );

  return (
    <div className="text-ink">
      <div className="grid gap-x-6 gap-y-4 md:grid-cols-[minmax(0,1fr)_minmax(0,18rem)]">
        <DecisionBoundary
          predict={predict}
          revision={`${w1}:${w2}:${b}`}
          points={boundaryPoints}
          domain={domain}
          contour
          discretize={!graded}
          maxSize={440}
          caption={caption ?? t("caption", { half: fmt(0.5, 1) })}
        />
        <div className="min-w-0 space-y-3 text-sm">
          <fieldset className="min-w-0 space-y-2">
            <legend className="mb-1 font-semibold">{t("parameters")}</legend>
            {field(subscript("w", 1), t("weight", { symbol: subscript("w", 1) }), w1, (v) => ({
              weights: [v, w2],
              bias: b,
            }))}
            {field(subscript("w", 2), t("weight", { symbol: subscript("w", 2) }), w2, (v) => ({
              weights: [w1, v],
              bias: b,
            }))}
            {field("b", t("bias"), b, (v) => ({ weights: [w1, w2], bias: v }))}
          </fieldset>
          <p className="overflow-x-auto rounded-md border border-line bg-panel px-3 py-2 font-mono text-xs sm:text-sm">
            {lineEquation(value, fmt)}
          </p>
          <p
            className={`rounded-md border-l-4 px-3 py-2 font-medium ${all ? "border-accent bg-panel" : "border-line"}`}
            data-testid="separator-count"
          >
            {countText(right, readings.length, t)}
          </p>
          <label htmlFor={gradedId} className="flex items-center gap-2">
            <input
              id={gradedId}
              type="checkbox"
              checked={graded}
              onChange={(event) => {
                setGraded(event.currentTarget.checked);
              }}
            />
            {t("shade")}
          </label>
          <button
            type="button"
            className={BUTTON_CLASS}
            onClick={() => {
              change(initial);
            }}
          >
            {t("reset")}
          </button>
        </div>
      </div>
      <p aria-live="polite" className="sr-only" data-testid="separator-description">
        {description}
      </p>
    </div>
  );
}
