import { createRequire } from "node:module";
import { dirname } from "node:path";
import * as tf from "@tensorflow/tfjs-core";
import { describe, expect, it } from "vitest";
import type { TensorBackend } from "./backends.ts";
import { linearRegression, xor } from "./datasets/generators.ts";
import { initWeights, type NetworkSpec } from "./network-spec.ts";
import { TensorTrainer } from "./tensor-trainer.ts";
import { equivalenceCases as cases, expectSameTraining } from "./testing/equivalence-cases.ts";
import { DivergenceError } from "./trainer.ts";

const require = createRequire(import.meta.url);
const wasmPaths = `${dirname(require.resolve("@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm"))}/`;
const backends: TensorBackend[] = ["cpu", "wasm"];

describe.each(backends)("TensorTrainer on %s", (backend) => {
  for (const c of cases) {
    it(`${c.name}: same weights as the fused float64 kernel after 30 steps`, async () => {
      await expectSameTraining(c, { backend, backendOptions: { wasmPaths } });
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
  }, 300_000);
});
