"use client";

import type { NetworkSpec, NetworkWeights } from "@neuronlab/engine/network-spec";
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
  DEFAULT_DOMAIN,
  HEATMAP_STRENGTH,
  planeGrid,
  sampleGrid,
  type PlaneDomain,
  type PlaneGrid,
} from "./boundary-grid.ts";
import { divergingScale } from "./color-scales.ts";
import { useThrottledComputation } from "./hooks/use-throttled.ts";
import { useElementWidth } from "./hooks/use-element-width.ts";
import { useFormatNumber, useVizT } from "./i18n.tsx";
import {
  activationLabel,
  computeUnitGrids,
  describeUnit,
  describeUnitMaps,
  describeUnitPattern,
  paintUnit,
  unitMidpoint,
  unitName,
} from "./unit-grids.ts";

/** One unit of the network: its layer (0 = first hidden layer) and its index in that layer. */
export interface UnitRef {
  readonly layer: number;
  readonly unit: number;
}

export interface NeuronMapsProps {
  /** The network's shape; it must take two inputs (the plane's x₁ and x₂). */
  spec: NetworkSpec;
  /** Its current weights, e.g. `trainer.getWeights()`; pass new ones to redraw. */
  weights: NetworkWeights;
  /** Cells per side of each map. */
  resolution?: number;
  /** The part of the plane every map shows. */
  domain?: PlaneDomain;
  /** Largest side of a small map in CSS pixels; maps shrink to fit narrow screens. */
  mapSize?: number;
  /** The unit shown enlarged (controlled). */
  selected?: UnitRef;
  /** The unit shown enlarged at first (uncontrolled); the output unit by default. */
  defaultSelected?: UnitRef;
  onSelectedChange?: (unit: UnitRef) => void;
  caption?: ReactNode;
  className?: string;
}

const GAP = 8;
const DETAIL_SIZE = 200;

/** One unit's grid, painted as a tiny image that CSS scales up smoothly. */
function UnitImage({
  values,
  grid,
  activation,
  size,
}: {
  values: Float64Array;
  grid: PlaneGrid;
  activation: NetworkSpec["layers"][number]["activation"];
  size: number;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext("2d");
    if (!canvas || !ctx) return;
    const image = ctx.createImageData(grid.columns, grid.rows);
    paintUnit(image, values, grid, activation);
    ctx.putImageData(image, 0, 0);
  }, [values, grid, activation]);
  return (
    <canvas
      ref={ref}
      aria-hidden="true"
      width={grid.columns}
      height={grid.rows}
      className="block rounded-[3px]"
      style={{ width: size, height: size }}
    />
  );
}

function clampUnit(spec: NetworkSpec, ref: UnitRef): UnitRef {
  const layer = Math.min(Math.max(ref.layer, 0), spec.layers.length - 1);
  const units = spec.layers[layer]?.units ?? 1;
  return { layer, unit: Math.min(Math.max(ref.unit, 0), units - 1) };
}

/** The colour key: orange for low, white for the activation's middle, purple for high. */
function ColorKey({ spec }: { spec: NetworkSpec }) {
  const t = useVizT("NeuronMaps");
  const fmt = useFormatNumber();
  const stops = [-1, -0.5, 0, 0.5, 1].map((t) => {
    const [r, g, b] = divergingScale(1)(t * HEATMAP_STRENGTH);
    return { t, color: `rgb(${r} ${g} ${b})` };
  });
  const gradientId = useId();
  const kinds = [...new Set(spec.layers.map((l) => l.activation))];
  const unbounded = kinds.some((k) => k === "relu" || k === "leakyRelu" || k === "linear");
  return (
    <div className="mt-3 flex flex-wrap items-center gap-2 text-sm">
      <span>{t("low")}</span>
      <svg aria-hidden="true" width="120" height="14" className="shrink-0">
        <defs>
          <linearGradient id={gradientId}>
            {stops.map((s) => (
              <stop key={s.t} offset={`${(s.t + 1) * 50}%`} stopColor={s.color} />
            ))}
          </linearGradient>
        </defs>
        <rect
          x="0.5"
          y="0.5"
          width="119"
          height="13"
          rx="3"
          fill={`url(#${gradientId})`}
          stroke="currentColor"
        />
      </svg>
      <span>{t("high")}</span>
      <span className="text-muted">
        {t(unbounded ? "whiteKeyUnbounded" : "whiteKey", {
          // What white stands for on each kind of map: 0, or 0.5 for sigmoid and softmax.
          list: kinds
            .map((k) => {
              const middle = unitMidpoint(k);
              return t("whiteMeans", {
                activation: k,
                value: fmt(middle, Number.isInteger(middle) ? 0 : 1),
              });
            })
            .join(", "),
        })}
      </span>
    </div>
  );
}

/**
 * Every unit of a small 2-input network drawn as a map of its activation over the plane, one
 * column per layer: the first layer's straight-edged features, the next layers' combinations of
 * them, and the output built from those. Any map can be enlarged and read point by point.
 */
export function NeuronMaps(props: NeuronMapsProps) {
  const {
    spec,
    weights,
    resolution = 40,
    domain = DEFAULT_DOMAIN,
    mapSize = 72,
    onSelectedChange,
  } = props;
  const t = useVizT("NeuronMaps");
  const fmt = useFormatNumber();
  const locale = useLocale();
  const descriptionId = useId();
  const layersRef = useRef<HTMLDivElement>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const width = useElementWidth(layersRef, spec.layers.length * (mapSize + 8 + GAP));

  const [a1, b1] = domain.x1;
  const [a2, b2] = domain.x2;
  const grid = useMemo(
    () => planeGrid(resolution, { x1: [a1, b1], x2: [a2, b2] }),
    [resolution, a1, b1, a2, b2],
  );
  const grids = useMemo(() => computeUnitGrids(spec, weights, grid), [spec, weights, grid]);
  // Finding words for every map costs about as much as computing them: while training runs,
  // the names and the description are refreshed once a second, not every frame.
  const { labels, description } = useThrottledComputation(
    () => ({
      labels: spec.layers.map((layer, l) =>
        Array.from({ length: layer.units }, (_, j) => describeUnit(t, fmt, spec, grids, l, j)),
      ),
      description: describeUnitMaps(t, fmt, spec, grids),
    }),
    [spec, grids, locale],
    1000,
  );

  const outputUnit: UnitRef = { layer: spec.layers.length - 1, unit: 0 };
  const [innerSelected, setInnerSelected] = useState<UnitRef>(props.defaultSelected ?? outputUnit);
  const selected = clampUnit(spec, props.selected ?? innerSelected);
  const select = (next: UnitRef) => {
    if (props.selected === undefined) setInnerSelected(next);
    onSelectedChange?.(next);
  };
  const [preview, setPreview] = useState<UnitRef | null>(null);
  const [reading, setReading] = useState<{ x1: number; x2: number } | null>(null);

  const shown = preview ? clampUnit(spec, preview) : selected;
  const shownValues = grids.layers[shown.layer]?.[shown.unit];
  const shownActivation = spec.layers[shown.layer]?.activation ?? "linear";
  const readingValue =
    reading && shownValues ? sampleGrid(shownValues, grid, reading.x1, reading.x2) : Number.NaN;

  const columns = spec.layers.length;
  // Each map sits in a button with a 2 px border and 2 px padding on either side.
  const size = Math.max(
    28,
    Math.min(mapSize, Math.floor((width - GAP * (columns - 1)) / columns) - 8),
  );

  const pointAt = (event: PointerEvent<HTMLElement>, side: number) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const u = Math.min(Math.max((event.clientX - rect.left) / side, 0), 1);
    const v = Math.min(Math.max((event.clientY - rect.top) / side, 0), 1);
    return { x1: a1 + u * (b1 - a1), x2: b2 - v * (b2 - a2) };
  };

  const key = (ref: UnitRef) => `${ref.layer}:${ref.unit}`;
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const last = spec.layers.length - 1;
    const unitsIn = (l: number) => spec.layers[l]?.units ?? 1;
    const { layer, unit } = selected;
    // Columns are centred on each other, so moving across keeps the same height on screen: from
    // the single output unit into a layer of six, the step lands beside it, in the middle.
    const across = (to: number): UnitRef => {
      const ratio = unitsIn(to) / unitsIn(layer);
      return clampUnit(spec, { layer: to, unit: Math.round((unit + 0.5) * ratio - 0.5) });
    };
    const moves: Partial<Record<string, UnitRef>> = {
      ArrowUp: { layer, unit: Math.max(0, unit - 1) },
      ArrowDown: { layer, unit: Math.min(unitsIn(layer) - 1, unit + 1) },
      ArrowLeft: layer > 0 ? across(layer - 1) : selected,
      ArrowRight: layer < last ? across(layer + 1) : selected,
      Home: { layer: 0, unit: 0 },
      End: { layer: last, unit: unitsIn(last) - 1 },
    };
    const next = moves[event.key];
    if (!next) return;
    event.preventDefault();
    setPreview(null);
    setReading(null);
    select(next);
    buttons.current.get(key(next))?.focus();
  };

  const pattern = shownValues ? describeUnitPattern(t, fmt, shownValues, grid) : t("noValues");
  const shownPattern = `${pattern.charAt(0).toUpperCase()}${pattern.slice(1)}.`;

  return (
    <figure aria-describedby={descriptionId} className={props.className}>
      <div className="flex flex-wrap items-start gap-6">
        <div
          ref={layersRef}
          className="min-w-0 flex-1"
          style={{ minWidth: 140, maxWidth: columns * (mapSize + 8 + GAP) }}
        >
          <div aria-hidden="true" className="mb-2 flex items-end" style={{ gap: GAP }}>
            {spec.layers.map((layer, l) => (
              <span
                key={l}
                className="shrink-0 text-center text-xs leading-tight text-muted"
                style={{ width: size + 8 }}
              >
                {l === spec.layers.length - 1 ? t("output") : t("layer", { layer: l + 1 })}
                <br />
                {activationLabel(t, layer.activation)}
              </span>
            ))}
          </div>
          <div
            role="radiogroup"
            aria-label={t("mapsLabel")}
            className="flex items-center"
            style={{ gap: GAP }}
          >
            {spec.layers.map((layer, l) => (
              <div
                key={l}
                className="flex shrink-0 flex-col items-center"
                style={{ gap: GAP / 2, width: size + 8 }}
              >
                {Array.from({ length: layer.units }, (_, j) => {
                  const ref = { layer: l, unit: j };
                  const values = grids.layers[l]?.[j];
                  const isSelected = selected.layer === l && selected.unit === j;
                  return (
                    <button
                      key={j}
                      ref={(node) => {
                        if (node) buttons.current.set(key(ref), node);
                        else buttons.current.delete(key(ref));
                      }}
                      type="button"
                      role="radio"
                      aria-checked={isSelected}
                      aria-label={labels[l]?.[j] ?? unitName(t, spec, l, j)}
                      tabIndex={isSelected ? 0 : -1}
                      onKeyDown={onKeyDown}
                      className={`rounded-md border-2 p-0.5 ${isSelected ? "border-accent" : "border-transparent hover:border-line"}`}
                      onClick={() => {
                        setPreview(null);
                        select(ref);
                      }}
                      onFocus={() => {
                        if (!isSelected) select(ref);
                      }}
                      onPointerMove={(event) => {
                        if (event.pointerType !== "mouse") return;
                        setPreview(ref);
                        setReading(pointAt(event, size + 8));
                      }}
                      onPointerLeave={() => {
                        setPreview(null);
                        setReading(null);
                      }}
                    >
                      {values ? (
                        <UnitImage
                          values={values}
                          grid={grid}
                          activation={layer.activation}
                          size={size}
                        />
                      ) : null}
                    </button>
                  );
                })}
              </div>
            ))}
          </div>
        </div>
        <div className="w-full max-w-[232px] sm:w-auto">
          <p className="text-sm font-semibold">
            {unitName(t, spec, shown.layer, shown.unit)}{" "}
            <span className="font-normal text-muted">({activationLabel(t, shownActivation)})</span>
          </p>
          <div
            aria-hidden="true"
            className="mt-2 border border-line"
            style={{ width: DETAIL_SIZE + 2, height: DETAIL_SIZE + 2 }}
            onPointerMove={(event) => {
              if (event.pointerType === "mouse") setReading(pointAt(event, DETAIL_SIZE));
            }}
            onPointerLeave={() => {
              setReading(null);
            }}
          >
            {shownValues ? (
              <UnitImage
                key={key(shown)}
                values={shownValues}
                grid={grid}
                activation={shownActivation}
                size={DETAIL_SIZE}
              />
            ) : null}
          </div>
          <p className="mt-2 text-sm">{shownPattern}</p>
          <p className="mt-1 min-h-[1.5em] text-sm tabular-nums">
            {reading
              ? t("readingAt", {
                  x1: fmt(reading.x1),
                  x2: fmt(reading.x2),
                  value: fmt(readingValue),
                })
              : t("readingHint")}
          </p>
        </div>
      </div>
      <ColorKey spec={spec} />
      <p id={descriptionId} aria-live="polite" className="sr-only">
        {description}
      </p>
      <figcaption className="mt-2 text-sm text-muted">{props.caption ?? t("caption")}</figcaption>
    </figure>
  );
}
