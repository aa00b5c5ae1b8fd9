/**
 * Loss functions of the glass-box maths, per example, in float64: the value and the gradient with
 * respect to the prediction. Batches average the per-example losses.
 */
import type { LossName } from "./network-spec.ts";

export interface Loss {
  readonly name: LossName;
  /** L(prediction, target) for one example. */
  readonly value: (prediction: readonly number[], target: readonly number[]) => number;
  /** ∂L/∂prediction for one example. */
  readonly gradient: (prediction: readonly number[], target: readonly number[]) => number[];
}

/** Predictions are clipped this far from 0 and 1 before a logarithm, as Keras does. */
export const EPSILON = 1e-7;

const clip = (p: number) => Math.min(Math.max(p, EPSILON), 1 - EPSILON);

function sameLength(prediction: readonly number[], target: readonly number[]): void {
  if (prediction.length !== target.length || prediction.length === 0) {
    throw new RangeError(
      `Prediction and target must have the same, non-zero length (got ${prediction.length} and ${target.length}).`,
    );
  }
}

export const losses: Readonly<Record<LossName, Loss>> = {
  /** Mean over the outputs of the squared difference. */
  mse: {
    name: "mse",
    value: (p, y) => {
      sameLength(p, y);
      return p.reduce((sum, pi, i) => sum + (pi - (y[i] ?? 0)) ** 2, 0) / p.length;
    },
    gradient: (p, y) => {
      sameLength(p, y);
      return p.map((pi, i) => (2 * (pi - (y[i] ?? 0))) / p.length);
    },
  },
  /** −[y·log p + (1 − y)·log(1 − p)], averaged over the outputs. */
  binaryCrossEntropy: {
    name: "binaryCrossEntropy",
    value: (p, y) => {
      sameLength(p, y);
      const total = p.reduce((sum, pi, i) => {
        const q = clip(pi);
        const t = y[i] ?? 0;
        return sum - (t * Math.log(q) + (1 - t) * Math.log(1 - q));
      }, 0);
      return total / p.length;
    },
    gradient: (p, y) => {
      sameLength(p, y);
      return p.map((pi, i) => {
        const q = clip(pi);
        const t = y[i] ?? 0;
        return (q - t) / (q * (1 - q)) / p.length;
      });
    },
  },
  /** −Σ yⱼ·log pⱼ over the classes (targets one-hot or a distribution). */
  categoricalCrossEntropy: {
    name: "categoricalCrossEntropy",
    value: (p, y) => {
      sameLength(p, y);
      return -p.reduce((sum, pi, i) => sum + (y[i] ?? 0) * Math.log(clip(pi)), 0);
    },
    gradient: (p, y) => {
      sameLength(p, y);
      return p.map((pi, i) => -(y[i] ?? 0) / clip(pi));
    },
  },
};

/** softmax(z)ᵢ = exp(zᵢ) / Σⱼ exp(zⱼ), shifted by max(z) so no exponential overflows. */
export function softmax(z: readonly number[]): number[] {
  const max = Math.max(...z);
  const exps = z.map((zi) => Math.exp(zi - max));
  const sum = exps.reduce((s, e) => s + e, 0);
  return exps.map((e) => e / sum);
}

/**
 * Back through softmax: given a = softmax(z) and g = ∂L/∂a, returns ∂L/∂z. The Jacobian is
 * ∂aᵢ/∂zⱼ = aᵢ(δᵢⱼ − aⱼ), so ∂L/∂zᵢ = aᵢ·(gᵢ − Σⱼ gⱼaⱼ).
 */
export function softmaxBackward(a: readonly number[], g: readonly number[]): number[] {
  const dot = a.reduce((s, aj, j) => s + aj * (g[j] ?? 0), 0);
  return a.map((ai, i) => ai * ((g[i] ?? 0) - dot));
}
