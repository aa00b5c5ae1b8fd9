import * as tf from "@tensorflow/tfjs-core";
import { expect } from "vitest";
import type { Dataset } from "../dataset.ts";
import { gaussianClusters, linearRegression, xor } from "../datasets/generators.ts";
import { Network } from "../network.ts";
import { initWeights, type NetworkSpec, type NetworkWeights } from "../network-spec.ts";
import type { OptimizerConfig } from "../optimizers.ts";
import { TensorTrainer, type TensorTrainerOptions } from "../tensor-trainer.ts";
import { Trainer } from "../trainer.ts";

/**
 * Training set-ups on which every engine must agree: the fused float64 kernel, the glass-box
 * network and the tensor engine on each backend (in Node and in Chromium).
 */
export interface EquivalenceCase {
  name: string;
  spec: NetworkSpec;
  data: () => Dataset;
  optimizer: OptimizerConfig;
  batchSize: number;
  l1?: number;
  l2?: number;
}

/** Largest |a − b| / max(1, |b|) over all weights: float32 arithmetic against float64. */
export function maxRelativeDifference(a: NetworkWeights, b: NetworkWeights): number {
  let worst = 0;
  a.forEach((w, l) => {
    const other = b[l];
    if (!other) throw new Error("layer count differs");
    w.kernel.forEach((v, k) => {
      const ref = other.kernel[k] ?? Number.NaN;
      worst = Math.max(worst, Math.abs(v - ref) / Math.max(1, Math.abs(ref)));
    });
    w.bias.forEach((v, k) => {
      const ref = other.bias[k] ?? Number.NaN;
      worst = Math.max(worst, Math.abs(v - ref) / Math.max(1, Math.abs(ref)));
    });
  });
  return worst;
}

export const equivalenceCases: {
  name: string;
  spec: NetworkSpec;
  data: () => Dataset;
  optimizer: OptimizerConfig;
  batchSize: number;
  l1?: number;
  l2?: number;
}[] = [
  {
    name: "tanh/sigmoid, binary cross-entropy, SGD, full batch",
    spec: {
      inputs: 2,
      layers: [
        { units: 8, activation: "tanh" },
        { units: 8, activation: "tanh" },
        { units: 1, activation: "sigmoid" },
      ],
      loss: "binaryCrossEntropy",
    },
    data: () => xor({ n: 64, seed: 1 }),
    optimizer: { kind: "sgd", learningRate: 0.3 },
    batchSize: 64,
  },
  {
    name: "relu/softmax, categorical cross-entropy, momentum, mini-batches, L2",
    spec: {
      inputs: 2,
      layers: [
        { units: 6, activation: "relu" },
        { units: 3, activation: "softmax" },
      ],
      loss: "categoricalCrossEntropy",
    },
    data: () => gaussianClusters({ n: 60, classes: 3, seed: 2 }),
    optimizer: { kind: "momentum", learningRate: 0.05, momentum: 0.9 },
    batchSize: 16,
    l2: 0.001,
  },
  {
    name: "leaky relu/linear, squared error, Adam, mini-batches, L1",
    spec: {
      inputs: 2,
      layers: [
        { units: 5, activation: "leakyRelu" },
        { units: 1, activation: "linear" },
      ],
      loss: "mse",
    },
    data: () => linearRegression({ n: 50, seed: 3 }),
    optimizer: { kind: "adam", learningRate: 0.01 },
    batchSize: 10,
    l1: 0.0005,
  },
];

/**
 * Trains one case for 30 steps on the fused kernel and on the tensor engine from the same seeds,
 * and checks: the tensor engine's first outputs equal the glass-box network's forward pass, and
 * the weights after 30 steps agree to float32 precision.
 */
export async function expectSameTraining(
  c: EquivalenceCase,
  options: TensorTrainerOptions,
): Promise<void> {
  const data = c.data();
  const config = {
    optimizer: c.optimizer,
    batchSize: c.batchSize,
    seed: 5,
    ...(c.l1 ? { l1: c.l1 } : {}),
    ...(c.l2 ? { l2: c.l2 } : {}),
  };
  const reference = new Trainer(c.spec, initWeights(c.spec, 4), data, config);
  const tensor = await TensorTrainer.create(c.spec, initWeights(c.spec, 4), data, config, options);
  expect(tf.getBackend()).toBe(options.backend);

  const glass = new Network(c.spec, initWeights(c.spec, 4));
  const outputs = await tensor.predict(data.x, 4);
  const width = data.outputSize;
  for (let e = 0; e < 4; e++) {
    const expected = glass.forward(
      Array.from(data.x.subarray(e * data.inputSize, (e + 1) * data.inputSize)),
    ).output;
    expected.forEach((v, j) => {
      expect(outputs[e * width + j]).toBeCloseTo(v, 5);
    });
  }

  for (let s = 0; s < 30; s++) {
    reference.trainStep();
    await tensor.trainStep();
  }
  expect(tensor.step).toBe(30);
  expect(tensor.epoch).toBe(reference.epoch);
  expect(maxRelativeDifference(await tensor.getWeights(), reference.getWeights())).toBeLessThan(
    1e-4,
  );
  const [a, b] = [await tensor.evaluate(), reference.evaluate()];
  expect(a.loss).toBeCloseTo(b.loss, 4);
  tensor.dispose();
}
