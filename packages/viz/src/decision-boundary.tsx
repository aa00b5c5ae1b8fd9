"use client";

import { useThrottledComputation } from "./hooks/use-throttled.ts";
import { tickStep } from "d3-array";
import { precisionFixed } from "d3-format";
import { scaleLinear } from "d3-scale";
import {
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
} from "react";
import { useLocale } from "use-intl";
import {
  classColor,
  confidence,
  DEFAULT_DOMAIN,
  DEFAULT_RESOLUTION,
  DISCRETE_STRENGTH,
  describeBoundary,
  describeProbe,
  gridInputs,
  HEATMAP_STRENGTH,
  paintOutputs,
  planeGrid,
  sampleGrid,
  SIGMOID_OUTPUT,
  thresholdSegments,
  type OutputScale,
  type PlaneDomain,
  type PlaneGrid,
} from "./boundary-grid.ts";
import { prepareCanvas } from "./canvas.ts";
import { divergingScale, type Rgb } from "./color-scales.ts";
import { subscript } from "./format.ts";
import { useElementWidth } from "./hooks/use-element-width.ts";
import { useFormatNumber, useVizT } from "./i18n.tsx";

/** One example drawn on the plane. */
export interface BoundaryPoint {
  readonly x1: number;
  readonly x2: number;
  /** Its class: 0 or 1 (other labels are drawn grey, with their own marker shape). */
  readonly label: number;
  readonly split: "train" | "test";
}

/** A point of the plane where the model's output is read. */
export interface ProbePoint {
  readonly x1: number;
  readonly x2: number;
}

export interface DecisionBoundaryProps {
  /**
   * The model's output at every cell of the grid, row-major with row 0 at the top (highest x₂),
   * `resolution`² values. Takes precedence over `predict`.
   */
  outputs?: ArrayLike<number>;
  /**
   * Evaluates the model on `n` inputs, row-major [n × 2], e.g. the engine's `Trainer.predict`.
   * Called for the whole grid whenever it, `revision`, the resolution or the domain change, and
   * for single points under the probe, so it must return a fresh array each time (as
   * `Trainer.predict` does), not a buffer the next call overwrites.
   */
  predict?: (xs: Float64Array, n: number) => ArrayLike<number>;
  /** Change it (e.g. to the training step) when the model behind `predict` has changed. */
  revision?: number | string;
  /** The examples to draw on top: training points filled, test points hollow. */
  points?: readonly BoundaryPoint[];
  /** Cells per side of the grid the model is evaluated on. */
  resolution?: number;
  /** The part of the plane shown. */
  domain?: PlaneDomain;
  /** The outputs' range and the threshold between the classes. */
  outputScale?: OutputScale;
  /** Show only the two predicted classes, as two flat colours, instead of graded confidence. */
  discretize?: boolean;
  /** Draw the threshold line, where the output crosses from one class to the other. */
  contour?: boolean;
  /** Share of the training points classified right, in [0, 1], for the text alternative. */
  trainAccuracy?: number;
  /** Share of the test points classified right, in [0, 1]. */
  testAccuracy?: number;
  /** What the lesson calls class 0 and class 1. Default "class 0" and "class 1", translated. */
  classNames?: readonly [string, string];
  /** Where the probe sits (controlled), or null for none. */
  probe?: ProbePoint | null;
  /** Where the probe starts (uncontrolled). */
  defaultProbe?: ProbePoint | null;
  /** Called when the learner moves the probe by keyboard, click or tap. */
  onProbeChange?: (probe: ProbePoint | null) => void;
  /** Largest side of the plot in CSS pixels; it shrinks to fit narrower containers. */
  maxSize?: number;
  caption?: ReactNode;
  className?: string;
}

const MARGIN = { top: 8, right: 12, bottom: 40, left: 44 } as const;
/** How many probe steps cross the plane by arrow key; Shift moves five at a time. */
const PROBE_STEPS = 24;

function css([r, g, b]: Rgb): string {
  return `rgb(${r} ${g} ${b})`;
}

type MarkerShape = "circle" | "square" | "triangle" | "diamond";
const SHAPES: readonly MarkerShape[] = ["circle", "square", "triangle", "diamond"];

/** Class 0 is a circle, class 1 a square: class never depends on colour alone. */
export function markerShape(label: number): MarkerShape {
  return SHAPES[((label % SHAPES.length) + SHAPES.length) % SHAPES.length] ?? "circle";
}

function markerPath(
  ctx: CanvasRenderingContext2D,
  shape: MarkerShape,
  x: number,
  y: number,
  r: number,
): void {
  ctx.beginPath();
  switch (shape) {
    case "circle":
      ctx.arc(x, y, r, 0, 2 * Math.PI);
      break;
    case "square":
      ctx.rect(x - r * 0.88, y - r * 0.88, r * 1.76, r * 1.76);
      break;
    case "triangle":
      ctx.moveTo(x, y - r * 1.15);
      ctx.lineTo(x + r, y + r * 0.7);
      ctx.lineTo(x - r, y + r * 0.7);
      ctx.closePath();
      break;
    case "diamond":
      ctx.moveTo(x, y - r * 1.2);
      ctx.lineTo(x + r * 1.2, y);
      ctx.lineTo(x, y + r * 1.2);
      ctx.lineTo(x - r * 1.2, y);
      ctx.closePath();
      break;
  }
}

/** Offscreen buffers reused from frame to frame: the grid image, and the canvas it goes through. */
export interface BoundaryBuffers {
  image?: ImageData;
  canvas?: HTMLCanvasElement;
  /** One pre-drawn marker per class, split, radius and pixel ratio. */
  sprites?: Map<string, HTMLCanvasElement>;
}

export interface PaintBoundaryOptions {
  grid: PlaneGrid;
  values: ArrayLike<number>;
  /** Side of the square plot in CSS pixels. */
  size: number;
  points?: readonly BoundaryPoint[];
  scale?: OutputScale;
  discretize?: boolean;
  contour?: boolean;
}

/**
 * Draws one frame: the grid as an image (one pixel per cell, scaled up smoothly), the threshold
 * line, then the points. Exported for the frame-time benchmark.
 */
export function paintBoundary(
  ctx: CanvasRenderingContext2D,
  buffers: BoundaryBuffers,
  options: PaintBoundaryOptions,
): void {
  const { grid, values, size } = options;
  const scale = options.scale ?? SIGMOID_OUTPUT;
  if (buffers.image?.width !== grid.columns || buffers.image.height !== grid.rows) {
    buffers.image = new ImageData(grid.columns, grid.rows);
  }
  buffers.canvas ??= document.createElement("canvas");
  const offscreen = buffers.canvas;
  if (offscreen.width !== grid.columns) offscreen.width = grid.columns;
  if (offscreen.height !== grid.rows) offscreen.height = grid.rows;
  const octx = offscreen.getContext("2d");
  if (!octx) return;
  paintOutputs(buffers.image, values, grid, {
    scale,
    ...(options.discretize === undefined ? {} : { discretize: options.discretize }),
  });
  octx.putImageData(buffers.image, 0, 0);
  ctx.clearRect(0, 0, size, size);
  // Flat classes keep hard edges; graded confidence is smoothed between cell centres.
  ctx.imageSmoothingEnabled = !options.discretize;
  // Bilinear is enough for a smooth field and a third of the cost of "high" in Chromium.
  ctx.imageSmoothingQuality = "low";
  ctx.drawImage(offscreen, 0, 0, size, size);

  const { x1: d1, x2: d2 } = grid.domain;
  const px = (x: number) => ((x - d1[0]) / (d1[1] - d1[0])) * size;
  const py = (y: number) => ((d2[1] - y) / (d2[1] - d2[0])) * size;

  if (options.contour) {
    const seg = thresholdSegments(values, grid, scale.threshold);
    ctx.beginPath();
    for (let k = 0; k < seg.length; k += 4) {
      ctx.moveTo(px(seg[k] as number), py(seg[k + 1] as number));
      ctx.lineTo(px(seg[k + 2] as number), py(seg[k + 3] as number));
    }
    ctx.lineCap = "round";
    ctx.lineJoin = "round";
    // A pale casing under a dark line keeps it visible on both classes' colours.
    ctx.strokeStyle = "rgba(255 255 255 / 0.9)";
    ctx.lineWidth = 4;
    ctx.stroke();
    ctx.strokeStyle = "#111827";
    ctx.lineWidth = 2;
    ctx.stroke();
  }

  const points = options.points ?? [];
  const r = Math.max(2.5, Math.min(4.5, size / 100));
  // Each kind of marker is drawn once into a small sprite and stamped per point: one drawImage
  // costs a fraction of a path fill and stroke, which matters at a few hundred points a frame.
  const ratio = ctx.getTransform().a || 1;
  const half = Math.ceil(r * 1.25 + 2);
  // Training points first, so the hollow test points stay visible where they overlap.
  for (const split of ["train", "test"] as const) {
    for (const p of points) {
      if (p.split !== split) continue;
      const x = px(p.x1);
      const y = py(p.x2);
      if (x < -half || x > size + half || y < -half || y > size + half) continue;
      const sprite = markerSprite(buffers, p.label, split, r, half, ratio);
      if (sprite) ctx.drawImage(sprite, x - half, y - half, 2 * half, 2 * half);
    }
  }
}

function markerSprite(
  buffers: BoundaryBuffers,
  label: number,
  split: "train" | "test",
  r: number,
  half: number,
  ratio: number,
): HTMLCanvasElement | undefined {
  buffers.sprites ??= new Map();
  const key = `${label}:${split}:${r}:${ratio}`;
  const cached = buffers.sprites.get(key);
  if (cached) return cached;
  const sprite = document.createElement("canvas");
  sprite.width = sprite.height = Math.ceil(2 * half * ratio);
  const sctx = sprite.getContext("2d");
  if (!sctx) return undefined;
  sctx.scale(ratio, ratio);
  const color = css(classColor(label));
  markerPath(sctx, markerShape(label), half, half, r);
  sctx.fillStyle = split === "train" ? color : "#ffffff";
  sctx.fill();
  sctx.strokeStyle = split === "train" ? "#ffffff" : color;
  sctx.lineWidth = split === "train" ? 1.25 : 2;
  sctx.stroke();
  buffers.sprites.set(key, sprite);
  return sprite;
}

/** A marker as the plot draws it, for the legend. */
function LegendMarker({ label, split }: { label: number; split: "train" | "test" }) {
  const color = css(classColor(label));
  const shape = markerShape(label);
  const fill = split === "train" ? color : "#ffffff";
  const stroke = split === "train" ? "#ffffff" : color;
  const common = { fill, stroke, strokeWidth: split === "train" ? 1.25 : 2 };
  // Drawn on a swatch of its class's region, as on the plot, so it reads in dark mode too.
  const region = css(divergingScale(1)((label === 1 ? 1 : -1) * DISCRETE_STRENGTH));
  return (
    <svg aria-hidden="true" width="20" height="20" viewBox="0 0 20 20" className="shrink-0">
      <rect x="0.5" y="0.5" width="19" height="19" rx="4" fill={region} stroke="currentColor" />
      {shape === "circle" ? (
        <circle cx="10" cy="10" r="5" {...common} />
      ) : (
        <rect x="5.5" y="5.5" width="9" height="9" {...common} />
      )}
    </svg>
  );
}

/**
 * A 2-D classifier's output over the plane as a heatmap (purple for class 1, orange for class 0,
 * paler near the threshold), the training and test points on top, and a probe that reads the
 * output at any point by pointer or keyboard.
 */
export function DecisionBoundary(props: DecisionBoundaryProps) {
  const {
    outputs,
    predict,
    revision,
    points,
    resolution = DEFAULT_RESOLUTION,
    domain = DEFAULT_DOMAIN,
    outputScale = SIGMOID_OUTPUT,
    discretize = false,
    contour = false,
    trainAccuracy,
    testAccuracy,
    onProbeChange,
    maxSize = 480,
  } = props;
  const t = useVizT("DecisionBoundary");
  const fmt = useFormatNumber();
  const locale = useLocale();
  const classNames = props.classNames ?? [t("class0"), t("class1")];
  const descriptionId = useId();
  const hintId = useId();
  const wrapRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const buffers = useRef<BoundaryBuffers>({});
  const width = useElementWidth(wrapRef, maxSize + MARGIN.left + MARGIN.right);
  const size = Math.max(120, Math.min(maxSize, width - MARGIN.left - MARGIN.right));

  const [a1, b1] = domain.x1;
  const [a2, b2] = domain.x2;
  const grid = useMemo(
    () => planeGrid(resolution, { x1: [a1, b1], x2: [a2, b2] }),
    [resolution, a1, b1, a2, b2],
  );
  const inputs = useMemo(() => (outputs ? null : gridInputs(grid)), [grid, outputs]);
  const values = useMemo(() => {
    if (outputs) return outputs;
    if (!predict || !inputs) return null;
    return predict(inputs, grid.columns * grid.rows);
    // `revision` stands for the model's weights, which `predict` reads but React cannot see.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [outputs, predict, inputs, grid, revision]);

  const [lo, hi] = outputScale.range;
  const threshold = outputScale.threshold;
  const scale = useMemo<OutputScale>(() => ({ range: [lo, hi], threshold }), [lo, hi, threshold]);

  const [innerProbe, setInnerProbe] = useState<ProbePoint | null>(props.defaultProbe ?? null);
  const probe = props.probe === undefined ? innerProbe : props.probe;
  const [hover, setHover] = useState<ProbePoint | null>(null);
  const pointing = useRef(false);
  // What the probe last said, fixed when it moved: while training runs the output under a
  // resting probe changes every frame, and a screen reader should not be interrupted for that.
  const [announced, setAnnounced] = useState<{ at: ProbePoint; text: string } | null>(null);
  const setProbe = (next: ProbePoint | null) => {
    if (props.probe === undefined) setInnerProbe(next);
    setAnnounced(next && { at: next, text: probeText(next) });
    onProbeChange?.(next);
  };

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || !values) return;
    const ctx = prepareCanvas(canvas, size, size);
    if (!ctx) return;
    paintBoundary(ctx, buffers.current, {
      grid,
      values,
      size,
      scale,
      discretize,
      contour,
      ...(points ? { points } : {}),
    });
  }, [values, grid, size, scale, discretize, contour, points]);

  const description = useThrottledComputation(
    () => {
      if (!values) return t("noModel");
      const trainCount = points?.filter((p) => p.split === "train").length ?? 0;
      return describeBoundary(t, fmt, {
        grid,
        outputs: values,
        scale,
        classNames,
        trainPoints: trainCount,
        testPoints: (points?.length ?? 0) - trainCount,
        ...(trainAccuracy === undefined ? {} : { trainAccuracy }),
        ...(testAccuracy === undefined ? {} : { testAccuracy }),
      });
    },
    [values, grid, scale, points, trainAccuracy, testAccuracy, locale, ...classNames],
    1000,
  );

  const x = scaleLinear().domain(grid.domain.x1).range([0, size]);
  const y = scaleLinear().domain(grid.domain.x2).range([size, 0]);
  const shown = hover ?? probe;
  const outputAt = (p: ProbePoint): number => {
    if (outputs === undefined && predict) {
      return predict(Float64Array.of(p.x1, p.x2), 1)[0] ?? Number.NaN;
    }
    return values ? sampleGrid(values, grid, p.x1, p.x2) : Number.NaN;
  };
  const probeText = (p: ProbePoint) =>
    describeProbe(t, fmt, p.x1, p.x2, outputAt(p), scale, classNames);
  const probeValue = shown ? outputAt(shown) : Number.NaN;
  const readout = shown
    ? t(hover ? "pointerAt" : "probeAt", { probe: probeText(shown) })
    : t("readoutHint");

  const clampTo = (v: number, [min, max]: readonly [number, number]) =>
    Math.min(max, Math.max(min, v));
  const fromPointer = (event: PointerEvent<HTMLDivElement>): ProbePoint => {
    const rect = event.currentTarget.getBoundingClientRect();
    return {
      x1: clampTo(x.invert(event.clientX - rect.left), grid.domain.x1),
      x2: clampTo(y.invert(event.clientY - rect.top), grid.domain.x2),
    };
  };
  const centre = (): ProbePoint => ({ x1: (a1 + b1) / 2, x2: (a2 + b2) / 2 });
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const from = probe ?? centre();
    const big = event.shiftKey ? 5 : 1;
    const d1 = (b1 - a1) / PROBE_STEPS;
    const d2 = (b2 - a2) / PROBE_STEPS;
    const moves: Partial<Record<string, ProbePoint>> = {
      ArrowLeft: { x1: from.x1 - big * d1, x2: from.x2 },
      ArrowRight: { x1: from.x1 + big * d1, x2: from.x2 },
      ArrowUp: { x1: from.x1, x2: from.x2 + big * d2 },
      ArrowDown: { x1: from.x1, x2: from.x2 - big * d2 },
      PageUp: { x1: from.x1, x2: from.x2 + 5 * d2 },
      PageDown: { x1: from.x1, x2: from.x2 - 5 * d2 },
      Home: { x1: a1, x2: from.x2 },
      End: { x1: b1, x2: from.x2 },
    };
    const next = moves[event.key];
    if (!next) return;
    event.preventDefault();
    setHover(null);
    setProbe({
      // Rounded so that repeated steps land on tidy numbers (0.1, not 0.09999999).
      x1: Number(clampTo(next.x1, grid.domain.x1).toFixed(6)),
      x2: Number(clampTo(next.x2, grid.domain.x2).toFixed(6)),
    });
  };

  const totalWidth = size + MARGIN.left + MARGIN.right;
  const totalHeight = size + MARGIN.top + MARGIN.bottom;
  const tickCount = size < 260 ? 3 : 5;
  const ticks = x.ticks(tickCount);
  // As many decimals as the tick step needs, as d3's own tick format would print.
  const tickDecimals = precisionFixed(Math.abs(tickStep(a1, b1, tickCount)) || 1);
  const probeRing = shown ? { cx: x(shown.x1), cy: y(shown.x2) } : null;
  const probeTone = confidence(probeValue, scale);

  return (
    <figure aria-describedby={descriptionId} className={props.className}>
      <div
        ref={wrapRef}
        className="relative w-full"
        style={{ maxWidth: maxSize + MARGIN.left + MARGIN.right, height: totalHeight }}
      >
        <canvas
          ref={canvasRef}
          aria-hidden="true"
          className="absolute block"
          style={{ left: MARGIN.left, top: MARGIN.top, width: size, height: size }}
        />
        <svg
          aria-hidden="true"
          width={totalWidth}
          height={totalHeight}
          className="absolute top-0 left-0 overflow-visible"
          fontSize="12"
          fill="currentColor"
        >
          <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
            <rect
              width={size}
              height={size}
              fill="none"
              stroke="currentColor"
              strokeOpacity="0.6"
            />
            {ticks.map((tick) => (
              <g key={`x${tick}`} transform={`translate(${x(tick)},${size})`}>
                <line y2="5" stroke="currentColor" />
                <text y="18" textAnchor="middle">
                  {fmt(tick, tickDecimals)}
                </text>
              </g>
            ))}
            {ticks.map((tick) => (
              <g key={`y${tick}`} transform={`translate(0,${y(tick)})`}>
                <line x2="-5" stroke="currentColor" />
                <text x="-8" dy="0.32em" textAnchor="end">
                  {fmt(tick, tickDecimals)}
                </text>
              </g>
            ))}
            <text x={size / 2} y={size + 35} textAnchor="middle" fontSize="14">
              {subscript("x", 1)}
            </text>
            <text
              transform={`translate(${-36},${size / 2}) rotate(-90)`}
              textAnchor="middle"
              fontSize="14"
            >
              {subscript("x", 2)}
            </text>
            {probeRing ? (
              <g pointerEvents="none">
                <circle {...probeRing} r="9" fill="none" stroke="#ffffff" strokeWidth="4" />
                <circle {...probeRing} r="9" fill="none" stroke="#111827" strokeWidth="2" />
                <circle
                  {...probeRing}
                  r="3"
                  fill={css(divergingScale(1)(probeTone * HEATMAP_STRENGTH))}
                  stroke="#111827"
                />
              </g>
            ) : null}
          </g>
        </svg>
        {/* A 2-D probe as one slider (the colour-picker pattern): its value is x₁, its value
            text says both coordinates and the output there, so keys are announced as they move. */}
        <div
          role="slider"
          tabIndex={0}
          aria-label={t("probeLabel")}
          aria-valuemin={a1}
          aria-valuemax={b1}
          aria-valuenow={(probe ?? centre()).x1}
          aria-valuetext={
            !probe
              ? t("noProbe")
              : announced?.at.x1 === probe.x1 && announced.at.x2 === probe.x2
                ? announced.text
                : probeText(probe)
          }
          aria-describedby={hintId}
          className="absolute cursor-crosshair rounded-sm"
          style={{ left: MARGIN.left, top: MARGIN.top, width: size, height: size }}
          onPointerMove={(event) => {
            if (event.pointerType === "mouse") setHover(fromPointer(event));
          }}
          onPointerLeave={() => {
            setHover(null);
          }}
          onPointerDown={(event) => {
            pointing.current = true;
            setHover(null);
            setProbe(fromPointer(event));
          }}
          onFocus={() => {
            // Keyboard focus puts the probe in the centre; a click has already put it in place.
            if (!probe && !pointing.current) setProbe(centre());
            pointing.current = false;
          }}
          onBlur={() => {
            pointing.current = false;
          }}
          onKeyDown={onKeyDown}
        />
      </div>
      <p className="mt-2 min-h-[2.5em] text-sm tabular-nums">{readout}</p>
      <p id={hintId} className="sr-only">
        {t("keyHint")}
      </p>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label={t("legend")}>
        {[0, 1].map((label) => (
          <li key={label} className="flex items-center gap-1.5">
            <LegendMarker label={label} split="train" />
            {t(label === 1 ? "legendClass1" : "legendClass0", { name: classNames[label] ?? "" })}
          </li>
        ))}
        <li className="flex items-center gap-1.5">
          <LegendMarker label={0} split="test" />
          {t("legendSplit")}
        </li>
        {contour ? (
          <li className="flex items-center gap-1.5">
            <svg aria-hidden="true" width="20" height="20" viewBox="0 0 20 20">
              <line x1="2" y1="10" x2="18" y2="10" stroke="currentColor" strokeWidth="2" />
            </svg>
            {t("legendBoundary", { threshold: fmt(threshold) })}
          </li>
        ) : null}
      </ul>
      <p id={descriptionId} aria-live="polite" className="sr-only">
        {description}
      </p>
      <figcaption className="mt-2 text-sm text-muted">{props.caption ?? t("caption")}</figcaption>
    </figure>
  );
}
