import { losses } from "@neuronlab/engine/losses";
import { formatNumber } from "@neuronlab/viz/format";
import type { FormatNumber } from "@neuronlab/viz/i18n";

/**
 * The numbers of the loss explorer: two small sets of examples with fixed targets, the
 * predictions a learner picks for them, and the engine's losses over both, example by example.
 */

/** A regression set: real-valued targets, predictions anywhere in [−2, 4]. */
export const REGRESSION_TARGETS: readonly number[] = [2, -1, 0.5];
export const REGRESSION_START: readonly number[] = [1.5, 0, 0.5];
export const REGRESSION_RANGE = { min: -2, max: 4, step: 0.1 } as const;

/** A classification set: the targets are classes, the predictions probabilities of class 1. */
export const CLASS_TARGETS: readonly number[] = [1, 0, 1, 0];
export const CLASS_START: readonly number[] = [0.9, 0.2, 0.6, 0.3];
export const PROBABILITY_RANGE = { min: 0.01, max: 0.99, step: 0.01 } as const;

export interface ExampleLoss {
  prediction: number;
  target: number;
  /** The engine's squared error of this example alone. */
  squaredError: number;
  /** The engine's binary cross-entropy of this example alone (classification only). */
  crossEntropy: number;
}

export interface SetLosses {
  examples: ExampleLoss[];
  /** Mean squared error over the set. */
  mse: number;
  /** Mean binary cross-entropy over the set (classification only; NaN for regression). */
  crossEntropy: number;
}

/** Squared error of one prediction, from the engine. */
export function squaredError(prediction: number, target: number): number {
  return losses.mse.value([prediction], [target]);
}

/** Binary cross-entropy of one predicted probability, from the engine. */
export function crossEntropy(probability: number, target: number): number {
  return losses.binaryCrossEntropy.value([probability], [target]);
}

export function regressionLosses(predictions: readonly number[]): SetLosses {
  const targets = REGRESSION_TARGETS.slice(0, predictions.length);
  return {
    examples: predictions.map((p, i) => {
      const y = targets[i] ?? 0;
      return { prediction: p, target: y, squaredError: squaredError(p, y), crossEntropy: NaN };
    }),
    mse: losses.mse.value(predictions, targets),
    crossEntropy: Number.NaN,
  };
}

export function classificationLosses(probabilities: readonly number[]): SetLosses {
  const targets = CLASS_TARGETS.slice(0, probabilities.length);
  return {
    examples: probabilities.map((p, i) => {
      const y = targets[i] ?? 0;
      return {
        prediction: p,
        target: y,
        squaredError: squaredError(p, y),
        crossEntropy: crossEntropy(p, y),
      };
    }),
    mse: losses.mse.value(probabilities, targets),
    crossEntropy: losses.binaryCrossEntropy.value(probabilities, targets),
  };
}

/** The example cross-entropy punishes most, and how much more than squared error does. */
export function harshest(set: SetLosses): { index: number; ratio: number } | null {
  let best: { index: number; ratio: number } | null = null;
  set.examples.forEach((e, index) => {
    if (!best || e.crossEntropy > (set.examples[best.index]?.crossEntropy ?? -Infinity)) {
      best = { index, ratio: e.crossEntropy / Math.max(e.squaredError, 1e-12) };
    }
  });
  return best;
}

/** "(0.25 + 1.00 + 0.00) / 3": a mean written out term by term (in the page's language with `fmt`). */
export function meanOf(
  values: readonly number[],
  fmt: FormatNumber = (v, decimals) => formatNumber(v, decimals),
): string {
  return `(${values.map((v) => fmt(v)).join(" + ")}) / ${values.length}`;
}
