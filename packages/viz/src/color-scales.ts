import { interpolatePuOr, interpolateViridis } from "d3-scale-chromatic";
import { scaleDiverging, scaleSequential } from "d3-scale";
import { rgb } from "d3-color";

/**
 * Colour scales for heatmaps (decision boundaries, neuron maps, weight matrices, loss
 * landscapes). Diverging values use purple–white–orange, sequential ones viridis: both stay
 * readable for the common colour-vision deficiencies and in greyscale.
 */

export type Rgb = readonly [number, number, number];

/** A colour for values in [−extent, extent]: orange for negative, white at 0, purple for positive. */
export function divergingScale(extent: number): (value: number) => Rgb {
  const e = extent > 0 && Number.isFinite(extent) ? extent : 1;
  // d3's PuOr runs purple → white → orange; the domain is reversed so that, as in the rest of the
  // course's figures, positive reads as the cool colour and negative as orange.
  const scale = scaleDiverging(interpolatePuOr).domain([e, 0, -e]).clamp(true);
  return (value) => toRgb(scale(Number.isFinite(value) ? value : 0));
}

/** A colour for values in [min, max] (dark purple → yellow). */
export function sequentialScale(min: number, max: number): (value: number) => Rgb {
  const lo = Number.isFinite(min) ? min : 0;
  const hi = Number.isFinite(max) && max > lo ? max : lo + 1;
  const scale = scaleSequential(interpolateViridis).domain([lo, hi]).clamp(true);
  return (value) => toRgb(scale(Number.isFinite(value) ? value : lo));
}

function toRgb(css: string): Rgb {
  const c = rgb(css);
  return [Math.round(c.r), Math.round(c.g), Math.round(c.b)];
}

/**
 * Precomputes `steps` colours of a scale over [min, max] into a lookup table, so filling 10,000
 * heatmap cells per frame costs an index, not a colour interpolation.
 */
export function colorTable(
  scale: (value: number) => Rgb,
  min: number,
  max: number,
  steps = 256,
): Uint8ClampedArray {
  const table = new Uint8ClampedArray(steps * 3);
  for (let i = 0; i < steps; i++) {
    const [r, g, b] = scale(min + ((max - min) * i) / (steps - 1));
    table[3 * i] = r;
    table[3 * i + 1] = g;
    table[3 * i + 2] = b;
  }
  return table;
}

/** Index into a `colorTable` built over [min, max] for `value` (clamped). */
export function tableIndex(value: number, min: number, max: number, steps = 256): number {
  if (!Number.isFinite(value)) return 0;
  const t = (value - min) / (max - min);
  return Math.max(0, Math.min(steps - 1, Math.round(t * (steps - 1))));
}
