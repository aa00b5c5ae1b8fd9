import { precisionFixed } from "d3-format";
import { scaleLinear, scaleLog, type ScaleContinuousNumeric } from "d3-scale";
import { line } from "d3-shape";
import { formatNumber } from "./format.ts";

/**
 * Axes, scales and line paths for the course's line plots (activation curves, loss curves,
 * network outputs). Thin wrappers around d3-scale and d3-shape so every figure numbers its axes
 * the same way: fixed decimals chosen from the tick step, and a true minus sign.
 */

export type Domain = readonly [number, number];
export type NumericScale = ScaleContinuousNumeric<number, number>;

export interface ScaleOptions {
  /** Extend the domain to round tick values (`true`, or the tick count to round for). */
  nice?: boolean | number;
  /** Map values outside the domain to the ends of the range instead of beyond them. */
  clamp?: boolean;
}

/** A linear scale from `domain` to `range` (pixels, usually). */
export function linearScale(
  domain: Domain,
  range: Domain,
  options: ScaleOptions = {},
): NumericScale {
  const scale = scaleLinear()
    .domain(safeDomain(domain))
    .range([...range]);
  if (options.nice !== undefined && options.nice !== false) {
    scale.nice(options.nice === true ? undefined : options.nice);
  }
  return scale.clamp(options.clamp ?? false);
}

/** A base-10 logarithmic scale, for values spanning orders of magnitude (a loss, say). */
export function logScale(domain: Domain, range: Domain, options: ScaleOptions = {}): NumericScale {
  // A log scale cannot include 0 or a negative number; clip to the smallest positive float.
  const lo = Math.max(domain[0], Number.MIN_VALUE);
  const hi = Math.max(domain[1], lo * 10);
  const scale = scaleLog()
    .domain([lo, hi])
    .range([...range]);
  if (options.nice !== undefined && options.nice !== false) scale.nice();
  return scale.clamp(options.clamp ?? false);
}

/** A domain d3 can work with: finite, and not a single point (which would divide by zero). */
function safeDomain([lo, hi]: Domain): [number, number] {
  const a = Number.isFinite(lo) ? lo : 0;
  const b = Number.isFinite(hi) ? hi : a + 1;
  if (a === b) return [a - 1, b + 1];
  return [a, b];
}

/** Decimals that tell apart ticks `step` apart, for d3's 1-2-5 steps (0.5 → 1, 0.05 → 2, 10 → 0). */
export function tickDecimals(step: number): number {
  if (!(step > 0) || !Number.isFinite(step)) return 0;
  return precisionFixed(step);
}

export interface Tick {
  value: number;
  /** Where the tick sits in the scale's range. */
  position: number;
  label: string;
}

/** About `count` round tick values of a linear scale, labelled with the same number of decimals. */
export function linearTicks(scale: NumericScale, count = 5): Tick[] {
  const values = scale.ticks(count);
  const step = values.length > 1 ? Math.abs((values[1] ?? 0) - (values[0] ?? 0)) : 1;
  const decimals = tickDecimals(step);
  return values.map((value) => ({
    value,
    position: scale(value),
    label: formatNumber(value, decimals),
  }));
}

/** Samples y = f(x) at `count` evenly spaced x in `domain` (both ends included). */
export function sampleFunction(
  f: (x: number) => number,
  domain: Domain,
  count = 201,
): { x: number; y: number }[] {
  const n = Math.max(2, Math.floor(count));
  const [lo, hi] = domain;
  return Array.from({ length: n }, (_, i) => {
    const x = lo + ((hi - lo) * i) / (n - 1);
    return { x, y: f(x) };
  });
}

/**
 * The SVG path of a polyline through `points`. Points with a non-finite coordinate break the line
 * rather than send it to infinity.
 */
export function linePath(
  points: readonly { x: number; y: number }[],
  xScale: (x: number) => number,
  yScale: (y: number) => number,
): string {
  const path = line<{ x: number; y: number }>()
    .defined((p) => Number.isFinite(p.x) && Number.isFinite(p.y))
    .x((p) => xScale(p.x))
    .y((p) => yScale(p.y));
  return path([...points]) ?? "";
}

/** [min, max] of the finite values, widened by `padding` × its span on each side. */
export function paddedExtent(values: Iterable<number>, padding = 0.1): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo > hi) return [0, 1];
  const span = hi - lo || Math.abs(hi) || 1;
  return [lo - span * padding, hi + span * padding];
}

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** The drawing area left inside a `width`×`height` plot once its margins are taken off. */
export function innerSize(
  width: number,
  height: number,
  margin: Margins,
): { width: number; height: number } {
  return {
    width: Math.max(1, width - margin.left - margin.right),
    height: Math.max(1, height - margin.top - margin.bottom),
  };
}
