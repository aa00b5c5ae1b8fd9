import { MlpKernel } from "@neuronlab/engine/mlp-kernel";
import type { LayerActivation, NetworkSpec, NetworkWeights } from "@neuronlab/engine/network-spec";
import { boundaryColorTable, describeRegion, gridInputs, type PlaneGrid } from "./boundary-grid.ts";
import { fillGrid } from "./canvas.ts";
import { tableIndex } from "./color-scales.ts";
import type { FormatNumber, VizT } from "./i18n.tsx";

/**
 * What every unit of a small 2-input network computes over the plane: one value grid per unit,
 * from a batched forward pass over all cells at once, and words for each map.
 */

export interface UnitGrids {
  readonly grid: PlaneGrid;
  /**
   * `layers[l][j]` holds unit j of layer l at every cell of `grid` (row-major, row 0 at the top),
   * from the first hidden layer to the output layer.
   */
  readonly layers: readonly (readonly Float64Array[])[];
}

/** One fused kernel per network shape, reused from frame to frame (only its weights change). */
const kernels = new WeakMap<NetworkSpec, MlpKernel>();

/**
 * Activations of every unit at every cell of `grid`, from one batched forward pass of the engine's
 * fused kernel (the same arithmetic as `Trainer.predict`, so the output map matches the decision
 * boundary exactly). The kernel keeps activations feature-major ([units × cells]), so each unit's
 * grid is a slice of its layer's copy, with no per-unit copies.
 */
export function computeUnitGrids(
  spec: NetworkSpec,
  weights: NetworkWeights,
  grid: PlaneGrid,
): UnitGrids {
  if (spec.inputs !== 2) {
    throw new RangeError(`Maps over the plane need a network with 2 inputs, got ${spec.inputs}.`);
  }
  let kernel = kernels.get(spec);
  if (!kernel) {
    kernel = new MlpKernel(spec);
    kernels.set(spec, kernel);
  }
  kernel.setWeights(weights);
  const n = grid.columns * grid.rows;
  kernel.forward(gridInputs(grid), n);
  const layers = spec.layers.map((layer, l) => {
    // The kernel's buffers are reused by its next pass: copy this layer out once.
    const values = kernel.layerActivations(l, n).slice();
    return Array.from({ length: layer.units }, (_, j) => values.subarray(j * n, (j + 1) * n));
  });
  return { grid, layers };
}

/**
 * Maps a unit's value to [−1, 1] on the shared orange–white–purple scale: 0 is white for tanh and
 * the unbounded units, 0.5 for sigmoid and softmax (their "undecided" middle). Unbounded units are
 * scaled by their own largest magnitude so a quiet unit's pattern still shows.
 */
export function unitTone(name: LayerActivation, maxMagnitude: number): (value: number) => number {
  switch (name) {
    case "tanh":
      return (v) => v;
    case "sigmoid":
    case "softmax":
      return (v) => 2 * v - 1;
    default: {
      const m = maxMagnitude > 0 && Number.isFinite(maxMagnitude) ? maxMagnitude : 1;
      return (v) => v / m;
    }
  }
}

/** What white means on a unit map of this activation, for legends. */
export function unitMidpoint(name: LayerActivation): number {
  return name === "sigmoid" || name === "softmax" ? 0.5 : 0;
}

export interface UnitStats {
  readonly min: number;
  readonly max: number;
  readonly maxMagnitude: number;
}

export function unitStats(values: ArrayLike<number>): UnitStats {
  let min = Infinity;
  let max = -Infinity;
  // An ArrayLike (what predict functions return) is not iterable, so no for…of here.
  // eslint-disable-next-line @typescript-eslint/prefer-for-of
  for (let k = 0; k < values.length; k++) {
    const v = values[k] as number;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min > max) return { min: Number.NaN, max: Number.NaN, maxMagnitude: 0 };
  return { min, max, maxMagnitude: Math.max(Math.abs(min), Math.abs(max)) };
}

/** Paints one unit's grid into `image`, one pixel per cell. */
export function paintUnit(
  image: ImageData,
  values: ArrayLike<number>,
  grid: PlaneGrid,
  name: LayerActivation,
  stats: UnitStats = unitStats(values),
): void {
  const tone = unitTone(name, stats.maxMagnitude);
  fillGrid(image, values, grid.columns, grid.rows, boundaryColorTable(), (v) =>
    tableIndex(tone(v), -1, 1),
  );
}

/** "Layer 2, unit 3" or, for the last layer, "Output" / "Output 2". */
export function unitName(
  t: VizT<"NeuronMaps">,
  spec: NetworkSpec,
  layer: number,
  unit: number,
): string {
  const last = layer === spec.layers.length - 1;
  if (last) {
    return (spec.layers[layer]?.units ?? 1) === 1
      ? t("output")
      : t("outputNumbered", { index: unit + 1 });
  }
  return t("unit", { layer: layer + 1, unit: unit + 1 });
}

/** An activation's name as the figures print it: "ReLU", "leaky ReLU", "tanh". */
export function activationLabel(t: VizT<"NeuronMaps">, name: LayerActivation): string {
  return t("activation", { activation: name });
}

/**
 * Where one map is high, in words: "high in the left half, from −0.95 to 0.98". "High" means
 * above the middle of the unit's own range, so every map gets a shape, however faint; a unit that
 * barely varies is called constant instead.
 */
export function describeUnitPattern(
  t: VizT<"NeuronMaps">,
  fmt: FormatNumber,
  values: ArrayLike<number>,
  grid: PlaneGrid,
): string {
  const { min, max } = unitStats(values);
  if (Number.isNaN(min)) return t("noValues");
  const spread = max - min;
  if (spread < 0.02 * Math.max(1, Math.abs(min), Math.abs(max))) {
    return t("constant", { value: fmt((min + max) / 2) });
  }
  const middle = (min + max) / 2;
  const { region } = describeRegion(values, grid.columns, grid.rows, (v) => v > middle);
  return t("highIn", { region: t("region", { region }), min: fmt(min), max: fmt(max) });
}

/** One map's text alternative: "Layer 1, unit 3 (tanh): high in the left half, from … to …". */
export function describeUnit(
  t: VizT<"NeuronMaps">,
  fmt: FormatNumber,
  spec: NetworkSpec,
  grids: UnitGrids,
  layer: number,
  unit: number,
): string {
  const values = grids.layers[layer]?.[unit];
  const name = spec.layers[layer]?.activation ?? "linear";
  return t("describeUnit", {
    name: unitName(t, spec, layer, unit),
    activation: activationLabel(t, name),
    pattern: values ? describeUnitPattern(t, fmt, values, grids.grid) : t("noValues"),
  });
}

/** The text alternative of all the maps: the network's shape, then every unit, layer by layer. */
export function describeUnitMaps(
  t: VizT<"NeuronMaps">,
  fmt: FormatNumber,
  spec: NetworkSpec,
  grids: UnitGrids,
): string {
  const { x1, x2 } = grids.grid.domain;
  const shape = [spec.inputs, ...spec.layers.map((l) => l.units)].join("-");
  const head = t("describeMaps", {
    shape,
    x1From: fmt(x1[0]),
    x1To: fmt(x1[1]),
    x2From: fmt(x2[0]),
    x2To: fmt(x2[1]),
  });
  const units = spec.layers.flatMap((layer, l) =>
    Array.from({ length: layer.units }, (_, j) => describeUnit(t, fmt, spec, grids, l, j)),
  );
  return [head, ...units].join(" ");
}
