/**
 * Gradient-descent update rules on flat parameter arrays, written as TensorFlow.js writes them
 * (tf.train.sgd / momentum / adam), so the fused kernel and the tensor engine take identical steps.
 */

export type OptimizerConfig =
  | { kind: "sgd"; learningRate: number }
  | { kind: "momentum"; learningRate: number; momentum: number }
  | { kind: "adam"; learningRate: number; beta1?: number; beta2?: number; epsilon?: number };

export type OptimizerKind = OptimizerConfig["kind"];

export interface Optimizer {
  readonly config: OptimizerConfig;
  /** params ← params − update(grads), in place. */
  apply(params: Float64Array, grads: Float64Array): void;
  /** Forgets velocities and moments (after the weights are replaced). */
  reset(): void;
}

export const ADAM_DEFAULTS = { beta1: 0.9, beta2: 0.999, epsilon: 1e-7 } as const;

export function validateOptimizer(config: OptimizerConfig): OptimizerConfig {
  if (!(config.learningRate > 0) || !Number.isFinite(config.learningRate)) {
    throw new RangeError("The learning rate must be a positive number.");
  }
  if (config.kind === "momentum" && !(config.momentum >= 0 && config.momentum < 1)) {
    throw new RangeError("Momentum must be in [0, 1).");
  }
  return config;
}

export function createOptimizer(config: OptimizerConfig, size: number): Optimizer {
  validateOptimizer(config);
  switch (config.kind) {
    case "sgd":
      return {
        config,
        apply(params, grads) {
          const lr = config.learningRate;
          for (let k = 0; k < size; k++)
            params[k] = (params[k] as number) - lr * (grads[k] as number);
        },
        reset() {
          // Plain SGD keeps no state between steps.
        },
      };
    case "momentum": {
      // v ← μ·v + g;  w ← w − η·v
      const velocity = new Float64Array(size);
      return {
        config,
        apply(params, grads) {
          const { learningRate: lr, momentum: mu } = config;
          for (let k = 0; k < size; k++) {
            const v = mu * (velocity[k] as number) + (grads[k] as number);
            velocity[k] = v;
            params[k] = (params[k] as number) - lr * v;
          }
        },
        reset() {
          velocity.fill(0);
        },
      };
    }
    case "adam": {
      // m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g²;  w ← w − η·m̂ / (√v̂ + ε), with bias-corrected m̂, v̂.
      const beta1 = config.beta1 ?? ADAM_DEFAULTS.beta1;
      const beta2 = config.beta2 ?? ADAM_DEFAULTS.beta2;
      const epsilon = config.epsilon ?? ADAM_DEFAULTS.epsilon;
      const m = new Float64Array(size);
      const v = new Float64Array(size);
      let beta1Power = 1;
      let beta2Power = 1;
      return {
        config,
        apply(params, grads) {
          beta1Power *= beta1;
          beta2Power *= beta2;
          const lr = config.learningRate;
          const c1 = 1 - beta1Power;
          const c2 = 1 - beta2Power;
          for (let k = 0; k < size; k++) {
            const g = grads[k] as number;
            const mk = beta1 * (m[k] as number) + (1 - beta1) * g;
            const vk = beta2 * (v[k] as number) + (1 - beta2) * g * g;
            m[k] = mk;
            v[k] = vk;
            params[k] = (params[k] as number) - (lr * (mk / c1)) / (Math.sqrt(vk / c2) + epsilon);
          }
        },
        reset() {
          m.fill(0);
          v.fill(0);
          beta1Power = 1;
          beta2Power = 1;
        },
      };
    }
  }
}
