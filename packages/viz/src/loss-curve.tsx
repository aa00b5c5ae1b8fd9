"use client";

import { useThrottledValue } from "./hooks/use-throttled.ts";
import { format } from "d3-format";
import { scaleLinear, scaleLog } from "d3-scale";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { useLocale } from "use-intl";
import { prepareCanvas } from "./canvas.ts";
import { Figure } from "./figure.tsx";
import { decimalMark } from "./format.ts";
import { useElementWidth } from "./hooks/use-element-width.ts";
import { useVizT } from "./i18n.tsx";
import {
  describeLossCurve,
  lossDomain,
  lossNumberFormat,
  stepDomain,
  type LossCurveLabels,
  type LossScale,
  type LossSeries,
} from "./loss-series.ts";
import { palette } from "./palette.ts";

// The series type travels with the component, so a lesson needs one import.
export { LossSeries, describeLossCurve, formatLoss } from "./loss-series.ts";
export type {
  LossScale,
  LossCurveLabels,
  LossNumberFormat,
  LossPoint,
  LossWords,
  Trend,
} from "./loss-series.ts";

export interface LossCurveDrawInfo {
  /** Milliseconds the canvas drawing took (scales, axes and both curves). */
  durationMs: number;
  /** Points the series held when drawn. */
  points: number;
  /** Line vertices actually drawn: at most two per pixel column and series. */
  vertices: number;
}

export interface LossCurveProps {
  /** Training loss per step. The figure reads it when `version` changes. */
  train: LossSeries;
  /** Test (held-out) loss, often measured less often than every step. */
  test?: LossSeries;
  /**
   * Change it whenever points were appended (a counter, or the point count): the series are
   * mutable, so this is how the figure knows to redraw and to update its text.
   */
  version?: number;
  /** Controlled y scale. */
  scale?: LossScale;
  /** Uncontrolled starting y scale. Default "linear". */
  defaultScale?: LossScale;
  onScaleChange?: (scale: LossScale) => void;
  /** Whether to show the linear/log switch. Default true. */
  showScaleControl?: boolean;
  /** Height of the plot in CSS pixels. Default 260. */
  height?: number;
  /** Names of the two curves, as the legend and the text alternative say them. */
  labels?: Partial<LossCurveLabels>;
  caption?: ReactNode;
  /**
   * Least time in milliseconds between two updates of the spoken text alternative while points
   * stream in, so a screen reader is not flooded. Default 2000; 0 updates at once.
   */
  announceEvery?: number;
  /** Called after every redraw, with its cost; the benchmark and the demo read it. */
  onDraw?: (info: LossCurveDrawInfo) => void;
  className?: string;
}

export interface LossCurveColors {
  train: string;
  test: string;
  text: string;
  grid: string;
  axis: string;
}

export interface DrawLossCurveOptions {
  width: number;
  height: number;
  train: LossSeries;
  test?: LossSeries | undefined;
  scale: LossScale;
  colors: LossCurveColors;
  /** Text to show while there is nothing to draw. */
  emptyText?: string;
  /** The axes' names, in the page's language. Default English. */
  axisLabels?: LossAxisLabels;
  /** The page's language, for the tick labels' decimal mark. Default "en". */
  locale?: string;
}

export interface LossAxisLabels {
  step: string;
  loss: string;
  /** The loss axis on a logarithmic scale. */
  logLoss: string;
}

const ENGLISH_AXES: LossAxisLabels = { step: "step", loss: "loss", logLoss: "loss (log scale)" };

/** A d3 tick label with the language's marks: "2,000" and "0.5" become "2.000" and "0,5" in German. */
function localTick(label: string, locale: string): string {
  if (decimalMark(locale) !== ",") return label;
  return label.replace(/[.,]/g, (mark) => (mark === "." ? "," : "."));
}

const FONT = "12px ui-sans-serif, system-ui, sans-serif";
const MARGIN = { top: 22, right: 14, bottom: 34 };
const TEST_DASH = [7, 4];

/**
 * Draws the loss curve onto a prepared 2D context (CSS-pixel coordinates). Each curve goes
 * through `LossSeries.envelope`, so the cost follows the width of the plot, not the number of
 * points: at most two vertices per pixel column and curve. Returns how many vertices it drew.
 */
export function drawLossCurve(
  ctx: CanvasRenderingContext2D,
  {
    width,
    height,
    train,
    test,
    scale,
    colors,
    emptyText,
    axisLabels = ENGLISH_AXES,
    locale = "en",
  }: DrawLossCurveOptions,
): number {
  const series = test && test.length > 0 ? [train, test] : [train];
  const [x0, x1] = stepDomain(series);
  const y =
    scale === "log"
      ? scaleLog().domain(lossDomain(series, "log")).nice().clamp(true)
      : scaleLinear().domain(lossDomain(series, "linear")).nice();
  const tickCount = Math.max(2, Math.min(6, Math.floor(height / 50)));
  const yTicks = y.ticks(tickCount);
  const yFormat = scale === "log" ? y.tickFormat(tickCount, "~g") : y.tickFormat(tickCount);
  const yLabels = yTicks.map((t) => localTick(yFormat(t), locale));

  ctx.clearRect(0, 0, width, height);
  ctx.font = FONT;
  const labelWidth = Math.max(...yLabels.map((l) => ctx.measureText(l).width), 10);
  const left = Math.ceil(labelWidth) + 12;
  const right = width - MARGIN.right;
  const top = MARGIN.top;
  const bottom = height - MARGIN.bottom;
  y.range([bottom, top]);
  const x = scaleLinear().domain([x0, x1]).range([left, right]);
  const xTicks = x.ticks(Math.max(2, Math.floor((right - left) / 80)));
  const xFormat = x1 >= 10_000 ? format("~s") : x.tickFormat();

  ctx.lineWidth = 1;
  ctx.strokeStyle = colors.grid;
  ctx.fillStyle = colors.text;
  ctx.textAlign = "right";
  ctx.textBaseline = "middle";
  yTicks.forEach((t, i) => {
    const label = yLabels[i] ?? "";
    // A logarithmic axis has ticks at 2, 3, …, 9 × each power of ten; only labelled ones get a line.
    if (label === "") return;
    const py = Math.round(y(t)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(left, py);
    ctx.lineTo(right, py);
    ctx.stroke();
    ctx.fillText(label, left - 6, py);
  });
  ctx.textBaseline = "top";
  for (const t of xTicks) {
    const px = Math.round(x(t)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(px, bottom);
    ctx.lineTo(px, bottom + 4);
    ctx.stroke();
    // The last label may not fit centred under its tick on a narrow plot: keep it inside.
    const label = localTick(xFormat(t), locale);
    const overflow = px + ctx.measureText(label).width / 2 > width - 1;
    ctx.textAlign = overflow ? "right" : "center";
    ctx.fillText(label, overflow ? width - 1 : px, bottom + 6);
  }
  ctx.strokeStyle = colors.axis;
  ctx.beginPath();
  ctx.moveTo(left + 0.5, top);
  ctx.lineTo(left + 0.5, bottom + 0.5);
  ctx.lineTo(right, bottom + 0.5);
  ctx.stroke();
  ctx.textAlign = "right";
  ctx.textBaseline = "bottom";
  ctx.fillText(axisLabels.step, right, height - 2);
  ctx.textAlign = "left";
  ctx.textBaseline = "top";
  ctx.fillText(scale === "log" ? axisLabels.logLoss : axisLabels.loss, 2, 2);

  if (train.length === 0 && !(test && test.length > 0)) {
    if (emptyText) {
      ctx.textAlign = "center";
      ctx.textBaseline = "middle";
      ctx.fillText(emptyText, (left + right) / 2, (top + bottom) / 2);
    }
    return 0;
  }

  ctx.save();
  ctx.beginPath();
  ctx.rect(left, top - 4, right - left + 4, bottom - top + 4);
  ctx.clip();
  ctx.lineWidth = 2;
  // Bevel joins and two vertices per pixel column (lowest, highest) rasterise in under half the
  // time of round joins through all four M4 points, with no visible difference at this width.
  ctx.lineJoin = "bevel";
  let vertices = 0;
  const curves = [
    { s: train, color: colors.train, dash: [] as number[] },
    ...(test ? [{ s: test, color: colors.test, dash: TEST_DASH }] : []),
  ];
  for (const { s, color, dash } of curves) {
    if (s.length === 0) continue;
    const line = s.envelope(x0, x1, right - left, "minmax");
    ctx.strokeStyle = color;
    ctx.setLineDash(dash);
    ctx.beginPath();
    for (let i = 0; i < line.x.length; i++) {
      const px = x(line.x[i] as number);
      const py = y(line.y[i] as number);
      if (i === 0) ctx.moveTo(px, py);
      else ctx.lineTo(px, py);
    }
    ctx.stroke();
    vertices += line.x.length;
  }
  ctx.setLineDash([]);
  // The latest point of each curve is marked by its own shape: a disc for training, a square
  // for test, so the two stay apart without colour.
  curves.forEach(({ s, color }, k) => {
    const p = s.latest;
    if (!p || !Number.isFinite(p.value)) return;
    const px = x(p.step);
    const py = y(p.value);
    ctx.fillStyle = color;
    ctx.beginPath();
    if (k === 0) ctx.arc(px, py, 4, 0, 2 * Math.PI);
    else ctx.rect(px - 4, py - 4, 8, 8);
    ctx.fill();
  });
  ctx.restore();
  return vertices;
}

/** Resolves the theme's colours (CSS custom properties) for the canvas, which cannot read them. */
function themeColors(element: Element): LossCurveColors {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const text = read("--muted", style.color || "#475569");
  return {
    train: read("--viz-positive", "#1f6fb4"),
    test: read("--viz-negative", "#b35200"),
    text,
    grid: read("--line", "#d5dbe6"),
    axis: text,
  };
}

/** A counter that moves when the page's theme changes (a class on <html>, or the system's). */
function useThemeRevision(): number {
  const [revision, setRevision] = useState(0);
  useEffect(() => {
    const bump = () => {
      setRevision((r) => r + 1);
    };
    const observer = new MutationObserver(bump);
    observer.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ["class", "style", "data-theme"],
    });
    // Older embedded browsers and test DOMs have no matchMedia.
    const media =
      typeof window.matchMedia === "function"
        ? window.matchMedia("(prefers-color-scheme: dark)")
        : undefined;
    media?.addEventListener("change", bump);
    return () => {
      observer.disconnect();
      media?.removeEventListener("change", bump);
    };
  }, []);
  return revision;
}

/**
 * Training and test loss as they stream in, on a linear or logarithmic axis. Drawn on a canvas
 * from a per-pixel summary of each series, so 100,000 points redraw as fast as 100.
 */
export function LossCurve({
  train,
  test,
  version = 0,
  scale: scaleProp,
  defaultScale = "linear",
  onScaleChange,
  showScaleControl = true,
  height = 260,
  labels: labelsProp,
  caption,
  announceEvery = 2000,
  onDraw,
  className,
}: LossCurveProps) {
  const t = useVizT("LossCurve");
  const locale = useLocale();
  const fmt = lossNumberFormat(locale, {
    notANumber: t("notANumber"),
    infinite: t("infinite"),
    minusInfinity: t("minusInfinity"),
  });
  const [ownScale, setOwnScale] = useState<LossScale>(defaultScale);
  const scale = scaleProp ?? ownScale;
  const setScale = (next: LossScale) => {
    if (scaleProp === undefined) setOwnScale(next);
    onScaleChange?.(next);
  };
  const labels: LossCurveLabels = {
    train: labelsProp?.train ?? t("trainLabel"),
    test: labelsProp?.test ?? t("testLabel"),
  };
  // Strings, not an object, so that the drawing effect below reruns only when the words change.
  const [stepLabel, lossLabel, logLossLabel] = [t("axisStep"), t("axisLoss"), t("axisLossLog")];
  const emptyText = t("empty");

  const boxRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const width = useElementWidth(boxRef, 640);
  const theme = useThemeRevision();
  const onDrawRef = useRef(onDraw);
  useEffect(() => {
    onDrawRef.current = onDraw;
  }, [onDraw]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const frame = requestAnimationFrame(() => {
      const t0 = performance.now();
      const ctx = prepareCanvas(canvas, width, height);
      if (!ctx) return;
      const vertices = drawLossCurve(ctx, {
        width,
        height,
        train,
        test,
        scale,
        colors: themeColors(canvas),
        emptyText,
        axisLabels: { step: stepLabel, loss: lossLabel, logLoss: logLossLabel },
        locale,
      });
      onDrawRef.current?.({
        durationMs: performance.now() - t0,
        points: train.length + (test?.length ?? 0),
        vertices,
      });
    });
    return () => {
      cancelAnimationFrame(frame);
    };
  }, [
    train,
    test,
    version,
    scale,
    width,
    height,
    theme,
    emptyText,
    stepLabel,
    lossLabel,
    logLossLabel,
    locale,
  ]);

  const description = useThrottledValue(
    describeLossCurve(t, fmt, train, test, scale, labels),
    announceEvery,
  );
  const name = useId();
  const trainLatest = train.latest;
  const testLatest = test?.latest;

  return (
    <div className={className}>
      {showScaleControl ? (
        <fieldset className="mb-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
          <legend className="float-left mr-3 font-medium">{t("scaleLegend")}</legend>
          {(["linear", "log"] as const).map((option) => (
            <label key={option} className="inline-flex items-center gap-1.5">
              <input
                type="radio"
                name={name}
                value={option}
                checked={scale === option}
                onChange={() => {
                  setScale(option);
                }}
              />
              {t(option === "linear" ? "linear" : "logarithmic")}
            </label>
          ))}
        </fieldset>
      ) : null}
      <Figure caption={caption ?? t("caption")} description={description}>
        <div ref={boxRef} style={{ width: "100%" }}>
          <ul
            className="mb-1 flex flex-wrap gap-x-5 gap-y-1 text-sm"
            style={{ listStyle: "none", padding: 0, margin: "0 0 0.25rem" }}
          >
            <LegendItem
              color={palette.positive}
              dashed={false}
              text={
                trainLatest
                  ? t("legendItem", { label: labels.train, value: fmt.loss(trainLatest.value) })
                  : labels.train
              }
            />
            {test ? (
              <LegendItem
                color={palette.negative}
                dashed
                text={
                  testLatest
                    ? t("legendItem", { label: labels.test, value: fmt.loss(testLatest.value) })
                    : labels.test
                }
              />
            ) : null}
          </ul>
          <canvas ref={canvasRef} style={{ display: "block", width: "100%", height }} />
        </div>
      </Figure>
    </div>
  );
}

function LegendItem({
  color,
  dashed,
  text,
}: {
  color: string;
  dashed: boolean;
  /** The curve's name and latest value. */
  text: string;
}) {
  return (
    <li className="inline-flex items-center gap-1.5">
      <svg width="30" height="10" viewBox="0 0 30 10">
        <line
          x1="1"
          y1="5"
          x2="29"
          y2="5"
          stroke={color}
          strokeWidth="2.5"
          strokeDasharray={dashed ? TEST_DASH.join(" ") : undefined}
        />
        {dashed ? (
          <rect x="11" y="1" width="8" height="8" fill={color} />
        ) : (
          <circle cx="15" cy="5" r="4" fill={color} />
        )}
      </svg>
      <span>{text}</span>
    </li>
  );
}
