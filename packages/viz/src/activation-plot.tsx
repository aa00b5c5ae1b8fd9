"use client";

import {
  useId,
  useRef,
  useState,
  type KeyboardEvent as ReactKeyboardEvent,
  type PointerEvent as ReactPointerEvent,
  type ReactNode,
} from "react";
import { activation, type ActivationName } from "@neuronlab/engine/activations";
import { Figure } from "./figure.tsx";
import { useElementWidth } from "./hooks/use-element-width.ts";
import { useFormatNumber, useVizT } from "./i18n.tsx";
import {
  ACTIVATION_NAMES,
  activationAt,
  boundedRange,
  describeActivationPlot,
  useActivationLabels,
  type ActivationPlotWords,
} from "./neuron-math.ts";
import { palette } from "./palette.ts";
import {
  innerSize,
  linePath,
  linearScale,
  linearTicks,
  paddedExtent,
  sampleFunction,
  tickDecimals,
  type Domain,
  type Margins,
  type NumericScale,
} from "./plot-scales.ts";

// The package exports this file, not neuron-math.ts: re-export what a page choosing curves needs.
export {
  ACTIVATION_NAMES,
  activationLabels,
  activationLabelsFrom,
  useActivationLabels,
  type ActivationLabels,
} from "./neuron-math.ts";

export type ActivationPlotLayout = "overlay" | "side-by-side";

export interface ActivationPlotProps {
  /** Which curves to draw, in this order. Default: all five. */
  activations?: readonly ActivationName[];
  /** All curves on one pair of axes, or one small plot each. Default "overlay". */
  layout?: ActivationPlotLayout;
  /** The marker's position (controlled). */
  z?: number;
  /** The marker's first position when uncontrolled. Default 1. */
  defaultZ?: number;
  /** Called with the new z when the learner drags the marker or moves the slider. */
  onZChange?: (z: number) => void;
  /** The z axis. Default [−4, 4]. */
  zDomain?: Domain;
  /** The output axis of the overlay (curves leaving it are clipped). Default [−1.5, 3]. */
  yDomain?: Domain;
  /** Step of the marker, by keyboard and when dragged. Default 0.1. */
  step?: number;
  caption?: ReactNode;
  className?: string;
}

export interface LineStyle {
  color: string;
  /** SVG stroke-dasharray; undefined for a solid line. */
  dash: string | undefined;
  width: number;
}

/**
 * One colour and one dash pattern per activation, so the curves stay apart in greyscale and for
 * colour-blind readers. The colours keep 3:1 against both the light and the dark canvas; a theme
 * may override them through the CSS variables.
 */
export const activationLineStyles: Readonly<Record<ActivationName, LineStyle>> = {
  // Drawn first and wide with round dots: where ReLU and leaky ReLU lie on top of it (z > 0),
  // its beads still show on either side of them.
  linear: { color: palette.neutral, dash: "0.1 8", width: 5 },
  relu: {
    color: "var(--viz-series-relu, var(--viz-positive, #1f6fb4))",
    dash: undefined,
    width: 3,
  },
  leakyRelu: {
    color: "var(--viz-series-leaky-relu, var(--viz-negative, #b35200))",
    dash: "6 4",
    width: 2,
  },
  sigmoid: { color: "var(--viz-series-sigmoid, #009e73)", dash: "12 5", width: 2.5 },
  tanh: { color: "var(--viz-series-tanh, #a3559a)", dash: "12 4 2 4", width: 2.5 },
};

const DRAW_ORDER: readonly ActivationName[] = ["linear", "relu", "leakyRelu", "sigmoid", "tanh"];

/** A short stretch of a line style, for legends. */
export function LineSwatch({ style, width = 36 }: { style: LineStyle; width?: number }) {
  return (
    <svg
      aria-hidden="true"
      width={width}
      height={12}
      viewBox={`0 0 ${width} 12`}
      className="inline-block shrink-0 align-middle"
    >
      <line
        x1={3}
        y1={6}
        x2={width - 3}
        y2={6}
        stroke={style.color}
        strokeWidth={style.width}
        strokeDasharray={style.dash}
        strokeLinecap={style.dash?.startsWith("0.1") ? "round" : "butt"}
      />
    </svg>
  );
}

export interface PlotAxesProps {
  x: NumericScale;
  y: NumericScale;
  margin: Margins;
  width: number;
  height: number;
  xLabel: string;
  yLabel: string;
  xTickCount?: number;
  yTickCount?: number;
}

/** Grid, zero lines, ticks and axis names of a line plot, in the current text colour. */
export function PlotAxes(props: PlotAxesProps) {
  const { x, y, margin, width, height, xLabel, yLabel } = props;
  const fmt = useFormatNumber();
  const inner = innerSize(width, height, margin);
  const left = margin.left;
  const right = margin.left + inner.width;
  const top = margin.top;
  const bottom = margin.top + inner.height;
  // The tick labels in the page's language: the same decimals, its decimal mark.
  const localTicks = (ticks: ReturnType<typeof linearTicks>) => {
    const step = ticks.length > 1 ? Math.abs((ticks[1]?.value ?? 0) - (ticks[0]?.value ?? 0)) : 1;
    const decimals = tickDecimals(step);
    return ticks.map((tick) => ({ ...tick, label: fmt(tick.value, decimals) }));
  };
  const xTicks = localTicks(linearTicks(x, props.xTickCount ?? 5));
  const yTicks = localTicks(linearTicks(y, props.yTickCount ?? 5));
  return (
    <g fontSize="12" fill="currentColor">
      {yTicks.map((t) => (
        <g key={`y${t.value}`}>
          <line
            x1={left}
            x2={right}
            y1={t.position}
            y2={t.position}
            stroke="currentColor"
            strokeOpacity={t.value === 0 ? 0.55 : 0.12}
          />
          <text x={left - 6} y={t.position + 4} textAnchor="end">
            {t.label}
          </text>
        </g>
      ))}
      {xTicks.map((t) => (
        <g key={`x${t.value}`}>
          <line
            x1={t.position}
            x2={t.position}
            y1={top}
            y2={bottom}
            stroke="currentColor"
            strokeOpacity={t.value === 0 ? 0.55 : 0.12}
          />
          <text x={t.position} y={bottom + 16} textAnchor="middle">
            {t.label}
          </text>
        </g>
      ))}
      {/* The frame, so the plot has an edge where no tick falls. */}
      <rect
        x={left}
        y={top}
        width={inner.width}
        height={inner.height}
        fill="none"
        stroke="currentColor"
        strokeOpacity={0.3}
      />
      <text x={right} y={bottom + 32} textAnchor="end" fontStyle="italic">
        {xLabel}
      </text>
      <text
        transform={`translate(12,${(top + bottom) / 2}) rotate(-90)`}
        textAnchor="middle"
        fontStyle="italic"
      >
        {yLabel}
      </text>
    </g>
  );
}

/** Text over lines: a halo in the background colour keeps it readable where a curve crosses. */
const halo = {
  stroke: palette.surface,
  strokeWidth: 4,
  strokeLinejoin: "round",
  paintOrder: "stroke",
} as const;

const OVERLAY_MARGIN: Margins = { top: 26, right: 14, bottom: 38, left: 52 };
const PANEL_MARGIN: Margins = { top: 36, right: 10, bottom: 38, left: 50 };
const PANEL_MIN_WIDTH = 210;
const PANEL_HEIGHT = 190;
const PANEL_GAP = 12;

function snap(value: number, step: number, [lo, hi]: Domain): number {
  const snapped = Math.round(value / step) * step;
  return Number(Math.min(hi, Math.max(lo, snapped)).toFixed(6));
}

/** Per-panel output axis: the curve over the z axis, its bounded range and 0, with some room. */
function panelYDomain(name: ActivationName, zDomain: Domain): Domain {
  const f = activation(name);
  const values = sampleFunction(f.apply, zDomain, 81).map((p) => p.y);
  const [lo, hi] = f.range;
  const extra = Number.isFinite(lo) && Number.isFinite(hi) ? [lo, hi] : [];
  return paddedExtent([...values, ...extra, 0], 0.08);
}

/**
 * The activation functions of the course, on shared axes or side by side, with a marker at z that
 * reads off f(z) and f′(z) for every curve. Drag on the plot or use the slider (arrow keys, Page
 * Up/Down, Home/End) to move it.
 */
export function ActivationPlot({
  activations: shown = ACTIVATION_NAMES,
  layout = "overlay",
  z: controlledZ,
  defaultZ = 1,
  onZChange,
  zDomain = [-4, 4],
  yDomain = [-1.5, 3],
  step = 0.1,
  caption,
  className,
}: ActivationPlotProps) {
  const t = useVizT("ActivationPlot");
  const fmt = useFormatNumber();
  const labels = useActivationLabels();
  const [innerZ, setInnerZ] = useState(defaultZ);
  const z = controlledZ ?? innerZ;
  const setZ = (next: number) => {
    if (!Number.isFinite(next)) return;
    const value = snap(next, step, zDomain);
    if (value === z) return;
    if (controlledZ === undefined) setInnerZ(value);
    onZChange?.(value);
  };

  const containerRef = useRef<HTMLDivElement>(null);
  const width = Math.max(280, useElementWidth(containerRef, 640));
  const svgRef = useRef<SVGSVGElement>(null);
  const dragging = useRef(false);
  const [sliderFocused, setSliderFocused] = useState(false);
  const sliderId = useId();
  const clipBase = `activation-plot-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;

  // Text and table follow the order asked for; the drawing stacks the curves so none hides another.
  const names = shown.filter((n, i) => ACTIVATION_NAMES.includes(n) && shown.indexOf(n) === i);
  const drawOrder = (curves: readonly ActivationName[]) =>
    DRAW_ORDER.filter((n) => curves.includes(n));
  const sideBySide = layout === "side-by-side";
  const columns = sideBySide
    ? Math.max(
        1,
        Math.min(names.length, Math.floor((width + PANEL_GAP) / (PANEL_MIN_WIDTH + PANEL_GAP))),
      )
    : 1;
  const panelWidth = sideBySide ? (width - PANEL_GAP * (columns - 1)) / columns : width;
  const rows = sideBySide ? Math.ceil(names.length / columns) : 1;
  const overlayHeight = Math.round(Math.min(340, Math.max(260, width * 0.55)));
  const panelHeight = sideBySide ? PANEL_HEIGHT : overlayHeight;
  const height = sideBySide ? rows * PANEL_HEIGHT + (rows - 1) * PANEL_GAP : overlayHeight;
  const margin = sideBySide ? PANEL_MARGIN : OVERLAY_MARGIN;
  const inner = innerSize(panelWidth, panelHeight, margin);
  const x = linearScale(zDomain, [margin.left, margin.left + inner.width]);

  const zFromPointer = (event: ReactPointerEvent<SVGSVGElement>) => {
    const svg = svgRef.current;
    if (!svg) return;
    const rect = svg.getBoundingClientRect();
    if (rect.width === 0) return;
    const px = ((event.clientX - rect.left) * width) / rect.width;
    const column = sideBySide
      ? Math.min(columns - 1, Math.floor(px / (panelWidth + PANEL_GAP)))
      : 0;
    setZ(x.invert(px - column * (panelWidth + PANEL_GAP)));
  };

  const onPointerDown = (event: ReactPointerEvent<SVGSVGElement>) => {
    if (event.button !== 0) return;
    dragging.current = true;
    event.currentTarget.setPointerCapture(event.pointerId);
    zFromPointer(event);
  };
  const onPointerMove = (event: ReactPointerEvent<SVGSVGElement>) => {
    if (dragging.current) zFromPointer(event);
  };
  const endDrag = () => {
    dragging.current = false;
  };

  // Native range inputs step by one `step` per arrow key; Page Up/Down jump a whole unit of z,
  // which browsers do not agree on by themselves.
  const onSliderKeyDown = (event: ReactKeyboardEvent<HTMLInputElement>) => {
    const jump = Math.max(step, 1);
    if (event.key === "PageUp") setZ(z + jump);
    else if (event.key === "PageDown") setZ(z - jump);
    else return;
    event.preventDefault();
  };

  const panel = (
    curves: readonly ActivationName[],
    y: NumericScale,
    key: string,
    title?: string,
  ) => {
    const clipId = `${clipBase}-${key}`;
    const top = margin.top;
    const bottom = margin.top + inner.height;
    const markerX = x(z);
    return (
      <>
        <PlotAxes
          x={x}
          y={y}
          margin={margin}
          width={panelWidth}
          height={panelHeight}
          xLabel="z"
          yLabel="f(z)"
          xTickCount={sideBySide || inner.width < 360 ? 4 : 8}
          yTickCount={sideBySide ? 4 : 6}
        />
        <clipPath id={clipId}>
          <rect x={margin.left} y={top} width={inner.width} height={inner.height} />
        </clipPath>
        {title ? (
          <text x={margin.left} y={13} fontSize="13" fontWeight="600" fill="currentColor">
            {title}
          </text>
        ) : null}
        <g clipPath={`url(#${clipId})`}>
          <RangeBands names={curves} x={x} y={y} part="fill" overlay={!sideBySide} />
          {drawOrder(curves).map((name) => {
            const style = activationLineStyles[name];
            const f = activation(name);
            return (
              <path
                key={name}
                d={linePath(sampleFunction(f.apply, zDomain, 161), x, y)}
                fill="none"
                stroke={style.color}
                strokeWidth={style.width}
                strokeDasharray={style.dash}
                strokeLinecap={name === "linear" ? "round" : "butt"}
                strokeLinejoin="round"
                data-activation={name}
              />
            );
          })}
          {sideBySide
            ? curves.map((name) => <Tangent key={name} name={name} z={z} x={x} y={y} />)
            : null}
          <line
            x1={markerX}
            x2={markerX}
            y1={top}
            y2={bottom}
            stroke="currentColor"
            strokeWidth={sliderFocused ? 2.5 : 1.5}
            strokeDasharray="4 3"
          />
          {curves.map((name) => {
            const { value } = activationAt(name, z);
            return (
              <circle
                key={name}
                cx={markerX}
                cy={y(value)}
                r={4.5}
                fill={activationLineStyles[name].color}
                stroke={palette.surface}
                strokeWidth={1.5}
              />
            );
          })}
        </g>
        {/* Range labels above the curves and the marker, so nothing crosses their text. */}
        <RangeBands
          names={curves}
          x={x}
          y={y}
          part="labels"
          overlay={!sideBySide}
          short={sideBySide || inner.width < 360}
          words={{ t, fmt, labels }}
        />
        {/* The handle on the z axis: the part of the marker a learner grabs. */}
        <path
          d={`M${markerX},${bottom - 10} l-7,10 h14 z`}
          fill="currentColor"
          stroke={palette.surface}
          strokeWidth={sliderFocused ? 0 : 1}
        />
        <text
          x={Math.min(Math.max(markerX, margin.left + 30), margin.left + inner.width - 30)}
          y={top - 7}
          textAnchor="middle"
          fontSize="12"
          fill="currentColor"
          {...halo}
        >
          {`z = ${fmt(z)}`}
        </text>
      </>
    );
  };

  let drawing: ReactNode;
  if (!sideBySide) {
    drawing = panel(names, linearScale(yDomain, [margin.top + inner.height, margin.top]), "all");
  } else {
    drawing = names.map((name, i) => {
      const col = i % columns;
      const row = Math.floor(i / columns);
      const y = linearScale(panelYDomain(name, zDomain), [margin.top + inner.height, margin.top], {
        nice: 4,
      });
      return (
        <g
          key={name}
          transform={`translate(${col * (panelWidth + PANEL_GAP)},${row * (PANEL_HEIGHT + PANEL_GAP)})`}
        >
          {panel([name], y, name, labels[name])}
        </g>
      );
    });
  }

  return (
    <div ref={containerRef} className={className}>
      <Figure
        caption={caption ?? t(sideBySide ? "captionSideBySide" : "captionOverlay")}
        description={describeActivationPlot(names, z, zDomain, { t, fmt, labels })}
      >
        <svg
          ref={svgRef}
          viewBox={`0 0 ${width} ${height}`}
          width="100%"
          style={{
            display: "block",
            height: "auto",
            color: palette.ink,
            cursor: "ew-resize",
            // Vertical swipes still scroll the page on a phone; horizontal ones move the marker.
            touchAction: "pan-y",
            userSelect: "none",
          }}
          fontFamily="inherit"
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={endDrag}
          onPointerCancel={endDrag}
          onLostPointerCapture={endDrag}
          data-testid="activation-plot-drawing"
        >
          {drawing}
        </svg>
      </Figure>
      <div className="mt-3 flex items-center gap-3">
        <label htmlFor={sliderId} className="shrink-0 font-medium">
          {t("zMarker")}
        </label>
        <input
          id={sliderId}
          type="range"
          min={zDomain[0]}
          max={zDomain[1]}
          step={step}
          value={z}
          aria-valuetext={`z = ${fmt(z)}`}
          onChange={(event) => {
            setZ(Number(event.currentTarget.value));
          }}
          onKeyDown={onSliderKeyDown}
          onFocus={() => {
            setSliderFocused(true);
          }}
          onBlur={() => {
            setSliderFocused(false);
          }}
          className="min-w-0 flex-1"
        />
        <span aria-hidden="true" className="w-14 shrink-0 text-right tabular-nums">
          {fmt(z)}
        </span>
      </div>
      <table className="mt-3 w-full border-collapse text-left text-sm tabular-nums">
        <caption className="pb-1 text-left font-medium">{t("valuesAt", { z: fmt(z) })}</caption>
        <thead>
          <tr>
            <th scope="col" className="border-b border-line py-1 pr-2 font-semibold">
              {t("curve")}
            </th>
            <th scope="col" className="border-b border-line px-2 py-1 text-right font-semibold">
              f(z)
            </th>
            <th scope="col" className="border-b border-line py-1 pl-2 text-right font-semibold">
              f′(z)
            </th>
          </tr>
        </thead>
        <tbody>
          {names.map((name) => {
            const { value, slope } = activationAt(name, z);
            const range = boundedRange(name, fmt);
            return (
              <tr key={name}>
                <th scope="row" className="border-b border-line py-1 pr-2 font-normal">
                  <span className="inline-flex items-center gap-2">
                    <LineSwatch style={activationLineStyles[name]} />
                    {labels[name]}
                    {range ? (
                      <span className="text-xs opacity-80">{t("range", { range })}</span>
                    ) : null}
                  </span>
                </th>
                <td className="border-b border-line px-2 py-1 text-right">{fmt(value)}</td>
                <td className="border-b border-line py-1 pl-2 text-right">{fmt(slope)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The bounded ranges, (0, 1) for sigmoid and (−1, 1) for tanh, as shaded bands between dashed
 * guides ("fill", under the curves), each labelled ("labels", over them), so a learner sees where
 * those outputs can never go.
 */
function RangeBands({
  names,
  x,
  y,
  part,
  overlay,
  short = false,
  words,
}: {
  names: readonly ActivationName[];
  x: NumericScale;
  y: NumericScale;
  part: "fill" | "labels";
  overlay: boolean;
  /** Leave out words the panel title or a narrow plot cannot afford. */
  short?: boolean;
  /** The labels' words and numbers; only the "labels" part needs them. */
  words?: ActivationPlotWords;
}) {
  const [left, right] = x.range() as [number, number];
  const bands = names.flatMap((name) => {
    const [lo, hi] = activation(name).range;
    return Number.isFinite(lo) && Number.isFinite(hi) ? [{ name, lo, hi }] : [];
  });
  return (
    <g>
      {bands.map(({ name, lo, hi }, i) => {
        const yTop = y(hi);
        const yBottom = y(lo);
        const color = activationLineStyles[name].color;
        if (part === "fill") {
          return (
            <g key={name}>
              <rect
                x={left}
                y={yTop}
                width={right - left}
                height={Math.max(0, yBottom - yTop)}
                fill={color}
                fillOpacity={0.08}
              />
              {[yTop, yBottom].map((yy) => (
                <line
                  key={yy}
                  x1={left}
                  x2={right}
                  y1={yy}
                  y2={yy}
                  stroke={color}
                  strokeOpacity={0.8}
                  strokeDasharray="3 3"
                />
              ))}
            </g>
          );
        }
        if (!words) return null;
        const { t, fmt, labels } = words;
        const range = boundedRange(name, fmt) ?? "";
        const label = !overlay
          ? t("range", { range })
          : t(short ? "namedRangeShort" : "namedRange", { name: labels[name], range });
        // In the overlay, the first band's label sits at the top left, the second's at the bottom
        // right: the corners the curves leave empty.
        const atBottom = overlay && i % 2 === 1;
        return (
          <text
            key={name}
            x={atBottom ? right - 6 : left + 6}
            y={atBottom ? yBottom - 6 : yTop + 15}
            textAnchor={atBottom ? "end" : "start"}
            fontSize="12"
            fill="currentColor"
            {...halo}
          >
            {label}
          </text>
        );
      })}
    </g>
  );
}

/** A short stretch of the tangent at z: f′(z) as a slope the eye can see. */
function Tangent({
  name,
  z,
  x,
  y,
}: {
  name: ActivationName;
  z: number;
  x: NumericScale;
  y: NumericScale;
}) {
  const { value, slope } = activationAt(name, z);
  const [d0, d1] = x.domain() as [number, number];
  const half = (d1 - d0) * 0.12;
  return (
    <line
      x1={x(z - half)}
      y1={y(value - slope * half)}
      x2={x(z + half)}
      y2={y(value + slope * half)}
      stroke="currentColor"
      strokeWidth={1.5}
      strokeOpacity={0.8}
    />
  );
}
