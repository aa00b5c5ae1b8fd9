"use client";

import { tickStep } from "d3-array";
import { precisionFixed } from "d3-format";
import { scaleLinear, type ScaleLinear } from "d3-scale";
import { line } from "d3-shape";
import {
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type MouseEvent,
  type ReactNode,
} from "react";
import { useLocale } from "use-intl";
import { fillGrid } from "./canvas.ts";
import { colorTable, sequentialScale, tableIndex } from "./color-scales.ts";
import { Figure } from "./figure.tsx";
import { useElementWidth } from "./hooks/use-element-width.ts";
import { useReducedMotion } from "./hooks/use-reduced-motion.ts";
import {
  classifyDescent,
  contourLevels,
  contourPaths,
  describeLandscape,
  formatRate,
  gradientDescent,
  linearNeuronProblem,
  numericGradient,
  outcomeMessage,
  sampleCurve,
  sampleGrid,
  shade,
  TINY_DATA,
  type DescentReport,
  type DescentRun,
  type Gradient2,
  type LandscapeFormat,
  type LandscapeProblem,
  type Loss2,
  type Pair,
  type Range,
} from "./landscape.ts";
import { useThrottledValue } from "./hooks/use-throttled.ts";
import { useFormatNumber, useVizT, type FormatNumber, type VizT } from "./i18n.tsx";
import { formatLoss } from "./loss-series.ts";
import { palette } from "./palette.ts";

export { linearNeuronProblem, TINY_DATA } from "./landscape.ts";
export type { Loss2, Gradient2, Pair, Range, LandscapeProblem } from "./landscape.ts";

export type LandscapeView = "both" | "one" | "two";

export interface LossLandscapeProps {
  /**
   * The loss over two weights. Default: the mean squared error of one linear neuron (weight w,
   * bias b) on a tiny dataset, computed by the engine. Pass a stable function (module scope or
   * memoised): a new one resamples the whole map.
   */
  loss?: Loss2;
  /** Its gradient; central differences of `loss` when left out. */
  gradient?: Gradient2;
  /** The weights' ranges to show. Default: around the minimum (or [−2, 2]² for a custom loss). */
  domain?: { w1: Range; w2: Range };
  /** Short names of the two weights. Default ["w", "b"]. */
  names?: readonly [string, string];
  /**
   * What the loss is, for the text alternative, e.g. "the loss of my model" (it completes "Loss
   * landscape of …"). Default: the figure's own words for its loss.
   */
  summary?: string;
  /** Controlled learning rate. */
  learningRate?: number;
  /** Uncontrolled starting learning rate. Default 0.1. */
  defaultLearningRate?: number;
  onLearningRateChange?: (learningRate: number) => void;
  /** The learning-rate slider's range (logarithmic). Default [0.005, 0.5]. */
  learningRateRange?: Range;
  /** Controlled starting point (w₁, w₂). */
  start?: Pair;
  /** Uncontrolled starting point. Default: the problem's own, up the side of the bowl. */
  defaultStart?: Pair;
  onStartChange?: (start: Pair) => void;
  /** Most gradient-descent steps. Default 40. */
  steps?: number;
  /** Which panels: the loss over w₁ alone ("one"), over both weights ("two"), or both. */
  view?: LandscapeView;
  /** Grid cells per side of the two-weight map. Default 64. */
  resolution?: number;
  caption?: ReactNode;
  className?: string;
}

const STEP_MS = 140;
const MARGIN = { top: 10, right: 10, bottom: 38, left: 46 };
const LEVELS = 10;
const VIRIDIS = colorTable(sequentialScale(0, 1), 0, 1);

const defaultProblem = (() => {
  let cached: LandscapeProblem | undefined;
  return () => (cached ??= linearNeuronProblem());
})();

/** The problem to show, with its summary in the page's language unless the lesson gave one. */
function useProblem(
  props: LossLandscapeProps,
  t: VizT<"LossLandscape">,
): LandscapeProblem & { summary: string } {
  const { loss, gradient, domain, names } = props;
  const summary =
    props.summary ?? (loss ? t("givenLoss") : t("defaultSummary", { count: TINY_DATA.x.length }));
  // Primitives, so an inline `domain={{ … }}` or `names={[…]}` does not resample the map.
  const [a0, a1] = domain?.w1 ?? [];
  const [b0, b1] = domain?.w2 ?? [];
  const [name1, name2] = names ?? [];
  return useMemo(() => {
    const base: LandscapeProblem = loss
      ? {
          loss,
          gradient: gradient ?? numericGradient(loss),
          domain: { w1: [-2, 2], w2: [-2, 2] },
          names: ["w₁", "w₂"],
          start: [-1.5, 1.5],
        }
      : defaultProblem();
    return {
      ...base,
      domain: {
        w1: a0 !== undefined && a1 !== undefined ? [a0, a1] : base.domain.w1,
        w2: b0 !== undefined && b1 !== undefined ? [b0, b1] : base.domain.w2,
      },
      names: name1 !== undefined && name2 !== undefined ? [name1, name2] : base.names,
      summary,
    };
  }, [loss, gradient, a0, a1, b0, b1, name1, name2, summary]);
}

/** Learning rate ↔ slider position 0…100 on a logarithmic scale. */
function rateFromPosition(position: number, [lo, hi]: Range): number {
  return lo * (hi / lo) ** (position / 100);
}

function positionFromRate(rate: number, [lo, hi]: Range): number {
  return Math.round((100 * Math.log(rate / lo)) / Math.log(hi / lo));
}

/**
 * Gradient descent on a loss landscape: the loss over one weight as a curve, and over two as a
 * heatmap with contour lines, with the walk drawn step by step at the learning rate you set.
 */
export function LossLandscape(props: LossLandscapeProps) {
  const {
    learningRate: rateProp,
    defaultLearningRate = 0.1,
    onLearningRateChange,
    learningRateRange = [0.005, 0.5],
    start: startProp,
    defaultStart,
    onStartChange,
    steps = 40,
    view = "both",
    resolution = 64,
    caption,
    className,
  } = props;
  const t = useVizT("LossLandscape");
  const locale = useLocale();
  const fmt = useFormatNumber();
  const format: LandscapeFormat = {
    number: fmt,
    loss: (value) =>
      formatLoss(value, locale, {
        notANumber: t("notANumber"),
        infinite: t("infinite"),
        minusInfinity: t("minusInfinity"),
      }),
    rate: (rate) => formatRate(rate, locale),
  };
  const problem = useProblem(props, t);
  const [n1, n2] = problem.names;

  const [ownRate, setOwnRate] = useState(defaultLearningRate);
  const learningRate = rateProp ?? ownRate;
  const setRate = (next: number) => {
    if (rateProp === undefined) setOwnRate(next);
    onLearningRateChange?.(next);
  };
  const [ownStart, setOwnStart] = useState<Pair>(defaultStart ?? problem.start);
  const start = startProp ?? ownStart;
  const setStart = (next: Pair) => {
    const clamped: Pair = [clamp(next[0], problem.domain.w1), clamp(next[1], problem.domain.w2)];
    if (startProp === undefined) setOwnStart(clamped);
    onStartChange?.(clamped);
  };

  // Runs and maps.
  const grid = useMemo(
    () => sampleGrid(problem.loss, problem.domain.w1, problem.domain.w2, resolution, resolution),
    [problem, resolution],
  );
  const lowest = problem.minimum ?? { point: grid.argmin, loss: grid.min };
  const twoD = useMemo(() => {
    const run = gradientDescent({
      start,
      learningRate,
      steps,
      loss: (p) => problem.loss(p[0] ?? 0, p[1] ?? 0),
      gradient: (p) => problem.gradient(p[0] ?? 0, p[1] ?? 0),
    });
    return { run, report: classifyDescent(run, lowest.loss) };
  }, [problem, start, learningRate, steps, lowest.loss]);
  const slice = useMemo(() => {
    const held = start[1];
    const curve = sampleCurve((w) => problem.loss(w, held), problem.domain.w1, 160);
    let min = Infinity;
    for (const v of curve.loss) if (v < min) min = v;
    const run = gradientDescent({
      start: [start[0]],
      learningRate,
      steps,
      loss: (p) => problem.loss(p[0] ?? 0, held),
      gradient: (p) => [problem.gradient(p[0] ?? 0, held)[0]],
    });
    return { curve, run, report: classifyDescent(run, min), held };
  }, [problem, start, learningRate, steps]);

  // Playback: how many steps of the walk are drawn.
  const [shownState, setShown] = useState(steps);
  const [playing, setPlaying] = useState(false);
  const reducedMotion = useReducedMotion();
  const longest = Math.max(
    view === "one" ? 0 : twoD.run.path.length - 1,
    view === "two" ? 0 : slice.run.path.length - 1,
  );
  const shown = Math.min(shownState, longest);
  const shownRef = useRef(shown);
  useEffect(() => {
    shownRef.current = shown;
  }, [shown]);
  useEffect(() => {
    if (!playing) return;
    const from = shownRef.current;
    // The clock starts at the first frame: frame times and performance.now() need not agree.
    let t0: number | undefined;
    let frame = 0;
    const tick = (now: number) => {
      t0 ??= now;
      const k = Math.min(longest, from + Math.floor((now - t0) / STEP_MS));
      setShown(k);
      if (k >= longest) {
        setPlaying(false);
        return;
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => {
      cancelAnimationFrame(frame);
    };
  }, [playing, longest]);

  const play = () => {
    if (playing) {
      setPlaying(false);
      return;
    }
    if (reducedMotion) {
      setShown(longest);
      return;
    }
    if (shown >= longest) setShown(0);
    setPlaying(true);
  };

  const description = useThrottledValue(
    describeLandscape(t, format, {
      summary: problem.summary,
      names: problem.names,
      learningRate,
      shown,
      ...(view === "one" ? {} : { twoD: { ...twoD, lowest } }),
      ...(view === "two"
        ? {}
        : { oneD: { run: slice.run, report: slice.report, heldAt: slice.held } }),
    }),
    playing ? 1500 : 0,
  );

  const boxRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(boxRef, 640);
  const wide = view === "both" && width >= 620;
  const gap = 16;
  const panelWidth = Math.max(200, wide ? (width - gap) / 2 : width);
  const panelHeight = Math.round(Math.min(340, Math.max(220, panelWidth * 0.8)));
  const ids = useId();
  const current2 = twoD.run.path[Math.min(shown, twoD.run.path.length - 1)];

  return (
    <div className={className}>
      <Figure caption={caption ?? t("caption")} description={description}>
        <div
          ref={boxRef}
          style={{
            display: "grid",
            gap,
            gridTemplateColumns: wide ? "1fr 1fr" : "1fr",
            width: "100%",
          }}
        >
          {view === "two" ? null : (
            <SlicePanel
              width={panelWidth}
              height={panelHeight}
              title={t("sliceTitle", { n1, n2, held: fmt(slice.held) })}
              name={n1}
              domain={problem.domain.w1}
              curve={slice.curve}
              run={slice.run}
              shown={shown}
              clipId={`${ids}-slice`}
              onPick={(w) => {
                setStart([w, start[1]]);
              }}
            />
          )}
          {view === "one" ? null : (
            <MapPanel
              width={panelWidth}
              height={panelHeight}
              title={t("mapTitle", { n1, n2 })}
              names={problem.names}
              grid={grid}
              lowest={lowest.point}
              run={twoD.run}
              shown={shown}
              clipId={`${ids}-map`}
              onPick={(p) => {
                setStart(p);
              }}
            />
          )}
        </div>
      </Figure>

      <div className="mt-4 grid gap-4 text-sm sm:grid-cols-2">
        <div>
          <label htmlFor={`${ids}-rate`} className="block font-medium">
            {t("learningRate", { rate: format.rate(learningRate) })}
          </label>
          <input
            id={`${ids}-rate`}
            type="range"
            min={0}
            max={100}
            step={1}
            value={positionFromRate(learningRate, learningRateRange)}
            aria-valuetext={t("learningRateValue", { rate: format.rate(learningRate) })}
            onChange={(e) => {
              setRate(rateFromPosition(Number(e.target.value), learningRateRange));
            }}
            className="mt-1 w-full"
          />
          <div className="flex justify-between text-muted" aria-hidden="true">
            <span>{t("smallerSteps")}</span>
            <span>{t("largerSteps")}</span>
          </div>
        </div>
        <div className="grid grid-cols-2 gap-3">
          {([0, 1] as const).map((d) => {
            const range = d === 0 ? problem.domain.w1 : problem.domain.w2;
            const name = problem.names[d];
            return (
              <div key={d}>
                <label htmlFor={`${ids}-start-${d}`} className="block font-medium">
                  {t("start", { name, value: fmt(start[d]) })}
                </label>
                <input
                  id={`${ids}-start-${d}`}
                  type="range"
                  min={range[0]}
                  max={range[1]}
                  step={tickStep(range[0], range[1], 100)}
                  value={start[d]}
                  aria-valuetext={t("startValue", { name, value: fmt(start[d]) })}
                  onChange={(e) => {
                    const v = Number(e.target.value);
                    setStart(d === 0 ? [v, start[1]] : [start[0], v]);
                  }}
                  className="mt-1 w-full"
                />
              </div>
            );
          })}
        </div>
      </div>

      <div className="mt-3 flex flex-wrap items-center gap-2 text-sm">
        <button
          type="button"
          onClick={() => {
            setPlaying(false);
            setShown(Math.min(shown + 1, longest));
          }}
          disabled={shown >= longest}
          className="rounded-md border border-line px-3 py-1.5 font-medium hover:bg-panel disabled:opacity-50"
        >
          {t("step")}
        </button>
        <button
          type="button"
          onClick={play}
          className="rounded-md border border-line px-3 py-1.5 font-medium hover:bg-panel"
        >
          {t(playing ? "pause" : "play")}
        </button>
        <button
          type="button"
          onClick={() => {
            setPlaying(false);
            setShown(0);
          }}
          className="rounded-md border border-line px-3 py-1.5 font-medium hover:bg-panel"
        >
          {t("reset")}
        </button>
        <span className="ml-1 tabular-nums text-muted">
          {current2 && view !== "one"
            ? t("progressAt", {
                shown,
                total: longest,
                n1,
                n2,
                w1: fmt(current2.point[0] ?? 0),
                w2: fmt(current2.point[1] ?? 0),
                loss: format.loss(current2.loss),
              })
            : t("progress", { shown, total: longest })}
        </span>
      </div>

      <div className="mt-3 grid gap-2 text-sm">
        {view === "one" ? null : (
          <Outcome
            label={t("overBoth", { n1, n2 })}
            message={outcomeMessage(t, format, twoD.report, twoD.run)}
            outcome={twoD.report.outcome}
          />
        )}
        {view === "two" ? null : (
          <Outcome
            label={t("overOne", { n1 })}
            message={outcomeMessage(t, format, slice.report, slice.run)}
            outcome={slice.report.outcome}
          />
        )}
      </div>
    </div>
  );
}

function Outcome({
  label,
  message,
  outcome,
}: {
  label: string;
  message: string;
  outcome: DescentReport["outcome"];
}) {
  const warn = outcome === "diverged";
  return (
    <p
      className="rounded-md border border-line px-3 py-2"
      style={{
        borderLeftWidth: 4,
        borderLeftColor: warn
          ? palette.negative
          : outcome === "converged"
            ? palette.positive
            : palette.neutral,
      }}
    >
      <span className="font-semibold">{warn ? `⚠ ${label}: ` : `${label}: `}</span>
      {message}
    </p>
  );
}

function clamp(v: number, [lo, hi]: Range): number {
  return Math.min(hi, Math.max(lo, v));
}

/** Where a click landed, in the SVG's own coordinates. */
function svgPoint(event: MouseEvent<SVGSVGElement>, width: number, height: number): Pair {
  const box = event.currentTarget.getBoundingClientRect();
  return [
    ((event.clientX - box.left) / (box.width || 1)) * width,
    ((event.clientY - box.top) / (box.height || 1)) * height,
  ];
}

const haloText = {
  fill: palette.ink,
  stroke: palette.surface,
  strokeWidth: 3,
  paintOrder: "stroke",
  strokeLinejoin: "round",
} as const;

interface SlicePanelProps {
  width: number;
  height: number;
  title: string;
  name: string;
  domain: Range;
  curve: { w: Float64Array; loss: Float64Array };
  run: DescentRun;
  shown: number;
  clipId: string;
  onPick: (w: number) => void;
}

function SlicePanel({
  width,
  height,
  title,
  name,
  domain,
  curve,
  run,
  shown,
  clipId,
  onPick,
}: SlicePanelProps) {
  const t = useVizT("LossLandscape");
  const right = width - MARGIN.right;
  const bottom = height - MARGIN.bottom;
  const x = scaleLinear().domain(domain).range([MARGIN.left, right]);
  let top = -Infinity;
  let low = Infinity;
  for (const v of curve.loss) {
    if (Number.isFinite(v)) {
      top = Math.max(top, v);
      low = Math.min(low, v);
    }
  }
  // Zoom on the part of the curve the walk can reach: up to a little above the start, not to
  // the far ends of the weight's range, where a parabola towers over everything of interest.
  const startLoss = run.path[0]?.loss ?? top;
  const reach = Math.max(startLoss - low, 0.15 * (top - low));
  const ceiling = Number.isFinite(top) ? Math.min(top, low + 1.6 * reach) : 1;
  const y = scaleLinear()
    .domain([Math.min(0, low), ceiling > low ? ceiling : low + 1])
    .nice()
    .range([bottom, MARGIN.top]);
  const path =
    line<number>()
      .x((k) => x(curve.w[k] as number))
      .y((k) => y(curve.loss[k] as number))(Array.from(curve.w, (_, k) => k)) ?? "";
  const visible = run.path.slice(0, Math.min(shown, run.path.length - 1) + 1);
  const current = visible[visible.length - 1];
  const first = run.path[0];
  // The tangent at the current point: its slope is the gradient the next step follows.
  const tangent = current
    ? (() => {
        const w = current.point[0] ?? 0;
        const g = current.gradient[0] ?? 0;
        const half = (domain[1] - domain[0]) / 10;
        return [
          [x(w - half), y(current.loss - g * half)],
          [x(w + half), y(current.loss + g * half)],
        ] as const;
      })()
    : undefined;

  return (
    <div>
      <p className="mb-1 text-sm font-medium">{title}</p>
      <svg
        width="100%"
        viewBox={`0 0 ${width} ${height}`}
        style={{ display: "block", color: palette.ink, cursor: "crosshair", maxWidth: width }}
        fontSize={12}
        onClick={(event) => {
          const [px] = svgPoint(event, width, height);
          onPick(x.invert(px));
        }}
      >
        <defs>
          <clipPath id={clipId}>
            <rect
              x={MARGIN.left}
              y={MARGIN.top - 6}
              width={right - MARGIN.left + 6}
              height={bottom - MARGIN.top + 6}
            />
          </clipPath>
        </defs>
        <Axes x={x} y={y} height={height} xLabel={name} yLabel={t("axisLoss")} />
        <g clipPath={`url(#${clipId})`}>
          <path d={path} fill="none" stroke="currentColor" strokeWidth={2} />
          {tangent ? (
            <line
              x1={tangent[0][0]}
              y1={tangent[0][1]}
              x2={tangent[1][0]}
              y2={tangent[1][1]}
              stroke={palette.neutral}
              strokeWidth={1.5}
              strokeDasharray="3 3"
            />
          ) : null}
          {visible.map((s, k) => {
            const next = visible[k + 1];
            return next ? (
              <line
                key={`c${k}`}
                x1={x(s.point[0] ?? 0)}
                y1={y(s.loss)}
                x2={x(next.point[0] ?? 0)}
                y2={y(next.loss)}
                stroke={palette.negative}
                strokeWidth={1.5}
                strokeDasharray="5 3"
              />
            ) : null;
          })}
          {visible.map((s, k) => (
            <circle
              key={`p${k}`}
              cx={x(s.point[0] ?? 0)}
              cy={y(s.loss)}
              r={k === visible.length - 1 ? 6 : 3.5}
              fill={palette.negative}
              stroke={palette.surface}
              strokeWidth={1.5}
            />
          ))}
          {first ? (
            <text
              x={x(first.point[0] ?? 0)}
              y={y(first.loss) - 10}
              textAnchor="middle"
              {...haloText}
            >
              {t("startMarker")}
            </text>
          ) : null}
        </g>
      </svg>
    </div>
  );
}

interface MapPanelProps {
  width: number;
  height: number;
  title: string;
  names: readonly [string, string];
  grid: ReturnType<typeof sampleGrid>;
  lowest: Pair;
  run: DescentRun;
  shown: number;
  clipId: string;
  onPick: (point: Pair) => void;
}

function MapPanel({
  width,
  height,
  title,
  names,
  grid,
  lowest,
  run,
  shown,
  clipId,
  onPick,
}: MapPanelProps) {
  const t = useVizT("LossLandscape");
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const right = width - MARGIN.right;
  const bottom = height - MARGIN.bottom;
  const plotWidth = right - MARGIN.left;
  const plotHeight = bottom - MARGIN.top;
  const x = scaleLinear().domain(grid.w1).range([MARGIN.left, right]);
  const y = scaleLinear().domain(grid.w2).range([bottom, MARGIN.top]);

  // The heatmap is painted at one pixel per grid cell and stretched by the browser, which
  // smooths it; its colours are the same in both themes.
  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext("2d");
    if (!canvas || !ctx) return;
    canvas.width = grid.columns;
    canvas.height = grid.rows;
    const image = ctx.createImageData(grid.columns, grid.rows);
    fillGrid(image, grid.values, grid.columns, grid.rows, VIRIDIS, (v) =>
      tableIndex(shade(v, grid.min, grid.max), 0, 1),
    );
    ctx.putImageData(image, 0, 0);
  }, [grid]);

  const contours = useMemo(
    () => contourPaths(grid, contourLevels(grid.min, grid.max, LEVELS), plotWidth, plotHeight),
    [grid, plotWidth, plotHeight],
  );
  const visible = run.path.slice(0, Math.min(shown, run.path.length - 1) + 1);
  const points = visible.map((s) => [x(s.point[0] ?? 0), y(s.point[1] ?? 0)] as const);
  const pathD = points.map(([px, py], k) => `${k === 0 ? "M" : "L"}${px},${py}`).join("");
  const first = points[0];
  const current = points[points.length - 1];
  const [lx, ly] = [x(lowest[0]), y(lowest[1])];
  const startLabel = labelAwayFrom(points[0], points[1], {
    left: MARGIN.left,
    top: MARGIN.top,
    right,
    bottom,
  });

  return (
    <div>
      <p className="mb-1 text-sm font-medium">{title}</p>
      <div style={{ position: "relative", width: "100%", maxWidth: width }}>
        <canvas
          ref={canvasRef}
          width={grid.columns}
          height={grid.rows}
          style={{
            position: "absolute",
            left: `${(100 * MARGIN.left) / width}%`,
            top: `${(100 * MARGIN.top) / height}%`,
            width: `${(100 * plotWidth) / width}%`,
            height: `${(100 * plotHeight) / height}%`,
          }}
        />
        <svg
          width="100%"
          viewBox={`0 0 ${width} ${height}`}
          style={{
            display: "block",
            position: "relative",
            color: palette.ink,
            cursor: "crosshair",
          }}
          fontSize={12}
          onClick={(event) => {
            const [px, py] = svgPoint(event, width, height);
            onPick([x.invert(px), y.invert(py)]);
          }}
        >
          <defs>
            <clipPath id={clipId}>
              <rect x={MARGIN.left} y={MARGIN.top} width={plotWidth} height={plotHeight} />
            </clipPath>
          </defs>
          <Axes x={x} y={y} height={height} xLabel={names[0]} yLabel={names[1]} />
          <g transform={`translate(${MARGIN.left},${MARGIN.top})`} fill="none">
            {contours.map((c) => (
              <path key={c.level} d={c.d} stroke="#ffffff" strokeOpacity={0.55} strokeWidth={1} />
            ))}
          </g>
          <g clipPath={`url(#${clipId})`}>
            <path
              d={`M${lx - 6},${ly - 6}L${lx + 6},${ly + 6}M${lx - 6},${ly + 6}L${lx + 6},${ly - 6}`}
              stroke={palette.surface}
              strokeWidth={5}
            />
            <path
              d={`M${lx - 6},${ly - 6}L${lx + 6},${ly + 6}M${lx - 6},${ly + 6}L${lx + 6},${ly - 6}`}
              stroke={palette.ink}
              strokeWidth={2}
            />
            <path
              d={pathD}
              fill="none"
              stroke={palette.surface}
              strokeWidth={5}
              strokeLinejoin="round"
            />
            <path
              d={pathD}
              fill="none"
              stroke={palette.ink}
              strokeWidth={2}
              strokeLinejoin="round"
            />
            {points.map(([px, py], k) =>
              k === 0 || k === points.length - 1 ? null : (
                <circle
                  key={k}
                  cx={px}
                  cy={py}
                  r={3}
                  fill={palette.ink}
                  stroke={palette.surface}
                  strokeWidth={1.5}
                />
              ),
            )}
            {first ? (
              <>
                <circle
                  cx={first[0]}
                  cy={first[1]}
                  r={7}
                  fill="none"
                  stroke={palette.surface}
                  strokeWidth={5}
                />
                <circle
                  cx={first[0]}
                  cy={first[1]}
                  r={7}
                  fill="none"
                  stroke={palette.ink}
                  strokeWidth={2}
                />
                <text
                  x={first[0] + startLabel.dx}
                  y={first[1] + startLabel.dy}
                  textAnchor={startLabel.anchor}
                  {...haloText}
                >
                  {t("startMarker")}
                </text>
              </>
            ) : null}
            {current && points.length > 1 ? (
              <rect
                x={current[0] - 5.5}
                y={current[1] - 5.5}
                width={11}
                height={11}
                transform={`rotate(45 ${current[0]} ${current[1]})`}
                fill={palette.negative}
                stroke={palette.surface}
                strokeWidth={2}
              />
            ) : null}
            <text x={lx + 10} y={ly + 16} {...haloText}>
              {t("lowestMarker")}
            </text>
          </g>
        </svg>
      </div>
      <p className="mt-1 flex items-center gap-2 text-xs text-muted">
        <span
          style={{
            display: "inline-block",
            width: 64,
            height: 10,
            background: `linear-gradient(to right, ${[0, 0.25, 0.5, 0.75, 1].map((t) => tableColor(t)).join(", ")})`,
          }}
        />
        {t("colorKey")}
      </p>
    </div>
  );
}

/**
 * Where to put a point's label: away from the walk leaving the point if the text fits inside the
 * plot there, else across it, else along it.
 */
function labelAwayFrom(
  from: readonly [number, number] | undefined,
  to: readonly [number, number] | undefined,
  box: { left: number; top: number; right: number; bottom: number },
  textWidth = 30,
): { dx: number; dy: number; anchor: "start" | "end" } {
  const dx = from && to ? to[0] - from[0] : 1;
  const dy = from && to ? to[1] - from[1] : 0;
  const length = Math.hypot(dx, dy) || 1;
  const [ux, uy] = [dx / length, dy / length];
  const candidates: [number, number][] = [
    [-ux, -uy],
    [-uy, ux],
    [uy, -ux],
    [ux, uy],
  ];
  const place = ([cx, cy]: [number, number]) => ({
    dx: 12 * cx,
    dy: 12 * cy + 4,
    anchor: cx < 0 ? ("end" as const) : ("start" as const),
  });
  for (const c of candidates) {
    const p = place(c);
    const x0 = (from?.[0] ?? 0) + p.dx - (p.anchor === "end" ? textWidth : 0);
    const y0 = (from?.[1] ?? 0) + p.dy;
    if (x0 >= box.left && x0 + textWidth <= box.right && y0 - 10 >= box.top && y0 <= box.bottom) {
      return p;
    }
  }
  return place(candidates[0] ?? [1, 0]);
}

function tableColor(t: number): string {
  const i = 3 * tableIndex(t, 0, 1);
  return `rgb(${VIRIDIS[i] ?? 0}, ${VIRIDIS[i + 1] ?? 0}, ${VIRIDIS[i + 2] ?? 0})`;
}

/**
 * Tick labels with as many decimals as the tick step needs (what d3's own tick format shows), in
 * the page's language.
 */
function tickFormat(
  scale: ScaleLinear<number, number>,
  count: number,
  fmt: FormatNumber,
): (value: number) => string {
  const [d0, d1] = scale.domain() as [number, number];
  const decimals = precisionFixed(Math.abs(tickStep(d0, d1, count)) || 1);
  return (value) => fmt(value, decimals);
}

function Axes({
  x,
  y,
  height,
  xLabel,
  yLabel,
}: {
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
  height: number;
  xLabel: string;
  yLabel: string;
}) {
  const fmt = useFormatNumber();
  const [left, right] = x.range() as [number, number];
  const [bottom, top] = y.range() as [number, number];
  const xCount = Math.max(2, Math.floor((right - left) / 60));
  const yCount = Math.max(2, Math.floor((bottom - top) / 45));
  const xTicks = x.ticks(xCount);
  const yTicks = y.ticks(yCount);
  const xFormat = tickFormat(x, xCount, fmt);
  const yFormat = tickFormat(y, yCount, fmt);
  return (
    <g fill="currentColor" stroke="none">
      <path
        d={`M${left},${top}V${bottom}H${right}`}
        fill="none"
        stroke="currentColor"
        strokeOpacity={0.6}
      />
      {xTicks.map((t) => (
        <g key={`x${t}`} transform={`translate(${x(t)},${bottom})`}>
          <line y2={5} stroke="currentColor" strokeOpacity={0.6} />
          <text y={17} textAnchor="middle">
            {xFormat(t)}
          </text>
        </g>
      ))}
      {yTicks.map((t) => (
        <g key={`y${t}`} transform={`translate(${left},${y(t)})`}>
          <line x2={-5} stroke="currentColor" strokeOpacity={0.6} />
          <text x={-8} dy="0.32em" textAnchor="end">
            {yFormat(t)}
          </text>
        </g>
      ))}
      <text x={(left + right) / 2} y={height - 4} textAnchor="middle" fontStyle="italic">
        {xLabel}
      </text>
      <text
        transform={`translate(12,${(top + bottom) / 2}) rotate(-90)`}
        textAnchor="middle"
        fontStyle={yLabel.length <= 2 ? "italic" : undefined}
      >
        {yLabel}
      </text>
    </g>
  );
}
