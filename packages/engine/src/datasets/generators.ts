/**
 * Seeded toy datasets on the plane, the ones a playground lets a learner pick.
 *
 * Every generator takes `{ n, noise, seed }` and returns a fresh {@link Dataset}; the same options
 * always give the same numbers, on every machine, because all randomness (noise included) comes
 * from {@link createRng}.
 *
 * Ranges: without noise the inputs lie in [-1, 1]² (the moons in [-1, 1] × [-0.5, 0.5]), which
 * keeps tanh and sigmoid units out of saturation at the start. Noise is Gaussian jitter with
 * standard deviation `noise × NOISE_SCALE` added after the label is fixed, so noisy points may
 * stray a little outside that box and some land on the "wrong" side of the rule — which is the
 * point of noise. Regression generators jitter the target instead of the inputs. The jitter is
 * drawn even at noise 0, so for one seed every noise level starts from the same clean points and
 * labels: a noise slider moves the points without reshuffling the dataset.
 *
 * Targets: two-class problems have outputSize 1 with 0/1 targets (for a sigmoid output); with
 * more classes the targets are one-hot rows of width `classes` (for a softmax output).
 */
import type { Dataset, DatasetKind } from "../dataset.ts";
import { createRng, type Rng } from "../rng.ts";

/** Standard deviation of the jitter at `noise: 1`, a tenth of the [-1, 1] width. */
export const NOISE_SCALE = 0.2;

export interface GeneratorOptions {
  /** Number of examples. */
  readonly n: number;
  /** 0 gives points exactly on the rule; 1 is very noisy. Default 0. */
  readonly noise?: number;
  readonly seed: number;
}

export interface XorOptions extends GeneratorOptions {
  /** Clean points keep this distance from both axes, so the quadrants show. Default 0.05. */
  readonly gap?: number;
}

export interface SpiralOptions extends GeneratorOptions {
  /** Number of arms, one class each. Default 2. */
  readonly classes?: number;
  /** How many full turns each arm makes. Default 1.75. */
  readonly turns?: number;
}

export interface ClusterOptions extends GeneratorOptions {
  /** Number of blobs, one class each. Default 2. */
  readonly classes?: number;
  /** Standard deviation of each blob before any noise. Default 0.15. */
  readonly spread?: number;
}

export interface LinearRegressionOptions extends GeneratorOptions {
  /** The slopes a and b of y = a·x1 + b·x2 + c. Default [0.5, -0.3]. */
  readonly weights?: readonly [number, number];
  /** The intercept c. Default 0.2. */
  readonly bias?: number;
}

/** Radius of the inner disc of {@link circle}; its ring of outer points starts at 0.7. */
export const CIRCLE_INNER_RADIUS = 0.5;
export const CIRCLE_OUTER_RADIUS_MIN = 0.7;
/** Where {@link gaussianClusters} puts its centres: evenly on a circle of this radius. */
export const CLUSTER_RING_RADIUS = 0.6;
/** Arms of {@link spirals} start this far from the origin, where they would otherwise touch. */
export const SPIRAL_START_RADIUS = 0.1;
/** {@link moons} scales the textbook half circles (x in [-1, 2]) by this, keeping their shape. */
export const MOONS_SCALE = 1 / 1.5;

/**
 * XOR: label 1 when x1·x2 > 0 (first and third quadrants), 0 otherwise. Clean points are uniform
 * in [-1, 1]² away from the axes by `gap`; the two classes have equal counts (±1 for odd n).
 */
export function xor(options: XorOptions): Dataset {
  const { n, noise, rng } = prepare(options, 2);
  const gap = options.gap ?? 0.05;
  if (!(gap >= 0 && gap < 1)) throw new RangeError(`xor: gap must be in [0, 1), got ${gap}.`);
  const labels = balancedLabels(n, 2, rng);
  const x = new Float64Array(n * 2);
  for (let i = 0; i < n; i++) {
    const side = rng.next() < 0.5 ? -1 : 1;
    // Same signs give a positive product, the class-1 quadrants.
    const other = labels[i] === 1 ? side : -side;
    x[2 * i] = side * rng.uniform(gap, 1) + noise * rng.normal();
    x[2 * i + 1] = other * rng.uniform(gap, 1) + noise * rng.normal();
  }
  return classificationDataset(x, 2, labels, 2);
}

/**
 * Circle: label 1 inside a disc of radius 0.5 around the origin, 0 in the ring 0.7 ≤ r ≤ 1.
 * Points are uniform by area in their region; the classes have equal counts.
 */
export function circle(options: GeneratorOptions): Dataset {
  const { n, noise, rng } = prepare(options, 2);
  const labels = balancedLabels(n, 2, rng);
  const x = new Float64Array(n * 2);
  const inner2 = CIRCLE_INNER_RADIUS ** 2;
  const outer2 = CIRCLE_OUTER_RADIUS_MIN ** 2;
  for (let i = 0; i < n; i++) {
    // Drawing r² uniformly (not r) spreads points evenly over the area, not bunched at the centre.
    const r = Math.sqrt(labels[i] === 1 ? rng.uniform(0, inner2) : rng.uniform(outer2, 1));
    const angle = rng.uniform(0, 2 * Math.PI);
    x[2 * i] = r * Math.cos(angle) + noise * rng.normal();
    x[2 * i + 1] = r * Math.sin(angle) + noise * rng.normal();
  }
  return classificationDataset(x, 2, labels, 2);
}

/**
 * Interleaved spirals, one arm per class. A clean point of arm c at parameter t ∈ [0, 1) sits at
 * radius r = 0.1 + 0.9·t and angle 2π·(turns·t + c/classes), so it lies inside the unit disc.
 */
export function spirals(options: SpiralOptions): Dataset {
  const classes = options.classes ?? 2;
  const { n, noise, rng } = prepare(options, classes);
  const turns = options.turns ?? 1.75;
  if (!(turns > 0 && Number.isFinite(turns))) {
    throw new RangeError(`spirals: turns must be a positive number, got ${turns}.`);
  }
  const labels = balancedLabels(n, classes, rng);
  const x = new Float64Array(n * 2);
  for (let i = 0; i < n; i++) {
    const c = labels[i] ?? 0;
    const t = rng.next();
    const r = SPIRAL_START_RADIUS + (1 - SPIRAL_START_RADIUS) * t;
    const angle = 2 * Math.PI * (turns * t + c / classes);
    x[2 * i] = r * Math.cos(angle) + noise * rng.normal();
    x[2 * i + 1] = r * Math.sin(angle) + noise * rng.normal();
  }
  return classificationDataset(x, 2, labels, classes);
}

/** The centres {@link gaussianClusters} uses for `classes` blobs, as [x1, x2] pairs. */
export function clusterCenters(classes: number): [number, number][] {
  return Array.from({ length: classes }, (_, c) => {
    // The quarter-turn offset puts two blobs on a diagonal rather than on an axis.
    const angle = Math.PI / 4 + (2 * Math.PI * c) / classes;
    return [CLUSTER_RING_RADIUS * Math.cos(angle), CLUSTER_RING_RADIUS * Math.sin(angle)];
  });
}

/**
 * `classes` round Gaussian blobs with centres evenly spaced on a circle of radius 0.6 (see
 * {@link clusterCenters}). With the default spread nearly every point lies in [-1, 1]².
 */
export function gaussianClusters(options: ClusterOptions): Dataset {
  const classes = options.classes ?? 2;
  const { n, noise, rng } = prepare(options, classes);
  const spread = options.spread ?? 0.15;
  if (!(spread >= 0 && Number.isFinite(spread))) {
    throw new RangeError(`gaussianClusters: spread must be a non-negative number, got ${spread}.`);
  }
  const centers = clusterCenters(classes);
  const labels = balancedLabels(n, classes, rng);
  const x = new Float64Array(n * 2);
  for (let i = 0; i < n; i++) {
    const [cx, cy] = centers[labels[i] ?? 0] ?? [0, 0];
    x[2 * i] = cx + spread * rng.normal() + noise * rng.normal();
    x[2 * i + 1] = cy + spread * rng.normal() + noise * rng.normal();
  }
  return classificationDataset(x, 2, labels, classes);
}

/**
 * Two interleaving half circles. Before scaling, class 0 is the upper arc (cos t, sin t) and
 * class 1 the lower arc (1 − cos t, 0.5 − sin t), t ∈ [0, π]; both are then shifted and scaled by
 * 2/3 so that x1 ∈ [-1, 1] and x2 ∈ [-0.5, 0.5], keeping the round shape.
 */
export function moons(options: GeneratorOptions): Dataset {
  const { n, noise, rng } = prepare(options, 2);
  const labels = balancedLabels(n, 2, rng);
  const x = new Float64Array(n * 2);
  for (let i = 0; i < n; i++) {
    const t = rng.uniform(0, Math.PI);
    const upper = labels[i] === 0;
    const u = upper ? Math.cos(t) : 1 - Math.cos(t);
    const v = upper ? Math.sin(t) : 0.5 - Math.sin(t);
    x[2 * i] = (u - 0.5) * MOONS_SCALE + noise * rng.normal();
    x[2 * i + 1] = (v - 0.25) * MOONS_SCALE + noise * rng.normal();
  }
  return classificationDataset(x, 2, labels, 2);
}

/**
 * A plane to fit: y = a·x1 + b·x2 + c, inputs uniform in [-1, 1]². With the default
 * a = 0.5, b = −0.3, c = 0.2 the clean targets stay in [-0.6, 1].
 */
export function linearRegression(options: LinearRegressionOptions): Dataset {
  const { n, noise, rng } = prepare(options, undefined);
  const [a, b] = options.weights ?? [0.5, -0.3];
  const c = options.bias ?? 0.2;
  if (![a, b, c].every(Number.isFinite)) {
    throw new RangeError("linearRegression: weights and bias must be finite numbers.");
  }
  return regressionDataset(n, rng, (x1, x2) => a * x1 + b * x2 + c, noise);
}

/**
 * A curved surface to fit: y = sin(π·x1)·cos(π·x2 / 2), inputs uniform in [-1, 1]², clean
 * targets in [-1, 1]. One straight line cannot follow it, so it needs hidden units.
 */
export function nonlinearRegression(options: GeneratorOptions): Dataset {
  const { n, noise, rng } = prepare(options, undefined);
  return regressionDataset(
    n,
    rng,
    (x1, x2) => Math.sin(Math.PI * x1) * Math.cos((Math.PI * x2) / 2),
    noise,
  );
}

export interface DatasetEntry {
  /** A short title for a menu. */
  readonly title: string;
  /** One sentence on what the data looks like and what it teaches. */
  readonly description: string;
  readonly kind: DatasetKind;
  /** Whether the generator takes a `classes` option (more than two classes). */
  readonly multiclass: boolean;
  readonly generate: (options: GeneratorOptions) => Dataset;
}

/** Every generator under a stable name, so a playground can list them and pick one by name. */
export const DATASETS = {
  xor: {
    title: "XOR",
    description:
      "Four quadrants, opposite corners share a class: no single straight line separates them.",
    kind: "classification",
    multiclass: false,
    generate: xor,
  },
  circle: {
    title: "Circle",
    description: "A disc of one class inside a ring of the other: the boundary has to curve.",
    kind: "classification",
    multiclass: false,
    generate: circle,
  },
  spirals: {
    title: "Spirals",
    description: "Two arms winding around each other: the hardest shape here, it needs depth.",
    kind: "classification",
    multiclass: true,
    generate: spirals,
  },
  gaussianClusters: {
    title: "Clusters",
    description: "Round blobs, one per class: nearly separable by straight lines.",
    kind: "classification",
    multiclass: true,
    generate: gaussianClusters,
  },
  moons: {
    title: "Moons",
    description: "Two interlocking half circles: a gently curved boundary.",
    kind: "classification",
    multiclass: false,
    generate: moons,
  },
  linearRegression: {
    title: "Plane",
    description: "A value that rises along a tilted plane: one linear neuron can fit it.",
    kind: "regression",
    multiclass: false,
    generate: linearRegression,
  },
  nonlinearRegression: {
    title: "Wave",
    description: "A value that waves up and down across the plane: it needs hidden units.",
    kind: "regression",
    multiclass: false,
    generate: nonlinearRegression,
  },
} as const satisfies Record<string, DatasetEntry>;

export type DatasetName = keyof typeof DATASETS;

/**
 * Builds a classification dataset from inputs and class indices: 0/1 targets when there are two
 * classes, one-hot rows otherwise. Shared by the generators, the CSV reader and the canvas.
 */
export function classificationDataset(
  x: Float64Array,
  inputSize: number,
  labels: Int32Array,
  classes: number,
): Dataset {
  const size = labels.length;
  const outputSize = classes === 2 ? 1 : classes;
  const y = new Float64Array(size * outputSize);
  for (let i = 0; i < size; i++) {
    const label = labels[i] ?? 0;
    if (outputSize === 1) y[i] = label;
    else y[i * outputSize + label] = 1;
  }
  return { kind: "classification", size, inputSize, outputSize, x, y, labels, classes };
}

function regressionDataset(
  n: number,
  rng: Rng,
  target: (x1: number, x2: number) => number,
  noise: number,
): Dataset {
  const x = new Float64Array(n * 2);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x1 = rng.uniform(-1, 1);
    const x2 = rng.uniform(-1, 1);
    x[2 * i] = x1;
    x[2 * i + 1] = x2;
    y[i] = target(x1, x2) + noise * rng.normal();
  }
  return { kind: "regression", size: n, inputSize: 2, outputSize: 1, x, y };
}

/**
 * Checks the shared options and returns the jitter's standard deviation and a seeded rng.
 * `classes` is undefined for regression; for classification it must be a whole number ≥ 2, and
 * n must leave at least one example per class.
 */
function prepare(
  options: GeneratorOptions,
  classes: number | undefined,
): { n: number; noise: number; rng: Rng } {
  const { n, seed } = options;
  const noise = options.noise ?? 0;
  if (classes !== undefined && !(Number.isInteger(classes) && classes >= 2)) {
    throw new RangeError(`classes must be a whole number of at least 2, got ${classes}.`);
  }
  const least = classes ?? 1;
  if (!Number.isInteger(n) || n < least) {
    const why = classes === undefined ? "" : " (one example per class)";
    throw new RangeError(`n must be a whole number of at least ${least}${why}, got ${n}.`);
  }
  if (!(noise >= 0 && Number.isFinite(noise))) {
    throw new RangeError(`noise must be a non-negative number, got ${noise}.`);
  }
  return { n, noise: noise * NOISE_SCALE, rng: createRng(seed) };
}

/** Class indices with equal counts (the first n mod k classes get one more), in seeded random order. */
function balancedLabels(n: number, classes: number, rng: Rng): Int32Array {
  const order = Array.from({ length: n }, (_, i) => i % classes);
  return Int32Array.from(rng.shuffle(order));
}
