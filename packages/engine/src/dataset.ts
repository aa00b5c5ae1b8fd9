/**
 * A dataset as the engine trains on it: examples stored row-major in typed arrays, so the fused
 * kernel and TensorFlow.js can both use them without copying per example.
 */
export type DatasetKind = "classification" | "regression";

export interface Dataset {
  readonly kind: DatasetKind;
  /** Number of examples. */
  readonly size: number;
  readonly inputSize: number;
  /** Width of a target row: 1 for regression and two-class data, the class count for one-hot targets. */
  readonly outputSize: number;
  /** Inputs, row-major [size × inputSize]. */
  readonly x: Float64Array;
  /** Targets, row-major [size × outputSize]: a value, a 0/1 label, or a one-hot row. */
  readonly y: Float64Array;
  /** For classification: the class index of each example. */
  readonly labels?: Int32Array;
  /** For classification: how many classes. */
  readonly classes?: number;
}

export interface Split {
  readonly train: Dataset;
  readonly test: Dataset;
}

/** The examples at `indices`, in that order, as a new dataset. */
export function subset(data: Dataset, indices: ArrayLike<number>): Dataset {
  const n = indices.length;
  const x = new Float64Array(n * data.inputSize);
  const y = new Float64Array(n * data.outputSize);
  const labels = data.labels ? new Int32Array(n) : undefined;
  for (let k = 0; k < n; k++) {
    const i = indices[k] ?? 0;
    x.set(data.x.subarray(i * data.inputSize, (i + 1) * data.inputSize), k * data.inputSize);
    y.set(data.y.subarray(i * data.outputSize, (i + 1) * data.outputSize), k * data.outputSize);
    if (labels && data.labels) labels[k] = data.labels[i] ?? 0;
  }
  return {
    kind: data.kind,
    size: n,
    inputSize: data.inputSize,
    outputSize: data.outputSize,
    x,
    y,
    ...(labels ? { labels } : {}),
    ...(data.classes === undefined ? {} : { classes: data.classes }),
  };
}
