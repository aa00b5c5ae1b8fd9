/**
 * Activation functions of the glass-box maths, in float64. Each one says its forward value and,
 * right beside it, how a gradient flows back through it (its derivative with respect to z).
 */

export type ActivationName = "linear" | "relu" | "leakyRelu" | "sigmoid" | "tanh";

export interface Activation {
  readonly name: ActivationName;
  /** a = f(z) */
  readonly apply: (z: number) => number;
  /** f′(z), the local slope used by backpropagation. */
  readonly derivative: (z: number) => number;
  /** The range of outputs, for axes and for lesson text: [min, max], open or not. */
  readonly range: readonly [number, number];
}

/** Slope of leaky ReLU for negative z (the common default). */
export const LEAKY_RELU_ALPHA = 0.01;

function sigmoid(z: number): number {
  // Split by sign so exp never overflows: the result is exact to float64 for any finite z.
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

export const activations: Readonly<Record<ActivationName, Activation>> = {
  linear: {
    name: "linear",
    apply: (z) => z,
    derivative: () => 1,
    range: [-Infinity, Infinity],
  },
  relu: {
    name: "relu",
    apply: (z) => (z > 0 ? z : 0),
    // The kink at 0 has no derivative; 0 is the convention TensorFlow.js uses too.
    derivative: (z) => (z > 0 ? 1 : 0),
    range: [0, Infinity],
  },
  leakyRelu: {
    name: "leakyRelu",
    apply: (z) => (z > 0 ? z : LEAKY_RELU_ALPHA * z),
    derivative: (z) => (z > 0 ? 1 : LEAKY_RELU_ALPHA),
    range: [-Infinity, Infinity],
  },
  sigmoid: {
    name: "sigmoid",
    apply: sigmoid,
    derivative: (z) => {
      const s = sigmoid(z);
      return s * (1 - s);
    },
    range: [0, 1],
  },
  tanh: {
    name: "tanh",
    apply: Math.tanh,
    derivative: (z) => {
      const t = Math.tanh(z);
      return 1 - t * t;
    },
    range: [-1, 1],
  },
};

export function activation(name: ActivationName): Activation {
  return activations[name];
}
