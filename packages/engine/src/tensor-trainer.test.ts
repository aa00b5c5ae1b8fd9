import { createRequire } from "node:module";
import { dirname } from "node:path";
import * as tf from "@tensorflow/tfjs-core";
import { describe, expect, it } from "vitest";
import type { TensorBackend } from "./backends.ts";
import { gaussianClusters, linearRegression, xor } from "./datasets/generators.ts";
import { initWeights, type NetworkSpec, type NetworkWeights } from "./network-spec.ts";
import type { OptimizerConfig } from "./optimizers.ts";
import { TensorTrainer } from "./tensor-trainer.ts";
import { DivergenceError, Trainer } from "./trainer.ts";

const require = createRequire(import.meta.url);
const wasmPaths = `${dirname(require.resolve("@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm"))}/`;
const backends: TensorBackend[] = ["cpu", "wasm"];

/** Largest |a − b| / max(1, |b|) over all weights: float32 arithmetic against float64. */
function maxRelativeDifference(a: NetworkWeights, b: NetworkWeights): number {
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

const cases: {
  name: string;
  spec: NetworkSpec;
  data: () => ReturnType<typeof xor>;
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

describe.each(backends)("TensorTrainer on %s", (backend) => {
  for (const c of cases) {
    it(`${c.name}: same weights as the fused float64 kernel after 30 steps`, async () => {
      const data = c.data();
      const config = {
        optimizer: c.optimizer,
        batchSize: c.batchSize,
        seed: 5,
        ...(c.l1 ? { l1: c.l1 } : {}),
        ...(c.l2 ? { l2: c.l2 } : {}),
      };
      const reference = new Trainer(c.spec, initWeights(c.spec, 4), data, config);
      const tensor = await TensorTrainer.create(c.spec, initWeights(c.spec, 4), data, config, {
        backend,
        backendOptions: { wasmPaths },
      });
      expect(tf.getBackend()).toBe(backend);
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
    });
  }

  it("trains XOR to 100% on its own", async () => {
    const spec = cases[0]?.spec as NetworkSpec;
    const tensor = await TensorTrainer.create(
      spec,
      initWeights(spec, 1),
      xor({ n: 200, seed: 1 }),
      { optimizer: { kind: "adam", learningRate: 0.03 }, batchSize: 200, seed: 1 },
      { backend, backendOptions: { wasmPaths } },
    );
    for (let s = 0; s < 600; s++) await tensor.trainStep();
    expect((await tensor.evaluate()).accuracy).toBe(1);
    tensor.dispose();
  });

  it("detects divergence and rolls the weights back to the last finite ones", async () => {
    const spec: NetworkSpec = {
      inputs: 2,
      layers: [
        { units: 4, activation: "linear" },
        { units: 1, activation: "linear" },
      ],
      loss: "mse",
    };
    const tensor = await TensorTrainer.create(
      spec,
      initWeights(spec, 1),
      linearRegression({ n: 50, seed: 1 }),
      { optimizer: { kind: "sgd", learningRate: 1e6 }, batchSize: 50, seed: 1 },
      { backend, backendOptions: { wasmPaths }, readEvery: 5 },
    );
    let caught: unknown;
    try {
      for (let s = 0; s < 200; s++) await tensor.trainStep();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DivergenceError);
    const weights = await tensor.getWeights();
    expect(
      weights.every((w) => w.kernel.every(Number.isFinite) && w.bias.every(Number.isFinite)),
    ).toBe(true);
    tensor.dispose();
  });
});

describe("TensorTrainer memory", () => {
  it("keeps the number of live tensors flat over 10,000 training steps", async () => {
    const spec: NetworkSpec = {
      inputs: 2,
      layers: [
        { units: 4, activation: "tanh" },
        { units: 1, activation: "sigmoid" },
      ],
      loss: "binaryCrossEntropy",
    };
    const tensor = await TensorTrainer.create(
      spec,
      initWeights(spec, 1),
      xor({ n: 40, seed: 1 }),
      { optimizer: { kind: "adam", learningRate: 0.01 }, batchSize: 8, seed: 1, l2: 0.001 },
      { backend: "cpu" },
    );
    for (let s = 0; s < 100; s++) await tensor.trainStep();
    const before = tf.memory().numTensors;
    for (let s = 0; s < 10_000; s++) await tensor.trainStep();
    await tensor.evaluate();
    expect(tf.memory().numTensors).toBe(before);
    tensor.dispose();
    expect(tf.memory().numTensors).toBeLessThan(before);
  }, 120_000);
});
