import type { FormatNumber } from "@neuronlab/viz/i18n";
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
import type { WidgetT } from "./i18n.ts";

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
  /** Its label's message. */
  label: "tooSmall" | "aboutRight" | "overshoots" | "tooBig";
  rate: number;
}

/** One rate for each thing descent can do, per mode (checked against `classifyDescent`). */
export const PRESETS: Readonly<Record<DescentMode, readonly Preset[]>> = {
  curve: [
    { label: "tooSmall", rate: 0.01 },
    { label: "aboutRight", rate: 0.1 },
    { label: "overshoots", rate: 0.3 },
    { label: "tooBig", rate: 0.6 },
  ],
  surface: [
    { label: "tooSmall", rate: 0.01 },
    { label: "aboutRight", rate: 0.1 },
    { label: "overshoots", rate: 0.3 },
    { label: "tooBig", rate: 0.45 },
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

/** A number d3 wrote in English ("0.010", "1.2e+9"), with the decimal mark `fmt` uses. */
export function localise(text: string, fmt: FormatNumber): string {
  const mark = fmt(0.5, 1).replace(/\d/g, "");
  return mark === "." ? text : text.replace(".", mark);
}

/** A learning rate as the figure prints it (two significant digits), in the page's language. */
export function rateText(rate: number, fmt: FormatNumber): string {
  return localise(formatRate(rate), fmt);
}

/** A loss as the figure prints it (three significant digits), in the page's language. */
export function lossText(value: number, t: WidgetT<"GradientDescent">, fmt: FormatNumber): string {
  if (Number.isNaN(value)) return fmt(value);
  if (!Number.isFinite(value)) return t(value > 0 ? "infinite" : "minusInfinity");
  return localise(formatLoss(value), fmt);
}

/** The update that led to step `shown` (or, at the start, the one about to be taken). */
export function describeUpdate(
  problem: LandscapeProblem,
  mode: DescentMode,
  run: DescentRun,
  shown: number,
  learningRate: number,
  t: WidgetT<"GradientDescent">,
  fmt: FormatNumber,
): UpdateText {
  const names = mode === "surface" ? problem.names : ([problem.names[0]] as const);
  const longest = run.path.length - 1;
  const k = Math.max(0, Math.min(shown, longest));
  const eta = rateText(learningRate, fmt);
  const before = run.path[Math.max(0, k - 1)];
  const after = run.path[k];
  if (!before || !after) return { heading: "", lines: [], note: null, text: "" };
  const w3 = (v: number) => fmt(v, 3);
  const loss = (v: number) => lossText(v, t, fmt);
  const updates = (from: typeof before, to: typeof before) =>
    names.map((name, d) => {
      const g = from.gradient[d] ?? Number.NaN;
      return `${name} ← ${name} − η·∂L/∂${name} = ${w3(from.point[d] ?? Number.NaN)} − ${eta}·${term(g, 3, fmt)} = ${w3(to.point[d] ?? Number.NaN)}`;
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
    heading = t("startHeading", { count: longest });
    lines = [
      t("startLine", { where: where(after), loss: loss(after.loss), slopes: slopes(after) }),
    ];
    if (next) lines.push(t("firstUpdate", { updates: updates(after, next).join("; ") }));
    note = t("startNote");
  } else {
    heading = t("stepHeading", { step: k, count: longest });
    lines = [
      t("slopeAt", { where: where(before), slopes: slopes(before) }),
      ...updates(before, after),
      t("lossChange", { before: loss(before.loss), after: loss(after.loss) }),
    ];
    if (run.divergedAt !== undefined && k === run.divergedAt) {
      note = t("ranAway");
    } else if (after.loss > before.loss) {
      note = t("lossWentUp");
    } else if (
      names.some((_, d) => Math.sign((after.gradient[d] ?? 0) * (before.gradient[d] ?? 0)) < 0)
    ) {
      note = t("slopeChangedSign");
    }
  }
  const text = [
    t("learningRate", { rate: eta }),
    `${heading}.`,
    ...lines.map((l) => `${l}.`),
    note ?? "",
  ]
    .join(" ")
    .trim();
  return { heading, lines, note, text };
}
