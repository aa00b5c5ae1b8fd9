import { format } from "d3-format";
import { decimalMark } from "./format.ts";
import type { VizT } from "./i18n.tsx";

/**
 * A training run's loss as a figure keeps it: an append-only list of (step, value) points, plus a
 * coarse summary that lets a loss curve redraw 100,000 points per frame at the cost of its width.
 *
 * The summary is a row of at most `maxBuckets` buckets of equal point count. Each bucket remembers
 * which of its points come first and last and which are lowest and highest; when the row is full,
 * neighbouring buckets merge pairwise and the bucket size doubles. Appending therefore costs O(1)
 * amortised (a merge of `maxBuckets` buckets happens once per doubling of the point count), and
 * `envelope` reads at most four points per bucket, never the raw points, once buckets are coarser
 * than one point.
 */

export interface LossPoint {
  step: number;
  value: number;
}

export type Trend = "falling" | "flat" | "rising";

export interface LossSeriesOptions {
  /** Most buckets in the summary (even, ≥ 2). Default 4,096: a redraw reads at most 16,384 points. */
  maxBuckets?: number;
  /** Points to allocate room for up front. Default 1,024; the buffers double as needed. */
  initialCapacity?: number;
}

/** A polyline in data coordinates: x[i] is a step, y[i] a loss. */
export interface Polyline {
  x: Float64Array;
  y: Float64Array;
}

const NONE = -1;

export class LossSeries {
  private steps: Float64Array;
  private values: Float64Array;
  private count = 0;
  private readonly maxBuckets: number;
  private bucketSize = 1;
  private bucketCount = 0;
  // Indices into the raw points, per bucket; NONE where a bucket has no finite value yet.
  private readonly bucketFirst: Int32Array;
  private readonly bucketLast: Int32Array;
  private readonly bucketMin: Int32Array;
  private readonly bucketMax: Int32Array;
  private minAt = NONE;
  private maxAt = NONE;
  private minPositiveAt = NONE;

  constructor(options: LossSeriesOptions = {}) {
    const maxBuckets = options.maxBuckets ?? 4096;
    if (!Number.isInteger(maxBuckets) || maxBuckets < 2 || maxBuckets % 2 !== 0) {
      throw new RangeError(`maxBuckets must be an even integer ≥ 2, got ${maxBuckets}.`);
    }
    this.maxBuckets = maxBuckets;
    const capacity = Math.max(16, Math.floor(options.initialCapacity ?? 1024));
    this.steps = new Float64Array(capacity);
    this.values = new Float64Array(capacity);
    this.bucketFirst = new Int32Array(maxBuckets);
    this.bucketLast = new Int32Array(maxBuckets);
    this.bucketMin = new Int32Array(maxBuckets);
    this.bucketMax = new Int32Array(maxBuckets);
  }

  /** A series holding `values`, recorded at `steps` (or at steps 1, 2, 3, … when left out). */
  static from(
    values: ArrayLike<number>,
    steps?: ArrayLike<number>,
    options?: LossSeriesOptions,
  ): LossSeries {
    const series = new LossSeries({ initialCapacity: values.length, ...options });
    for (let i = 0; i < values.length; i++) {
      series.append(steps ? (steps[i] ?? i + 1) : i + 1, values[i] ?? Number.NaN);
    }
    return series;
  }

  get length(): number {
    return this.count;
  }

  /** Points per summary bucket (1 until the summary first fills up). */
  get resolution(): number {
    return this.bucketSize;
  }

  stepAt(i: number): number {
    return i >= 0 && i < this.count ? (this.steps[i] as number) : Number.NaN;
  }

  valueAt(i: number): number {
    return i >= 0 && i < this.count ? (this.values[i] as number) : Number.NaN;
  }

  get firstStep(): number {
    return this.stepAt(0);
  }

  get lastStep(): number {
    return this.stepAt(this.count - 1);
  }

  /** The most recent point, whatever its value. */
  get latest(): LossPoint | undefined {
    return this.point(this.count - 1);
  }

  /** The lowest finite value so far (the earliest, on a tie). */
  get minimum(): LossPoint | undefined {
    return this.point(this.minAt);
  }

  /** The highest finite value so far. */
  get maximum(): LossPoint | undefined {
    return this.point(this.maxAt);
  }

  /** The lowest value above zero so far: where a logarithmic axis has to start. */
  get minimumPositive(): LossPoint | undefined {
    return this.point(this.minPositiveAt);
  }

  /**
   * Records `value` at `step`. Steps never go back; a value that is not finite (a diverged run) is
   * kept but left out of the minimum, maximum, trend and drawing.
   */
  append(step: number, value: number): void {
    if (!Number.isFinite(step))
      throw new RangeError(`A step must be a finite number, got ${step}.`);
    if (this.count > 0 && step < (this.steps[this.count - 1] as number)) {
      throw new RangeError(
        `Steps must not go back: ${step} comes after ${this.steps[this.count - 1] as number}.`,
      );
    }
    if (this.count === this.steps.length) this.grow();
    const i = this.count;
    this.steps[i] = step;
    this.values[i] = value;
    this.count++;

    let b = Math.floor(i / this.bucketSize);
    if (b === this.maxBuckets) {
      this.mergeBuckets();
      b = Math.floor(i / this.bucketSize);
    }
    if (b === this.bucketCount) {
      this.bucketFirst[b] = NONE;
      this.bucketLast[b] = NONE;
      this.bucketMin[b] = NONE;
      this.bucketMax[b] = NONE;
      this.bucketCount++;
    }
    if (!Number.isFinite(value)) return;
    if (this.bucketFirst[b] === NONE) this.bucketFirst[b] = i;
    this.bucketLast[b] = i;
    if (this.lower(i, this.bucketMin[b] as number)) this.bucketMin[b] = i;
    if (this.higher(i, this.bucketMax[b] as number)) this.bucketMax[b] = i;
    if (this.lower(i, this.minAt)) this.minAt = i;
    if (this.higher(i, this.maxAt)) this.maxAt = i;
    if (value > 0 && this.lower(i, this.minPositiveAt)) this.minPositiveAt = i;
  }

  /** Forgets every point (keeping the allocated memory), e.g. when training restarts. */
  clear(): void {
    this.count = 0;
    this.bucketSize = 1;
    this.bucketCount = 0;
    this.minAt = NONE;
    this.maxAt = NONE;
    this.minPositiveAt = NONE;
  }

  /**
   * Whether the loss has lately been going down, up or neither: the mean of the most recent
   * points against the mean of as many points just before them (a fifth of the series, between
   * 4 and 400 points in all), with a change under `tolerance` (relative) counting as flat.
   * Undefined with fewer than 4 finite points.
   */
  trend(tolerance = 0.03): Trend | undefined {
    const window = Math.min(400, Math.max(4, Math.floor(this.count / 5)));
    const half = Math.floor(window / 2);
    if (this.count < 2 * half) return undefined;
    const recent = this.meanOf(this.count - half, this.count);
    const earlier = this.meanOf(this.count - 2 * half, this.count - half);
    if (recent === undefined || earlier === undefined) return undefined;
    const change = (recent - earlier) / Math.max(Math.abs(earlier), 1e-12);
    if (change < -tolerance) return "falling";
    if (change > tolerance) return "rising";
    return "flat";
  }

  /**
   * The points to draw for a curve `columns` pixels wide over steps [x0, x1]: in each pixel
   * column, the first, lowest, highest and last point, in the order they were recorded (the M4
   * reduction, which looks the same as drawing every point). "minmax" keeps only the lowest and
   * highest, half the vertices for a difference inside one pixel column. It reads the bucket
   * summary, so it costs O(min(points, maxBuckets) + columns) however long the series is.
   */
  envelope(x0: number, x1: number, columns: number, reduction: "m4" | "minmax" = "m4"): Polyline {
    const cols = Math.max(1, Math.floor(columns));
    const first = new Int32Array(cols).fill(NONE);
    const last = new Int32Array(cols).fill(NONE);
    const low = new Int32Array(cols).fill(NONE);
    const high = new Int32Array(cols).fill(NONE);
    const span = x1 - x0;
    const place = (i: number) => {
      if (i === NONE) return;
      const step = this.steps[i] as number;
      if (step < x0 || step > x1) return;
      const c = span > 0 ? Math.min(cols - 1, Math.floor(((step - x0) / span) * cols)) : 0;
      if (first[c] === NONE || i < (first[c] as number)) first[c] = i;
      if (i > (last[c] as number)) last[c] = i;
      if (this.lower(i, low[c] as number)) low[c] = i;
      if (this.higher(i, high[c] as number)) high[c] = i;
    };
    for (let b = 0; b < this.bucketCount; b++) {
      place(this.bucketFirst[b] as number);
      place(this.bucketMin[b] as number);
      place(this.bucketMax[b] as number);
      place(this.bucketLast[b] as number);
    }

    const x = new Float64Array(4 * cols);
    const y = new Float64Array(4 * cols);
    let n = 0;
    const picked = [0, 0, 0, 0];
    for (let c = 0; c < cols; c++) {
      if (first[c] === NONE) continue;
      const extremesOnly = reduction === "minmax";
      picked[0] = extremesOnly ? (low[c] as number) : (first[c] as number);
      picked[1] = low[c] as number;
      picked[2] = high[c] as number;
      picked[3] = extremesOnly ? (high[c] as number) : (last[c] as number);
      picked.sort((a, b) => a - b);
      for (let k = 0; k < 4; k++) {
        const i = picked[k] as number;
        if (k > 0 && i === picked[k - 1]) continue;
        x[n] = this.steps[i] as number;
        y[n] = this.values[i] as number;
        n++;
      }
    }
    return { x: x.slice(0, n), y: y.slice(0, n) };
  }

  private point(i: number): LossPoint | undefined {
    return i >= 0 && i < this.count
      ? { step: this.steps[i] as number, value: this.values[i] as number }
      : undefined;
  }

  /** Whether point i is lower than point j (NONE counts as higher than everything). */
  private lower(i: number, j: number): boolean {
    return j === NONE || (this.values[i] as number) < (this.values[j] as number);
  }

  private higher(i: number, j: number): boolean {
    return j === NONE || (this.values[i] as number) > (this.values[j] as number);
  }

  private meanOf(from: number, to: number): number | undefined {
    let sum = 0;
    let n = 0;
    for (let i = Math.max(0, from); i < to; i++) {
      const v = this.values[i] as number;
      if (Number.isFinite(v)) {
        sum += v;
        n++;
      }
    }
    return n > 0 ? sum / n : undefined;
  }

  private grow(): void {
    const steps = new Float64Array(this.steps.length * 2);
    const values = new Float64Array(this.values.length * 2);
    steps.set(this.steps);
    values.set(this.values);
    this.steps = steps;
    this.values = values;
  }

  private mergeBuckets(): void {
    const half = this.maxBuckets / 2;
    for (let j = 0; j < half; j++) {
      const a = 2 * j;
      const b = a + 1;
      const firstA = this.bucketFirst[a] as number;
      const lastB = this.bucketLast[b] as number;
      this.bucketFirst[j] = firstA === NONE ? (this.bucketFirst[b] as number) : firstA;
      this.bucketLast[j] = lastB === NONE ? (this.bucketLast[a] as number) : lastB;
      this.bucketMin[j] = this.lowerOf(this.bucketMin[a] as number, this.bucketMin[b] as number);
      this.bucketMax[j] = this.higherOf(this.bucketMax[a] as number, this.bucketMax[b] as number);
    }
    this.bucketCount = half;
    this.bucketSize *= 2;
  }

  private lowerOf(i: number, j: number): number {
    if (i === NONE) return j;
    if (j === NONE) return i;
    return (this.values[j] as number) < (this.values[i] as number) ? j : i;
  }

  private higherOf(i: number, j: number): number {
    if (i === NONE) return j;
    if (j === NONE) return i;
    return (this.values[j] as number) > (this.values[i] as number) ? j : i;
  }
}

export type LossScale = "linear" | "log";

/** Steps shown on the x axis: from the first recorded step to the last of any series. */
export function stepDomain(series: readonly LossSeries[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series) {
    if (s.length === 0) continue;
    lo = Math.min(lo, s.firstStep);
    hi = Math.max(hi, s.lastStep);
  }
  if (!Number.isFinite(lo)) return [0, 1];
  return hi > lo ? [lo, hi] : [lo - 1, lo + 1];
}

/**
 * Losses shown on the y axis. Linear: from 0 (losses are rarely negative) to the highest value.
 * Logarithmic: from the lowest positive value to the highest, since log 0 does not exist.
 */
export function lossDomain(series: readonly LossSeries[], scale: LossScale): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series) {
    const low = scale === "log" ? s.minimumPositive : s.minimum;
    const high = s.maximum;
    if (low) lo = Math.min(lo, low.value);
    if (high) hi = Math.max(hi, high.value);
  }
  if (scale === "log") {
    if (!(hi > 0) || !Number.isFinite(lo)) return [0.01, 1];
    return hi > lo ? [lo, hi] : [lo / 2, lo * 2];
  }
  if (!Number.isFinite(lo)) return [0, 1];
  const bottom = Math.min(0, lo);
  return hi > bottom ? [bottom, hi] : [bottom, bottom + 1];
}

const lossFormat = format(".3~r");
const hugeFormat = format(".2~e");

/** A step count for reading, with the language's thousands separator: 12,345 (English), 12.345 (German). */
export function formatStep(step: number, locale = "en"): string {
  if (!Number.isFinite(step)) return "—";
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 })
    .format(Math.round(step) || 0)
    .replace("-", "−");
}

/** Words for losses that are not numbers, in the page's language. */
export interface LossWords {
  notANumber: string;
  infinite: string;
  minusInfinity: string;
}

const ENGLISH_WORDS: LossWords = {
  notANumber: "not a number",
  infinite: "infinite",
  minusInfinity: "minus infinity",
};

/**
 * A loss with three significant digits: 2.31, 0.0452, 1.2e+9 for a diverging run, with the
 * language's decimal mark (2,31 in German). Components pass their language and the catalogue's
 * words; the English defaults serve code outside React.
 */
export function formatLoss(value: number, locale = "en", words: LossWords = ENGLISH_WORDS): string {
  if (Number.isNaN(value)) return words.notANumber;
  if (!Number.isFinite(value)) return value > 0 ? words.infinite : words.minusInfinity;
  const text =
    value !== 0 && (Math.abs(value) >= 1e6 || Math.abs(value) < 1e-4)
      ? hugeFormat(value)
      : lossFormat(value);
  const mark = decimalMark(locale);
  return text.replace("-", "−").replace(".", mark);
}

/** How the loss curve's text prints its numbers. */
export interface LossNumberFormat {
  loss: (value: number) => string;
  step: (step: number) => string;
}

/** Losses and steps in one language, e.g. `lossNumberFormat(useLocale(), words)` in a component. */
export function lossNumberFormat(locale: string, words: LossWords): LossNumberFormat {
  return {
    loss: (value) => formatLoss(value, locale, words),
    step: (step) => formatStep(step, locale),
  };
}

export interface LossCurveLabels {
  train: string;
  test: string;
}

/**
 * The loss curve's text alternative: what is drawn and its current values — the latest step and
 * losses, the lowest so far and where each curve is heading.
 */
export function describeLossCurve(
  t: VizT<"LossCurve">,
  fmt: LossNumberFormat,
  train: LossSeries,
  test: LossSeries | undefined,
  scale: LossScale,
  labels: LossCurveLabels,
): string {
  const tracks = [
    { series: train, label: labels.train },
    ...(test && test.length > 0 ? [{ series: test, label: labels.test }] : []),
  ].filter((track) => track.series.length > 0);
  if (tracks.length === 0) return t("describeEmpty", { scale });

  const from = Math.min(...tracks.map((track) => track.series.firstStep));
  const to = Math.max(...tracks.map((track) => track.series.lastStep));
  const [first, second] = tracks;
  const curves =
    first && second
      ? t("twoCurves", { first: first.label, second: second.label })
      : (first?.label ?? "");
  const parts = [t("describeOverview", { scale, curves, from: fmt.step(from), to: fmt.step(to) })];
  const reading = (label: string, p: LossPoint) =>
    t("reading", { label, loss: fmt.loss(p.value), step: fmt.step(p.step) });
  const latest = tracks.map((track) => reading(track.label, track.series.latest as LossPoint));
  parts.push(t("latest", { readings: latest.join("; ") }));
  const lowest = tracks.flatMap((track) => {
    const p = track.series.minimum;
    return p ? [reading(track.label, p)] : [];
  });
  if (lowest.length > 0) parts.push(t("lowest", { readings: lowest.join("; ") }));
  for (const track of tracks) {
    const trend = track.series.trend();
    if (trend) parts.push(t("trend", { label: capitalise(track.label), trend }));
  }
  return parts.join(" ");
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
