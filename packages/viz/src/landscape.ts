import { contours } from "d3-contour";
import { format } from "d3-format";
import { Network } from "@neuronlab/engine/network";
import type { NetworkSpec } from "@neuronlab/engine/network-spec";
import { decimalMark } from "./format.ts";
import type { FormatNumber, VizT } from "./i18n.tsx";

/**
 * The maths behind the loss-landscape figure: sample a loss over a grid of two weights (or a line
 * of one), walk gradient descent across it, and say in words what the walk did — crept, zig-zagged,
 * settled or ran off. No drawing here, so all of it is tested on its own.
 */

export type Pair = readonly [number, number];
export type Range = readonly [number, number];

/** A loss over two weights, and its gradient (∂L/∂w₁, ∂L/∂w₂). */
export type Loss2 = (w1: number, w2: number) => number;
export type Gradient2 = (w1: number, w2: number) => Pair;

export interface LandscapeProblem {
  loss: Loss2;
  gradient: Gradient2;
  /** The part of the plane worth showing: w₁ across, w₂ up. */
  domain: { w1: Range; w2: Range };
  /** Short names of the two weights, e.g. ["w", "b"]. */
  names: readonly [string, string];
  /**
   * What the loss is, as a phrase for the text alternative ("Loss landscape of …"). Left out, the
   * figure names it in its own words.
   */
  summary?: string;
  /** The true lowest point, where it is known. */
  minimum?: { point: Pair; loss: number };
  /** A starting point that shows the walk well. */
  start: Pair;
}

// ---------------------------------------------------------------------------------------------
// Sampling

export interface LossGrid {
  columns: number;
  rows: number;
  /** Row-major, row 0 at the top (the highest w₂), each value taken at its cell's centre. */
  values: Float64Array;
  w1: Range;
  w2: Range;
  /** Lowest and highest finite value. */
  min: number;
  max: number;
  /** Centre of the cell with the lowest value. */
  argmin: Pair;
}

/** The centre of cell (column i, row j) of a grid over `w1` × `w2`. */
export function cellCentre(
  w1: Range,
  w2: Range,
  columns: number,
  rows: number,
  i: number,
  j: number,
): Pair {
  return [
    w1[0] + ((i + 0.5) * (w1[1] - w1[0])) / columns,
    w2[1] - ((j + 0.5) * (w2[1] - w2[0])) / rows,
  ];
}

/** Evaluates `loss` at the centre of every cell of a `columns` × `rows` grid. */
export function sampleGrid(
  loss: Loss2,
  w1: Range,
  w2: Range,
  columns: number,
  rows: number,
): LossGrid {
  const values = new Float64Array(columns * rows);
  let min = Infinity;
  let max = -Infinity;
  let argmin: Pair = [Number.NaN, Number.NaN];
  for (let j = 0; j < rows; j++) {
    for (let i = 0; i < columns; i++) {
      const [a, b] = cellCentre(w1, w2, columns, rows, i, j);
      const v = loss(a, b);
      values[j * columns + i] = v;
      if (!Number.isFinite(v)) continue;
      if (v < min) {
        min = v;
        argmin = [a, b];
      }
      if (v > max) max = v;
    }
  }
  if (!Number.isFinite(min)) {
    min = 0;
    max = 1;
  }
  return { columns, rows, values, w1, w2, min, max, argmin };
}

/** `n` evenly spaced samples of a loss over one weight, ends included. */
export function sampleCurve(
  loss: (w: number) => number,
  domain: Range,
  n: number,
): { w: Float64Array; loss: Float64Array } {
  const count = Math.max(2, Math.floor(n));
  const w = new Float64Array(count);
  const values = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    w[k] = domain[0] + ((domain[1] - domain[0]) * k) / (count - 1);
    values[k] = loss(w[k] as number);
  }
  return { w, loss: values };
}

/**
 * Contour levels spaced so that most of them fall near the bottom of the bowl, where the walk
 * ends: level k of n sits at min + (max − min)·(k / (n + 1))².
 */
export function contourLevels(min: number, max: number, n = 10): number[] {
  return Array.from({ length: n }, (_, k) => min + (max - min) * ((k + 1) / (n + 1)) ** 2);
}

/** Maps a loss to [0, 1] for colouring, with the same square-root spacing as the contours. */
export function shade(value: number, min: number, max: number): number {
  if (!Number.isFinite(value)) return 1;
  const t = (value - min) / (max - min || 1);
  return Math.sqrt(Math.min(1, Math.max(0, t)));
}

/**
 * Iso-loss lines of a grid as SVG path data in a `width` × `height` box (d3-contour traces them
 * in cell units, which are scaled here).
 */
export function contourPaths(
  grid: LossGrid,
  levels: readonly number[],
  width: number,
  height: number,
): { level: number; d: string }[] {
  const sx = width / grid.columns;
  const sy = height / grid.rows;
  const finite = Float64Array.from(grid.values, (v) => (Number.isFinite(v) ? v : grid.max));
  const generator = contours()
    .size([grid.columns, grid.rows])
    .thresholds([...levels]);
  return generator(Array.from(finite)).map((shape) => {
    let d = "";
    for (const polygon of shape.coordinates) {
      for (const ring of polygon) {
        ring.forEach((position, k) => {
          const px = round((position[0] ?? 0) * sx);
          const py = round((position[1] ?? 0) * sy);
          d += `${k === 0 ? "M" : "L"}${px},${py}`;
        });
        d += "Z";
      }
    }
    return { level: shape.value, d };
  });
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}

/** Central differences, for a loss given without its gradient. */
export function numericGradient(loss: Loss2, h = 1e-5): Gradient2 {
  return (a, b) => [
    (loss(a + h, b) - loss(a - h, b)) / (2 * h),
    (loss(a, b + h) - loss(a, b - h)) / (2 * h),
  ];
}

// ---------------------------------------------------------------------------------------------
// Gradient descent

export interface DescentStep {
  point: number[];
  loss: number;
  gradient: number[];
}

export interface DescentOptions {
  start: readonly number[];
  learningRate: number;
  /** Most steps to take. */
  steps: number;
  loss: (point: readonly number[]) => number;
  gradient: (point: readonly number[]) => readonly number[];
  /** The run counts as diverged once the loss exceeds this multiple of where it started. Default 1,000. */
  divergeFactor?: number;
  /** …or once it has risen this many steps in a row above where it started. Default 4. */
  risingSteps?: number;
}

export interface DescentRun {
  /** Every point visited, the start first; one more than the steps taken. */
  path: DescentStep[];
  /** The step at which the run was stopped for diverging, if it was. */
  divergedAt?: number;
}

/** Plain gradient descent, p ← p − η·∇L(p), stopped early when it diverges. */
export function gradientDescent(options: DescentOptions): DescentRun {
  const { learningRate, steps, loss, gradient } = options;
  const divergeFactor = options.divergeFactor ?? 1000;
  const risingSteps = options.risingSteps ?? 4;
  let point = [...options.start];
  const startLoss = loss(point);
  const path: DescentStep[] = [{ point, loss: startLoss, gradient: [...gradient(point)] }];
  let rising = 0;
  for (let k = 1; k <= steps; k++) {
    const previous = path[k - 1] as DescentStep;
    point = previous.point.map((p, d) => p - learningRate * (previous.gradient[d] ?? 0));
    const value = loss(point);
    const finite = Number.isFinite(value) && point.every(Number.isFinite);
    path.push({ point, loss: value, gradient: finite ? [...gradient(point)] : point.map(() => 0) });
    rising = value > previous.loss && value > startLoss ? rising + 1 : 0;
    const tooHigh = value > divergeFactor * Math.max(Math.abs(startLoss), 1e-12);
    if (!finite || tooHigh || rising >= risingSteps) return { path, divergedAt: k };
  }
  return { path };
}

export type DescentOutcome = "diverged" | "zigzag" | "crawling" | "converged";

export interface DescentReport {
  outcome: DescentOutcome;
  /** How much of the drop from the start to the lowest loss the run achieved (≤ 1). */
  progress: number;
  /** Share of the first steps that swung back (reversed, or turned the other way). */
  reversals: number;
}

/**
 * What the run did. Diverged: it stopped for running away. Zig-zag: half or more of the early
 * steps swing back across the valley (the learning rate overshoots its floor). Converged: it covered at least
 * `enough` of the possible drop. Crawling: it did not, in the steps it had.
 */
export function classifyDescent(run: DescentRun, lowestLoss: number, enough = 0.99): DescentReport {
  const { path } = run;
  const first = path[0];
  const last = path[path.length - 1];
  const drop = (first?.loss ?? 0) - lowestLoss;
  const progress = first && last && drop > 1e-12 ? Math.min(1, (first.loss - last.loss) / drop) : 1;

  const reversals = swingShare(path.slice(0, 12).map((s) => s.point));
  const outcome: DescentOutcome =
    run.divergedAt !== undefined
      ? "diverged"
      : reversals >= 0.5
        ? "zigzag"
        : progress >= enough
          ? "converged"
          : "crawling";
  return { outcome, progress, reversals };
}

/**
 * How often, over the first steps, the walk swings back: a step that reverses the previous one
 * (on one weight), or, on two weights, a turn the other way from the previous turn — the
 * signature of a learning rate too large for the steepest direction of the valley, even while the
 * walk still makes headway along it.
 */
function swingShare(points: readonly (readonly number[])[]): number {
  let pairs = 0;
  let swings = 0;
  let lastTurn = 0;
  for (let k = 2; k < points.length; k++) {
    const a = difference(points[k - 1], points[k - 2]);
    const b = difference(points[k], points[k - 1]);
    const size = norm(a) * norm(b);
    if (size < 1e-12) continue;
    pairs++;
    if (dot(a, b) < 0) {
      swings++;
      continue;
    }
    if (a.length !== 2) continue;
    // sin of the turning angle; turns under a degree are straight on.
    const turn = ((a[0] ?? 0) * (b[1] ?? 0) - (a[1] ?? 0) * (b[0] ?? 0)) / size;
    if (Math.abs(turn) < 0.02) continue;
    const side = Math.sign(turn);
    if (lastTurn !== 0 && side !== lastTurn) swings++;
    lastTurn = side;
  }
  return pairs > 0 ? swings / pairs : 0;
}

function difference(a: readonly number[] = [], b: readonly number[] = []): number[] {
  return a.map((v, i) => v - (b[i] ?? 0));
}

function dot(a: readonly number[], b: readonly number[]): number {
  return a.reduce((s, v, i) => s + v * (b[i] ?? 0), 0);
}

function norm(a: readonly number[]): number {
  return Math.sqrt(dot(a, a));
}

/** How the landscape's words print numbers, in the page's language. */
export interface LandscapeFormat {
  /** Weights and coordinates: `useFormatNumber()`'s, or `formatNumber` outside React. */
  number: FormatNumber;
  /** Losses with three significant digits: `formatLoss` with the language and its words. */
  loss: (value: number) => string;
  /** Learning rates: `formatRate` with the language. */
  rate: (rate: number) => string;
}

/** One sentence on the outcome, for the message beside the figure. */
export function outcomeMessage(
  t: VizT<"LossLandscape">,
  format: LandscapeFormat,
  report: DescentReport,
  run: DescentRun,
): string {
  const last = run.path[run.path.length - 1];
  const steps = run.path.length - 1;
  const loss = last ? format.loss(last.loss) : "—";
  switch (report.outcome) {
    case "diverged":
      return t("diverged", { step: run.divergedAt ?? steps, loss });
    case "zigzag":
      return t(report.progress >= 0.99 ? "zigzagSettles" : "zigzag", { loss, steps });
    case "crawling":
      return t("crawling", { steps, loss, progress: Math.round(report.progress * 100) });
    case "converged":
      return t("converged", { loss, steps });
  }
}

// ---------------------------------------------------------------------------------------------
// The default problem: one linear neuron, mean squared error

/** A tiny dataset for ŷ = w·x + b, roughly on the line y = 0.8x + 0.4. */
export const TINY_DATA: { readonly x: readonly number[]; readonly y: readonly number[] } = {
  x: [-0.5, 0, 0.5, 1, 1.5, 2, 2.5],
  y: [-0.1, 0.5, 0.8, 1.3, 1.5, 2.1, 2.3],
};

const LINEAR_NEURON: NetworkSpec = {
  inputs: 1,
  layers: [{ units: 1, activation: "linear" }],
  loss: "mse",
};

/**
 * The loss of a single linear neuron ŷ = w·x + b on `data`, as a function of its weight w and
 * bias b, computed by the engine's glass-box network (loss and backpropagated gradient).
 */
export function linearNeuronProblem(
  data: { x: readonly number[]; y: readonly number[] } = TINY_DATA,
): LandscapeProblem {
  if (data.x.length === 0 || data.x.length !== data.y.length) {
    throw new RangeError("The data needs as many targets as inputs, and at least one of each.");
  }
  // One network whose two numbers are overwritten per evaluation: a grid asks for thousands.
  const kernel = new Float64Array(1);
  const bias = new Float64Array(1);
  const net = new Network(LINEAR_NEURON, [{ kernel, bias }]);
  const inputs = data.x.map((x) => [x]);
  const targets = data.y.map((y) => [y]);
  const set = (w: number, b: number) => {
    kernel[0] = w;
    bias[0] = b;
  };
  const loss: Loss2 = (w, b) => {
    set(w, b);
    return net.batchLoss(inputs, targets);
  };
  const gradient: Gradient2 = (w, b) => {
    set(w, b);
    const g = net.batchGradients(inputs, targets).gradients[0];
    return [g?.kernel[0] ?? Number.NaN, g?.bias[0] ?? Number.NaN];
  };

  // Least squares in closed form: the bottom of the bowl, to measure progress against.
  const n = data.x.length;
  const mx = data.x.reduce((s, v) => s + v, 0) / n;
  const my = data.y.reduce((s, v) => s + v, 0) / n;
  const sxx = data.x.reduce((s, v) => s + (v - mx) ** 2, 0);
  const sxy = data.x.reduce((s, v, i) => s + (v - mx) * ((data.y[i] ?? 0) - my), 0);
  const w = sxx > 0 ? sxy / sxx : 0;
  const b = my - w * mx;
  // Round numbers on the axes and the sliders: quarters around the minimum.
  const down = (v: number) => Math.floor(v * 4) / 4;
  const up = (v: number) => Math.ceil(v * 4) / 4;
  const near = (v: number) => Math.round(v * 4) / 4;
  return {
    loss,
    gradient,
    domain: { w1: [down(w - 2.75), up(w + 2.75)], w2: [down(b - 2.6), up(b + 2.6)] },
    names: ["w", "b"],
    minimum: { point: [w, b], loss: loss(w, b) },
    start: [near(w - 2.3), near(b + 2.1)],
  };
}

// ---------------------------------------------------------------------------------------------
// Text alternative

export interface LandscapeDescriptionInput {
  /** What the loss is: completes "Loss landscape of …". */
  summary: string;
  names: readonly [string, string];
  learningRate: number;
  /** Steps shown so far. */
  shown: number;
  twoD?: { run: DescentRun; report: DescentReport; lowest: { point: Pair; loss: number } };
  oneD?: { run: DescentRun; report: DescentReport; heldAt: number };
}

const rateFormat = format(".2r");

/**
 * A learning rate with two significant digits: 0.0050, 0.10, 0.45 — with the language's decimal
 * mark (0,10 in German).
 */
export function formatRate(rate: number, locale = "en"): string {
  return rateFormat(rate).replace("-", "−").replace(".", decimalMark(locale));
}

/** The figure's text alternative: the loss, the walk so far, and what became of it. */
export function describeLandscape(
  t: VizT<"LossLandscape">,
  format: LandscapeFormat,
  input: LandscapeDescriptionInput,
): string {
  const [n1, n2] = input.names;
  const fmt = (v: number) => format.number(v, 2);
  const parts = [
    t("describeIntro", { summary: input.summary, rate: format.rate(input.learningRate) }),
  ];
  if (input.twoD) {
    const { run, report, lowest } = input.twoD;
    const start = run.path[0];
    const at = run.path[Math.min(input.shown, run.path.length - 1)];
    if (start && at) {
      parts.push(
        t("describeBoth", {
          n1,
          n2,
          start1: fmt(start.point[0] ?? 0),
          start2: fmt(start.point[1] ?? 0),
          startLoss: format.loss(start.loss),
          shown: Math.min(input.shown, run.path.length - 1),
          total: run.path.length - 1,
          at1: fmt(at.point[0] ?? 0),
          at2: fmt(at.point[1] ?? 0),
          atLoss: format.loss(at.loss),
        }),
        outcomeMessage(t, format, report, run),
        t("describeLowest", {
          loss: format.loss(lowest.loss),
          n1,
          n2,
          w1: fmt(lowest.point[0]),
          w2: fmt(lowest.point[1]),
        }),
      );
    }
  }
  if (input.oneD) {
    const { run, report, heldAt } = input.oneD;
    const at = run.path[Math.min(input.shown, run.path.length - 1)];
    const start = run.path[0];
    if (start && at) {
      parts.push(
        t("describeOne", {
          n1,
          n2,
          held: fmt(heldAt),
          from: fmt(start.point[0] ?? 0),
          fromLoss: format.loss(start.loss),
          to: fmt(at.point[0] ?? 0),
          toLoss: format.loss(at.loss),
          outcome: outcomeMessage(t, format, report, run),
        }),
      );
    }
  }
  return parts.join(" ");
}
