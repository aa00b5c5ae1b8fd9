import { contours } from "d3-contour";
import { scaleLinear, type ScaleLinear } from "d3-scale";
import { fillGrid } from "./canvas.ts";
import { colorTable, divergingScale, tableIndex, type Rgb } from "./color-scales.ts";
import type { FormatNumber, VizT } from "./i18n.tsx";

/**
 * The plane a 2-D model is drawn over: the grid of input points fed to the model, how its outputs
 * become colours, the threshold line, and the numbers a text alternative reports. Plain functions
 * on typed arrays, shared by the decision boundary and the neuron maps.
 */

/** The rectangle of inputs a figure shows: x₁ left to right, x₂ bottom to top. */
export interface PlaneDomain {
  readonly x1: readonly [number, number];
  readonly x2: readonly [number, number];
}

export const DEFAULT_DOMAIN: PlaneDomain = { x1: [-1.2, 1.2], x2: [-1.2, 1.2] };

/** Cells per side of a decision-boundary grid by default: 10,000 model evaluations per frame. */
export const DEFAULT_RESOLUTION = 100;

/** The most cells per side a grid may have (a 1000×1000 grid is already a million evaluations). */
export const MAX_RESOLUTION = 1000;

/**
 * A grid of `columns`×`rows` cells over `domain`, row-major, row 0 at the top (highest x₂), so
 * that cell k is pixel k of an image of the plane. Each cell is sampled at its centre.
 */
export interface PlaneGrid {
  readonly columns: number;
  readonly rows: number;
  readonly domain: PlaneDomain;
}

export function planeGrid(
  resolution: number | readonly [number, number] = DEFAULT_RESOLUTION,
  domain: PlaneDomain = DEFAULT_DOMAIN,
): PlaneGrid {
  const [columns, rows] = typeof resolution === "number" ? [resolution, resolution] : resolution;
  for (const size of [columns, rows]) {
    if (!Number.isInteger(size) || size < 1 || size > MAX_RESOLUTION) {
      throw new RangeError(
        `A grid needs a whole number of cells per side between 1 and ${MAX_RESOLUTION}, got ${size}.`,
      );
    }
  }
  for (const [lo, hi] of [domain.x1, domain.x2]) {
    if (!(Number.isFinite(lo) && Number.isFinite(hi) && hi > lo)) {
      throw new RangeError(
        `A domain runs from a smaller to a larger finite number, got [${lo}, ${hi}].`,
      );
    }
  }
  return { columns, rows, domain };
}

/** Grid coordinates (0 at the left/top edge, `columns`/`rows` at the right/bottom) ↔ inputs. */
export function gridScales(grid: PlaneGrid): {
  x1: ScaleLinear<number, number>;
  x2: ScaleLinear<number, number>;
} {
  return {
    x1: scaleLinear().domain([0, grid.columns]).range(grid.domain.x1),
    x2: scaleLinear().domain([0, grid.rows]).range([grid.domain.x2[1], grid.domain.x2[0]]),
  };
}

/** The input point at the centre of every cell, row-major [cells × 2] as a model's batch. */
export function gridInputs(grid: PlaneGrid): Float64Array {
  const { columns, rows } = grid;
  const scales = gridScales(grid);
  const xs = new Float64Array(columns * rows * 2);
  const x1 = Float64Array.from({ length: columns }, (_, c) => scales.x1(c + 0.5));
  for (let r = 0; r < rows; r++) {
    const x2 = scales.x2(r + 0.5);
    for (let c = 0; c < columns; c++) {
      const k = 2 * (r * columns + c);
      xs[k] = x1[c] as number;
      xs[k + 1] = x2;
    }
  }
  return xs;
}

/** The cell under the input point (x₁, x₂), or −1 outside the grid. */
export function cellIndexAt(grid: PlaneGrid, x1: number, x2: number): number {
  const scales = gridScales(grid);
  const c = Math.floor(scales.x1.invert(x1));
  const r = Math.floor(scales.x2.invert(x2));
  if (!(c >= 0 && c < grid.columns && r >= 0 && r < grid.rows)) return -1;
  return r * grid.columns + c;
}

/**
 * A grid's value at any point of the plane, interpolated between the four nearest cell centres
 * (and held flat beyond the outermost centres). NaN outside the domain.
 */
export function sampleGrid(
  values: ArrayLike<number>,
  grid: PlaneGrid,
  x1: number,
  x2: number,
): number {
  const { columns, rows } = grid;
  const scales = gridScales(grid);
  const gx = scales.x1.invert(x1);
  const gy = scales.x2.invert(x2);
  if (!(gx >= 0 && gx <= columns && gy >= 0 && gy <= rows)) return Number.NaN;
  const fx = Math.min(Math.max(gx - 0.5, 0), columns - 1);
  const fy = Math.min(Math.max(gy - 0.5, 0), rows - 1);
  const c0 = Math.floor(fx);
  const r0 = Math.floor(fy);
  const c1 = Math.min(c0 + 1, columns - 1);
  const r1 = Math.min(r0 + 1, rows - 1);
  const tx = fx - c0;
  const ty = fy - r0;
  const at = (r: number, c: number) => values[r * columns + c] ?? Number.NaN;
  const top = at(r0, c0) * (1 - tx) + at(r0, c1) * tx;
  const bottom = at(r1, c0) * (1 - tx) + at(r1, c1) * tx;
  return top * (1 - ty) + bottom * ty;
}

/** How a model's outputs read: the range they live in and where one class turns into the other. */
export interface OutputScale {
  /** The outputs' range, e.g. [0, 1] for a sigmoid. */
  readonly range: readonly [number, number];
  /** Outputs at or above it are class 1. */
  readonly threshold: number;
}

export const SIGMOID_OUTPUT: OutputScale = { range: [0, 1], threshold: 0.5 };

/**
 * How far an output is from the threshold towards either end of its range: −1 at the bottom of
 * the range (sure of class 0), 0 at the threshold, 1 at the top (sure of class 1).
 */
export function confidence(value: number, scale: OutputScale = SIGMOID_OUTPUT): number {
  const [lo, hi] = scale.range;
  const t = scale.threshold;
  if (!Number.isFinite(value)) return 0;
  if (value >= t) return hi > t ? Math.min((value - t) / (hi - t), 1) : 1;
  return lo < t ? Math.max((value - t) / (t - lo), -1) : -1;
}

/**
 * The heatmap's colours stop short of the scale's darkest ends, so the saturated point markers
 * (drawn with those ends) stay visible on top of the regions they belong to.
 */
export const HEATMAP_STRENGTH = 0.62;

/** Where flat colours sit on the scale when the output is shown as two classes only. */
export const DISCRETE_STRENGTH = 0.5;

const TABLE_STEPS = 256;
let sharedTable: Uint8ClampedArray | undefined;

/** The diverging (orange ↔ white ↔ purple) lookup table the boundary is painted with. */
export function boundaryColorTable(): Uint8ClampedArray {
  sharedTable ??= colorTable(divergingScale(1), -HEATMAP_STRENGTH, HEATMAP_STRENGTH, TABLE_STEPS);
  return sharedTable;
}

/** Where the point markers' colours sit on the scale: darker than any heatmap cell. */
export const POINT_STRENGTH = 0.9;

/** The colour of a class in the figures: near its end of the diverging scale (purple 1, orange 0). */
export function classColor(label: number): Rgb {
  if (label === 0 || label === 1) return divergingScale(1)((label === 1 ? 1 : -1) * POINT_STRENGTH);
  return [91, 100, 114];
}

/**
 * Paints a grid of model outputs into `image` (one pixel per cell): purple where the model says
 * class 1, orange for class 0, paler the closer the output is to the threshold. `discretize`
 * drops the shading and shows just the two classes.
 */
export function paintOutputs(
  image: ImageData,
  outputs: ArrayLike<number>,
  grid: PlaneGrid,
  options: { scale?: OutputScale; discretize?: boolean } = {},
): void {
  const scale = options.scale ?? SIGMOID_OUTPUT;
  const flat = DISCRETE_STRENGTH / HEATMAP_STRENGTH;
  const index = options.discretize
    ? (v: number) => tableIndex(v >= scale.threshold ? flat : -flat, -1, 1, TABLE_STEPS)
    : (v: number) => tableIndex(confidence(v, scale), -1, 1, TABLE_STEPS);
  fillGrid(image, outputs, grid.columns, grid.rows, boundaryColorTable(), index);
}

/**
 * The threshold line as straight segments in input coordinates, [x₁, x₂, x₁′, x₂′] per segment,
 * traced by marching squares (d3-contour). Pieces along the grid's edge, where d3 closes each
 * region, are left out: they are the frame, not the boundary.
 */
export function thresholdSegments(
  outputs: ArrayLike<number>,
  grid: PlaneGrid,
  threshold: number,
): Float64Array {
  const { columns, rows } = grid;
  // d3-contour only indexes its values, so a typed array serves without a 10,000-element copy.
  const values = outputs as unknown as number[];
  const [shape] = contours().size([columns, rows]).thresholds([threshold])(values);
  const scales = gridScales(grid);
  const onEdge = (x: number, y: number) => x <= 0 || x >= columns || y <= 0 || y >= rows;
  const out: number[] = [];
  for (const polygon of shape?.coordinates ?? []) {
    for (const ring of polygon) {
      for (let k = 1; k < ring.length; k++) {
        const [ax = 0, ay = 0] = ring[k - 1] ?? [];
        const [bx = 0, by = 0] = ring[k] ?? [];
        if (onEdge(ax, ay) || onEdge(bx, by)) continue;
        out.push(scales.x1(ax), scales.x2(ay), scales.x1(bx), scales.x2(by));
      }
    }
  }
  return Float64Array.from(out);
}

export interface GridStats {
  /** Share of the cells at or above the threshold (class 1), in [0, 1]. */
  readonly above: number;
  readonly min: number;
  readonly max: number;
}

export function gridStats(values: ArrayLike<number>, threshold: number): GridStats {
  let above = 0;
  let min = Infinity;
  let max = -Infinity;
  let count = 0;
  // An ArrayLike (what predict functions return) is not iterable, so no for…of here.
  // eslint-disable-next-line @typescript-eslint/prefer-for-of
  for (let k = 0; k < values.length; k++) {
    const v = values[k] as number;
    if (!Number.isFinite(v)) continue;
    count++;
    if (v >= threshold) above++;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return count === 0
    ? { above: 0, min: Number.NaN, max: Number.NaN }
    : { above: above / count, min, max };
}

/** Named parts of the plane, as keys: the figures' messages say them in words. */
export type PlaneRegion =
  | "leftHalf"
  | "rightHalf"
  | "topHalf"
  | "bottomHalf"
  | "topLeftQuarter"
  | "topRightQuarter"
  | "bottomLeftQuarter"
  | "bottomRightQuarter"
  | "allButTopLeft"
  | "allButTopRight"
  | "allButBottomLeft"
  | "allButBottomRight"
  | "topRightDiagonal"
  | "bottomLeftDiagonal"
  | "topLeftDiagonal"
  | "bottomRightDiagonal"
  | "topRightAndBottomLeft"
  | "topLeftAndBottomRight"
  | "centre"
  | "aroundCentre"
  | "horizontalBand"
  | "topAndBottomEdges"
  | "verticalBand"
  | "leftAndRightEdges"
  | "almostAll"
  | "almostNone"
  | "irregular";

/**
 * Named parts of the plane for describing where a region lies, in coordinates relative to the
 * figure (u left −1 → right 1, v bottom −1 → top 1). Each name completes "high in …" or "class 1
 * covers …" in the figures' messages.
 */
const REGIONS: readonly { region: PlaneRegion; inside: (u: number, v: number) => boolean }[] = [
  { region: "leftHalf", inside: (u) => u < 0 },
  { region: "rightHalf", inside: (u) => u > 0 },
  { region: "topHalf", inside: (_, v) => v > 0 },
  { region: "bottomHalf", inside: (_, v) => v < 0 },
  { region: "topLeftQuarter", inside: (u, v) => u < 0 && v > 0 },
  { region: "topRightQuarter", inside: (u, v) => u > 0 && v > 0 },
  { region: "bottomLeftQuarter", inside: (u, v) => u < 0 && v < 0 },
  { region: "bottomRightQuarter", inside: (u, v) => u > 0 && v < 0 },
  { region: "allButTopLeft", inside: (u, v) => !(u < 0 && v > 0) },
  { region: "allButTopRight", inside: (u, v) => !(u > 0 && v > 0) },
  { region: "allButBottomLeft", inside: (u, v) => !(u < 0 && v < 0) },
  { region: "allButBottomRight", inside: (u, v) => !(u > 0 && v < 0) },
  { region: "topRightDiagonal", inside: (u, v) => u + v > 0 },
  { region: "bottomLeftDiagonal", inside: (u, v) => u + v < 0 },
  { region: "topLeftDiagonal", inside: (u, v) => v - u > 0 },
  { region: "bottomRightDiagonal", inside: (u, v) => u - v > 0 },
  { region: "topRightAndBottomLeft", inside: (u, v) => u * v > 0 },
  { region: "topLeftAndBottomRight", inside: (u, v) => u * v < 0 },
  { region: "centre", inside: (u, v) => u * u + v * v < 0.5 * 0.5 },
  { region: "centre", inside: (u, v) => u * u + v * v < 0.7 * 0.7 },
  { region: "aroundCentre", inside: (u, v) => u * u + v * v > 0.5 * 0.5 },
  { region: "aroundCentre", inside: (u, v) => u * u + v * v > 0.7 * 0.7 },
  { region: "horizontalBand", inside: (_, v) => Math.abs(v) < 0.5 },
  { region: "topAndBottomEdges", inside: (_, v) => Math.abs(v) > 0.5 },
  { region: "verticalBand", inside: (u) => Math.abs(u) < 0.5 },
  { region: "leftAndRightEdges", inside: (u) => Math.abs(u) > 0.5 },
];

export interface RegionShape {
  /** The named part: "leftHalf", "centre", "almostAll", or "irregular" when none fits. */
  readonly region: PlaneRegion;
  /** Overlap with the named part (intersection over union), 1 for a perfect match. */
  readonly fit: number;
}

/** Below this overlap a region is described as irregular rather than by the nearest name. */
export const REGION_FIT = 0.6;

/**
 * Names where the cells with `inside(value)` lie: the named part of the plane that overlaps them
 * best, or "irregular" when none fits well.
 */
export function describeRegion(
  values: ArrayLike<number>,
  columns: number,
  rows: number,
  inside: (value: number) => boolean,
): RegionShape {
  const cells = columns * rows;
  const mask = new Uint8Array(cells);
  let count = 0;
  for (let k = 0; k < cells; k++) {
    if (inside(values[k] ?? Number.NaN)) {
      mask[k] = 1;
      count++;
    }
  }
  if (count >= 0.97 * cells) return { region: "almostAll", fit: count / cells };
  if (count <= 0.03 * cells) return { region: "almostNone", fit: 1 - count / cells };
  let best: RegionShape = { region: "irregular", fit: 0 };
  // A coarse sample of about 32×32 cells names a shape as well as all 10,000 would, for far less
  // work on every frame of training.
  const stepC = Math.max(1, Math.floor(columns / 32));
  const stepR = Math.max(1, Math.floor(rows / 32));
  for (const named of REGIONS) {
    let both = 0;
    let either = 0;
    for (let r = 0; r < rows; r += stepR) {
      const v = 1 - (2 * (r + 0.5)) / rows;
      for (let c = 0; c < columns; c += stepC) {
        const u = (2 * (c + 0.5)) / columns - 1;
        const a = mask[r * columns + c] === 1;
        const b = named.inside(u, v);
        if (a && b) both++;
        if (a || b) either++;
      }
    }
    const fit = either === 0 ? 0 : both / either;
    if (fit > best.fit) best = { region: named.region, fit };
  }
  return best.fit >= REGION_FIT ? best : { region: "irregular", fit: best.fit };
}

/** "45%" ("45 %" in German): shares in the text alternatives are whole percentages. */
export function percent(t: VizT<"DecisionBoundary">, fmt: FormatNumber, share: number): string {
  return Number.isFinite(share)
    ? t("percent", { value: fmt(Math.round(share * 100), 0) })
    : t("unknown");
}

export interface BoundarySummary {
  readonly grid: PlaneGrid;
  readonly outputs: ArrayLike<number>;
  readonly scale?: OutputScale;
  /** Names of class 0 and class 1 as the lesson calls them. Default "class 0" and "class 1". */
  readonly classNames?: readonly [string, string];
  readonly trainPoints?: number;
  readonly testPoints?: number;
  /** Shares in [0, 1], as the training code measured them. */
  readonly trainAccuracy?: number;
  readonly testAccuracy?: number;
}

/** The decision boundary's text alternative: how the plane is split, and how well, in numbers. */
export function describeBoundary(
  t: VizT<"DecisionBoundary">,
  fmt: FormatNumber,
  summary: BoundarySummary,
): string {
  const { grid, outputs } = summary;
  const scale = summary.scale ?? SIGMOID_OUTPUT;
  const [name0, name1] = summary.classNames ?? [t("class0"), t("class1")];
  const { x1, x2 } = grid.domain;
  const parts = [
    t("describePlane", {
      x1From: fmt(x1[0]),
      x1To: fmt(x1[1]),
      x2From: fmt(x2[0]),
      x2To: fmt(x2[1]),
    }),
  ];
  const stats = gridStats(outputs, scale.threshold);
  if (Number.isNaN(stats.min)) {
    parts.push(t("describeNoOutputs"));
  } else {
    const { region } = describeRegion(
      outputs,
      grid.columns,
      grid.rows,
      (v) => v >= scale.threshold,
    );
    const split = {
      above: percent(t, fmt, stats.above),
      below: percent(t, fmt, 1 - stats.above),
      name0,
      name1,
    };
    parts.push(
      // "covering almost the whole plane" would only repeat the percentage.
      region === "almostAll" || region === "almostNone"
        ? t("describeSplit", split)
        : t("describeSplitCovering", { ...split, region: t("region", { region }) }),
      t("describeRange", {
        min: fmt(stats.min),
        max: fmt(stats.max),
        threshold: fmt(scale.threshold),
      }),
    );
  }
  const train = summary.trainPoints ?? 0;
  const test = summary.testPoints ?? 0;
  if (train + test > 0) parts.push(t("describePoints", { train, test }));
  const { trainAccuracy, testAccuracy } = summary;
  if (trainAccuracy !== undefined && testAccuracy !== undefined) {
    parts.push(
      t("accuracyBoth", {
        train: percent(t, fmt, trainAccuracy),
        test: percent(t, fmt, testAccuracy),
      }),
    );
  } else if (trainAccuracy !== undefined) {
    parts.push(t("accuracyTrain", { train: percent(t, fmt, trainAccuracy) }));
  } else if (testAccuracy !== undefined) {
    parts.push(t("accuracyTest", { test: percent(t, fmt, testAccuracy) }));
  }
  return parts.join(" ");
}

/** What the probe reads: "x₁ = 0.20, x₂ = −0.40: output 0.73, class 1". */
export function describeProbe(
  t: VizT<"DecisionBoundary">,
  fmt: FormatNumber,
  x1: number,
  x2: number,
  output: number,
  scale: OutputScale = SIGMOID_OUTPUT,
  classNames: readonly [string, string] = [t("class0"), t("class1")],
): string {
  const at = { x1: fmt(x1), x2: fmt(x2) };
  if (!Number.isFinite(output)) return t("probeNoOutput", at);
  const className = output >= scale.threshold ? classNames[1] : classNames[0];
  return t("probe", { ...at, output: fmt(output), className });
}
