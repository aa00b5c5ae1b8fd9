import { formatNumber } from "@neuronlab/viz/format";
import {
  formatRate,
  gradientDescent,
  linearNeuronProblem,
  type DescentRun,
  type LandscapeProblem,
  type Pair,
} from "@neuronlab/viz/landscape";
import { formatLoss } from "@neuronlab/viz/loss-series";
import { term } from "./forward-pass-format.ts";

/**
 * The walk the gradient-descent widget writes out: the same problem, start, learning rate and
 * number of steps as the loss-landscape figure beside it, run with viz's own `gradientDescent`, so
 * the numbers in the text are the dots on the figure.
 */

export type DescentMode = "curve" | "surface";

/** Steps the figure walks. */
export const STEPS = 40;

/** The learning-rate slider's range: wide enough to diverge on the curve too (above 0.5). */
export const LEARNING_RATE_RANGE = [0.005, 1] as const;

export interface Preset {
  label: string;
  rate: number;
}

/** One rate for each thing descent can do, per mode (checked against `classifyDescent`). */
export const PRESETS: Readonly<Record<DescentMode, readonly Preset[]>> = {
  curve: [
    { label: "Too small", rate: 0.01 },
    { label: "About right", rate: 0.1 },
    { label: "Overshoots", rate: 0.3 },
    { label: "Too big", rate: 0.6 },
  ],
  surface: [
    { label: "Too small", rate: 0.01 },
    { label: "About right", rate: 0.1 },
    { label: "Overshoots", rate: 0.3 },
    { label: "Too big", rate: 0.45 },
  ],
};

let cached: LandscapeProblem | undefined;

/** The figure's default problem: one linear neuron's mean squared error over w and b (engine). */
export function descentProblem(): LandscapeProblem {
  cached ??= linearNeuronProblem();
  return cached;
}

function clamp(v: number, [lo, hi]: readonly [number, number]): number {
  return Math.min(hi, Math.max(lo, v));
}

/** The lesson's start: a weight w (the bias keeps the problem's own) or a pair [w, b]. */
export function startingPoint(
  problem: LandscapeProblem,
  start: number | number[] | undefined,
): Pair {
  const [w0, b0] = problem.start;
  const [w, b] =
    typeof start === "number"
      ? [start, b0]
      : Array.isArray(start)
        ? [start[0], start[1]]
        : [w0, b0];
  return [
    clamp(w !== undefined && Number.isFinite(w) ? w : w0, problem.domain.w1),
    clamp(b !== undefined && Number.isFinite(b) ? b : b0, problem.domain.w2),
  ];
}

/**
 * The walk the figure draws: over w alone with b held at the start's b ("curve"), or over both
 * ("surface").
 */
export function descentRun(
  problem: LandscapeProblem,
  mode: DescentMode,
  start: Pair,
  learningRate: number,
): DescentRun {
  if (mode === "surface") {
    return gradientDescent({
      start,
      learningRate,
      steps: STEPS,
      loss: (p) => problem.loss(p[0] ?? 0, p[1] ?? 0),
      gradient: (p) => problem.gradient(p[0] ?? 0, p[1] ?? 0),
    });
  }
  const held = start[1];
  return gradientDescent({
    start: [start[0]],
    learningRate,
    steps: STEPS,
    loss: (p) => problem.loss(p[0] ?? 0, held),
    gradient: (p) => [problem.gradient(p[0] ?? 0, held)[0]],
  });
}

export interface UpdateText {
  heading: string;
  lines: string[];
  note: string | null;
  /** All of it in one sentence, for the live text alternative. */
  text: string;
}

const w3 = (v: number) => formatNumber(v, 3);

/** The update that led to step `shown` (or, at the start, the one about to be taken). */
export function describeUpdate(
  problem: LandscapeProblem,
  mode: DescentMode,
  run: DescentRun,
  shown: number,
  learningRate: number,
): UpdateText {
  const names = mode === "surface" ? problem.names : ([problem.names[0]] as const);
  const longest = run.path.length - 1;
  const k = Math.max(0, Math.min(shown, longest));
  const eta = formatRate(learningRate);
  const before = run.path[Math.max(0, k - 1)];
  const after = run.path[k];
  if (!before || !after) return { heading: "", lines: [], note: null, text: "" };
  const updates = (from: typeof before, to: typeof before) =>
    names.map((name, d) => {
      const g = from.gradient[d] ?? Number.NaN;
      return `${name} ← ${name} − η·∂L/∂${name} = ${w3(from.point[d] ?? Number.NaN)} − ${eta}·${term(g, 3)} = ${w3(to.point[d] ?? Number.NaN)}`;
    });
  const where = (s: typeof before) =>
    names.map((name, d) => `${name} = ${w3(s.point[d] ?? Number.NaN)}`).join(", ");
  const slopes = (s: typeof before) =>
    names.map((name, d) => `∂L/∂${name} = ${w3(s.gradient[d] ?? Number.NaN)}`).join(", ");

  let heading: string;
  let lines: string[];
  let note: string | null = null;
  if (k === 0) {
    const next = run.path[1];
    heading = `Step 0 of ${longest}: the start`;
    lines = [`${where(after)}: loss ${formatLoss(after.loss)}, slope ${slopes(after)}`];
    if (next) lines.push(`First update: ${updates(after, next).join("; ")}`);
    note = "Each step moves against the slope, by the learning rate times the slope.";
  } else {
    heading = `Step ${k} of ${longest}`;
    lines = [
      `At ${where(before)} the slope is ${slopes(before)}`,
      ...updates(before, after),
      `Loss ${formatLoss(before.loss)} → ${formatLoss(after.loss)}`,
    ];
    if (run.divergedAt !== undefined && k === run.divergedAt) {
      note = "The walk has run away: every step lands higher up the other side than the last.";
    } else if (after.loss > before.loss) {
      note = "The loss went up: the step jumped right over the valley and landed higher.";
    } else if (
      names.some((_, d) => Math.sign((after.gradient[d] ?? 0) * (before.gradient[d] ?? 0)) < 0)
    ) {
      note = "The slope changed sign: the step overshot the bottom, but the loss still fell.";
    }
  }
  const text = [`Learning rate ${eta}.`, `${heading}.`, ...lines.map((l) => `${l}.`), note ?? ""]
    .join(" ")
    .trim();
  return { heading, lines, note, text };
}
