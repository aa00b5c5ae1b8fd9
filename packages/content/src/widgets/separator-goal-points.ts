import { neuron } from "@neuronlab/engine/neuron";
import { formatNumber, subscript } from "@neuronlab/viz/format";
import type { FormatNumber } from "@neuronlab/viz/i18n";
import { onGrid, term, vector } from "./forward-pass-format.ts";
import type { WidgetT } from "./i18n.ts";

/**
 * The numbers of the separator goal: labelled points on the plane and one sigmoid neuron whose
 * output a ≥ 0.5 says "class 1". Which points its line puts on the right side, and the words
 * for it; the neuron's output is always the engine's.
 */

export interface LabelledPoint {
  x: [number, number];
  label: 0 | 1;
}

export interface Separator {
  weights: [number, number];
  bias: number;
}

/** A small separable set: class 1 up and to the right of x₁ + x₂ = 1, class 0 below it. */
export const DEFAULT_POINTS: readonly LabelledPoint[] = [
  { x: [1, 1.5], label: 1 },
  { x: [1.5, 0.5], label: 1 },
  { x: [2, 2], label: 1 },
  { x: [0.5, 2], label: 1 },
  { x: [-1, -0.5], label: 0 },
  { x: [-1.5, 1], label: 0 },
  { x: [0, -1.5], label: 0 },
  { x: [-0.5, 0], label: 0 },
];

export const DEFAULT_SEPARATOR: Separator = { weights: [1, -0.5], bias: 0 };

/** The sliders' range and step. */
export const PARAMETER_RANGE = { min: -5, max: 5, step: 0.1 } as const;

/** The lesson's points that are usable: two finite coordinates and a label of 0 or 1. */
export function usablePoints(points: readonly unknown[] | undefined): LabelledPoint[] {
  if (!Array.isArray(points)) return [...DEFAULT_POINTS];
  const kept = points.flatMap((p): LabelledPoint[] => {
    if (typeof p !== "object" || p === null) return [];
    const { x, label } = p as { x?: unknown; label?: unknown };
    if (!Array.isArray(x) || (label !== 0 && label !== 1)) return [];
    const [x1, x2] = x as unknown[];
    if (typeof x1 !== "number" || typeof x2 !== "number") return [];
    if (!Number.isFinite(x1) || !Number.isFinite(x2)) return [];
    return [{ x: [x1, x2], label }];
  });
  return kept.length > 0 ? kept : [...DEFAULT_POINTS];
}

/** The lesson's starting line, each number on the sliders' grid. */
export function startingSeparator(
  weights: readonly number[] | undefined,
  bias: number | undefined,
): Separator {
  const { min, max, step } = PARAMETER_RANGE;
  return {
    weights: [
      onGrid(weights?.[0], DEFAULT_SEPARATOR.weights[0], min, max, step),
      onGrid(weights?.[1], DEFAULT_SEPARATOR.weights[1], min, max, step),
    ],
    bias: onGrid(bias, DEFAULT_SEPARATOR.bias, min, max, step),
  };
}

/** A square part of the plane around the points (and the origin), with some room. */
export function planeDomain(points: readonly LabelledPoint[]): {
  x1: [number, number];
  x2: [number, number];
} {
  const reach = Math.max(1, ...points.flatMap((p) => p.x.map((v) => Math.abs(v))));
  const r = Math.ceil(reach * 1.2 * 2) / 2;
  return { x1: [-r, r], x2: [-r, r] };
}

export interface PointReading {
  point: LabelledPoint;
  /** The neuron's output for it. */
  a: number;
  /** Whether the neuron puts it in its own class (a ≥ 0.5 for class 1, below for class 0). */
  right: boolean;
}

/** The engine's sigmoid neuron with these weights and bias, read at every point. */
export function readPoints(separator: Separator, points: readonly LabelledPoint[]): PointReading[] {
  const unit = neuron({ weights: separator.weights, bias: separator.bias, activation: "sigmoid" });
  return points.map((point) => {
    const a = unit.call(point.x).a;
    return { point, a, right: a >= 0.5 === (point.label === 1) };
  });
}

/** The neuron's output at `n` points, row-major [n × 2], for the decision-boundary figure. */
export function predictPlane(separator: Separator, xs: Float64Array, n: number): Float64Array {
  const unit = neuron({ weights: separator.weights, bias: separator.bias, activation: "sigmoid" });
  const out = new Float64Array(n);
  for (let k = 0; k < n; k++) out[k] = unit.call([xs[2 * k] ?? 0, xs[2 * k + 1] ?? 0]).a;
  return out;
}

const english: FormatNumber = (value, decimals) => formatNumber(value, decimals);

/** "1.00·x₁ + (−0.50)·x₂ + 0.00 = 0" (with `fmt`, in the page's language). */
export function lineEquation(separator: Separator, fmt: FormatNumber = english): string {
  const [w1, w2] = separator.weights;
  return `${term(w1, 2, fmt)}·${subscript("x", 1)} + ${term(w2, 2, fmt)}·${subscript("x", 2)} + ${term(separator.bias, 2, fmt)} = 0`;
}

/** "(0.50, 2.00)", or "(0,50; 2,00)" where the decimal mark is a comma. */
function pointText(p: LabelledPoint, fmt: FormatNumber): string {
  return vector(p.x, 2, fmt);
}

/** "6 of 8 points on the right side.", and whether that makes a separating line. */
export function countText(right: number, total: number, t: WidgetT<"SeparatorGoal">): string {
  return t(right === total ? "countAll" : "count", { right, total });
}

/** The text alternative: the line, the count, and the points on the wrong side. */
export function describeSeparator(
  separator: Separator,
  readings: readonly PointReading[],
  t: WidgetT<"SeparatorGoal">,
  fmt: FormatNumber,
): string {
  const [w1, w2] = separator.weights;
  const right = readings.filter((r) => r.right).length;
  const wrong = readings.filter((r) => !r.right);
  const line =
    w1 === 0 && w2 === 0
      ? t("noLine", { a: fmt(readings[0]?.a ?? Number.NaN) })
      : t("line", {
          equation: lineEquation(separator, fmt),
          w1: fmt(w1),
          w2: fmt(w2),
          b: fmt(separator.bias),
          half: fmt(0.5, 1),
        });
  const count = t("count", { right, total: readings.length });
  const misses =
    wrong.length === 0
      ? t("allRight")
      : t("wrongSide", {
          points: wrong
            .map((r) =>
              t("wrongPoint", {
                point: pointText(r.point, fmt),
                label: r.point.label,
                a: fmt(r.a),
              }),
            )
            .join("; "),
        });
  return `${line} ${count} ${misses}`;
}
