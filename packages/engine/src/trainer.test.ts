import { describe, expect, it } from "vitest";
import { gaussianClusters, linearRegression, spirals, xor } from "./datasets/generators.ts";
import { trainTestSplit } from "./datasets/split.ts";
import { Network } from "./network.ts";
import { initWeights, type NetworkSpec } from "./network-spec.ts";
import { runTraining } from "./run.ts";
import { DivergenceError, Trainer } from "./trainer.ts";

describe("DivergenceError", () => {
  it("carries the step, the reason and the loss, and says it in English for developers", () => {
    const lost = new DivergenceError(7, "loss", Number.POSITIVE_INFINITY);
    expect([lost.step, lost.reason, lost.loss]).toEqual([7, "loss", Number.POSITIVE_INFINITY]);
    expect(lost.message).toMatch(/^Training diverged at step 7: the loss is Infinity\./);
    expect(new DivergenceError(3, "weight").message).toContain("a weight overflowed");
  });
});

const xorSpec: NetworkSpec = {
  inputs: 2,
  layers: [
    { units: 8, activation: "tanh" },
    { units: 8, activation: "tanh" },
    { units: 1, activation: "sigmoid" },
  ],
  loss: "binaryCrossEntropy",
};

describe("Trainer", () => {
  it("learns XOR to 100% accuracy within 600 full-batch Adam steps (seed 1)", () => {
    const data = xor({ n: 200, seed: 1 });
    const trainer = new Trainer(xorSpec, initWeights(xorSpec, 1), data, {
      optimizer: { kind: "adam", learningRate: 0.03 },
      batchSize: 200,
      seed: 1,
    });
    const before = trainer.evaluate();
    for (let s = 0; s < 600; s++) trainer.trainStep();
    const after = trainer.evaluate();
    expect(before.accuracy).toBeLessThan(0.8);
    expect(after.accuracy).toBe(1);
    expect(after.loss).toBeLessThan(before.loss / 5);
  });

  it("separates two spirals with ≥ 95% test accuracy within 3,000 mini-batch steps (seed 7)", () => {
    const { train, test } = trainTestSplit(spirals({ n: 500, seed: 1 }), {
      testFraction: 0.2,
      seed: 2,
      stratify: true,
    });
    const spec: NetworkSpec = {
      inputs: 2,
      layers: [
        { units: 16, activation: "tanh" },
        { units: 16, activation: "tanh" },
        { units: 16, activation: "tanh" },
        { units: 1, activation: "sigmoid" },
      ],
      loss: "binaryCrossEntropy",
    };
    const trainer = new Trainer(spec, initWeights(spec, 7), train, {
      optimizer: { kind: "adam", learningRate: 0.01 },
      batchSize: 32,
      seed: 3,
    });
    for (let s = 0; s < 3000; s++) trainer.trainStep();
    expect(trainer.evaluate(test).accuracy).toBeGreaterThanOrEqual(0.95);
  });

  it("classifies several Gaussian clusters with softmax and cross-entropy", () => {
    const data = gaussianClusters({ n: 300, classes: 4, seed: 5 });
    const spec: NetworkSpec = {
      inputs: 2,
      layers: [
        { units: 8, activation: "relu" },
        { units: 4, activation: "softmax" },
      ],
      loss: "categoricalCrossEntropy",
    };
    const trainer = new Trainer(spec, initWeights(spec, 2), data, {
      optimizer: { kind: "momentum", learningRate: 0.1, momentum: 0.9 },
      batchSize: 30,
      seed: 4,
    });
    for (let s = 0; s < 400; s++) trainer.trainStep();
    expect(trainer.evaluate().accuracy).toBeGreaterThan(0.95);
  });

  it("takes exactly the glass-box network's gradient-descent steps", () => {
    const data = linearRegression({ n: 16, seed: 3 });
    const spec: NetworkSpec = {
      inputs: 2,
      layers: [
        { units: 3, activation: "tanh" },
        { units: 1, activation: "linear" },
      ],
      loss: "mse",
    };
    const weights = initWeights(spec, 9);
    const trainer = new Trainer(spec, weights, data, {
      optimizer: { kind: "sgd", learningRate: 0.1 },
      batchSize: 16,
      seed: 1,
    });
    const reference = new Network(spec, initWeights(spec, 9));
    const xs = Array.from({ length: 16 }, (_, e) => [data.x[2 * e] ?? 0, data.x[2 * e + 1] ?? 0]);
    const ys = Array.from({ length: 16 }, (_, e) => [data.y[e] ?? 0]);
    for (let s = 0; s < 5; s++) {
      trainer.trainStep();
      const { gradients } = reference.batchGradients(xs, ys);
      reference.weights.forEach((w, l) => {
        w.kernel.forEach((v, k) => (w.kernel[k] = v - 0.1 * (gradients[l]?.kernel[k] ?? 0)));
        w.bias.forEach((v, k) => (w.bias[k] = v - 0.1 * (gradients[l]?.bias[k] ?? 0)));
      });
    }
    trainer.getWeights().forEach((w, l) => {
      w.kernel.forEach((v, k) => {
        expect(v).toBeCloseTo(reference.weights[l]?.kernel[k] ?? Number.NaN, 12);
      });
    });
  });

  it("walks mini-batches through a shuffled epoch and counts epochs", () => {
    const data = xor({ n: 100, seed: 2 });
    const trainer = new Trainer(xorSpec, initWeights(xorSpec, 1), data, {
      optimizer: { kind: "sgd", learningRate: 0.1 },
      batchSize: 30,
      seed: 1,
    });
    const reports = Array.from({ length: 8 }, () => trainer.trainStep());
    // 30 + 30 + 30 + 10 examples make one epoch.
    expect(reports.map((r) => r.epoch)).toEqual([0, 0, 0, 1, 1, 1, 1, 2]);
  });

  it("shrinks the weights under L2 and drives some to zero-ish under L1", () => {
    const data = xor({ n: 100, seed: 2 });
    const norm = (t: Trainer) =>
      t.getWeights().reduce((s, w) => s + w.kernel.reduce((a, v) => a + v * v, 0), 0);
    const make = (l1: number, l2: number) =>
      new Trainer(xorSpec, initWeights(xorSpec, 1), data, {
        optimizer: { kind: "sgd", learningRate: 0.1 },
        batchSize: 100,
        seed: 1,
        l1,
        l2,
      });
    const plain = make(0, 0);
    const l2 = make(0, 0.05);
    for (let s = 0; s < 300; s++) {
      plain.trainStep();
      l2.trainStep();
    }
    expect(norm(l2)).toBeLessThan(norm(plain) * 0.6);
    const l1 = make(0.02, 0);
    for (let s = 0; s < 300; s++) l1.trainStep();
    const small = l1
      .getWeights()
      .flatMap((w) => Array.from(w.kernel))
      .filter((v) => Math.abs(v) < 0.01).length;
    expect(small).toBeGreaterThan(0);
  });

  it("reports a learning rate that blows up, and keeps the last finite weights", () => {
    const data = linearRegression({ n: 50, seed: 1 });
    const spec: NetworkSpec = {
      inputs: 2,
      layers: [
        { units: 4, activation: "linear" },
        { units: 1, activation: "linear" },
      ],
      loss: "mse",
    };
    const trainer = new Trainer(spec, initWeights(spec, 1), data, {
      optimizer: { kind: "sgd", learningRate: 1e6 },
      batchSize: 50,
      seed: 1,
    });
    let caught: unknown;
    try {
      for (let s = 0; s < 100; s++) trainer.trainStep();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DivergenceError);
    expect((caught as DivergenceError).message).toMatch(
      /diverged at step \d+.*smaller learning rate/,
    );
    // What stopped it, for a learner's message in any language.
    expect(["loss", "gradient", "weight"]).toContain((caught as DivergenceError).reason);
    expect((caught as DivergenceError).step).toBeGreaterThan(0);
    expect(trainer.getWeights().every((w) => w.kernel.every(Number.isFinite))).toBe(true);
  });

  it("pauses after forward, loss, backward and update in that order", () => {
    const trainer = new Trainer(xorSpec, initWeights(xorSpec, 1), xor({ n: 20, seed: 1 }), {
      optimizer: { kind: "sgd", learningRate: 0.1 },
      batchSize: 20,
      seed: 1,
    });
    const phases = [...trainer.phases()].map((p) => p.phase);
    expect(phases).toEqual(["forward", "loss", "backward", "update"]);
    expect(trainer.step).toBe(1);
  });

  it("refuses data that does not fit the network and nonsense settings", () => {
    const data = gaussianClusters({ n: 30, classes: 3, seed: 1 });
    const make = (batchSize: number, learningRate = 0.1) =>
      new Trainer(xorSpec, initWeights(xorSpec, 1), data, {
        optimizer: { kind: "sgd", learningRate },
        batchSize,
        seed: 1,
      });
    expect(() => make(10)).toThrow(/the network expects 2 and 1/);
    const xorData = xor({ n: 10, seed: 1 });
    expect(
      () =>
        new Trainer(xorSpec, initWeights(xorSpec, 1), xorData, {
          optimizer: { kind: "sgd", learningRate: -1 },
          batchSize: 5,
          seed: 1,
        }),
    ).toThrow(/learning rate/);
    expect(
      () =>
        new Trainer(xorSpec, initWeights(xorSpec, 1), xorData, {
          optimizer: { kind: "sgd", learningRate: 0.1 },
          batchSize: 0,
          seed: 1,
        }),
    ).toThrow(/batch size/);
  });
});

describe("runTraining", () => {
  const trainer = () =>
    new Trainer(xorSpec, initWeights(xorSpec, 1), xor({ n: 100, seed: 1 }), {
      optimizer: { kind: "adam", learningRate: 0.03 },
      batchSize: 100,
      seed: 1,
    });

  it("reports progress with step, epoch, loss and accuracy, then completes", async () => {
    const seen: number[] = [];
    const result = await runTraining(trainer(), {
      steps: 50,
      progressEvery: 10,
      test: xor({ n: 40, seed: 9 }),
      onProgress: (p) => seen.push(p.step),
    });
    expect(result.status).toBe("completed");
    expect(seen).toEqual([10, 20, 30, 40, 50, 50]);
    expect(result.progress).toMatchObject({ step: 50, epoch: 50 });
    expect(result.progress.trainAccuracy).toBeGreaterThan(0.5);
    expect(result.progress.testAccuracy).toBeGreaterThan(0.5);
  });

  it("stops when aborted", async () => {
    const controller = new AbortController();
    const t = trainer();
    const result = await runTraining(t, {
      steps: 1_000_000,
      signal: controller.signal,
      progressEvery: 100,
      onProgress: (p) => {
        if (p.step >= 300) controller.abort();
      },
    });
    expect(result.status).toBe("aborted");
    expect(t.step).toBe(300);
  });

  it("turns divergence into a result the page can show", async () => {
    const data = linearRegression({ n: 50, seed: 1 });
    const spec: NetworkSpec = {
      inputs: 2,
      layers: [{ units: 1, activation: "linear" }],
      loss: "mse",
    };
    const t = new Trainer(spec, initWeights(spec, 1), data, {
      optimizer: { kind: "sgd", learningRate: 1e9 },
      batchSize: 50,
      seed: 1,
    });
    const result = await runTraining(t, { steps: 100 });
    expect(result.status).toBe("diverged");
    expect(result.message).toMatch(/learning rate/);
  });
});
