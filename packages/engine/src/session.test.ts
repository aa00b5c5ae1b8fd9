import { createRequire } from "node:module";
import { dirname } from "node:path";
import { describe, expect, it } from "vitest";
import { xor } from "./datasets/generators.ts";
import { initWeights, type NetworkSpec } from "./network-spec.ts";
import { runTraining } from "./run.ts";
import { maxRelativeDifference } from "./testing/equivalence-cases.ts";
import { TrainingSession } from "./session.ts";
import type { TensorTrainer } from "./tensor-trainer.ts";

const require = createRequire(import.meta.url);
const wasmPaths = `${dirname(require.resolve("@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm"))}/`;

const spec: NetworkSpec = {
  inputs: 2,
  layers: [
    { units: 8, activation: "tanh" },
    { units: 1, activation: "sigmoid" },
  ],
  loss: "binaryCrossEntropy",
};
const config = {
  optimizer: { kind: "adam" as const, learningRate: 0.03 },
  batchSize: 200,
  seed: 1,
};

describe("TrainingSession", () => {
  it("picks the fused kernel for a small network automatically and reports why", async () => {
    const session = await TrainingSession.create({
      spec,
      weights: initWeights(spec, 1),
      data: xor({ n: 200, seed: 1 }),
      config,
      backendOptions: { wasmPaths },
    });
    expect(session.report.engine).toBe("simd");
    expect(session.report.reason).toMatch(
      /^Fused WebAssembly SIMD kernel \(float32\) for a 2-8-1 network/,
    );
    const result = await runTraining(session, { steps: 500 });
    expect(result.progress.trainAccuracy).toBe(1);
  });

  it("trains on the float64 kernel when asked, with the same result to float32 precision", async () => {
    const make = (engine: "js" | "simd") =>
      TrainingSession.create({
        spec,
        weights: initWeights(spec, 1),
        data: xor({ n: 200, seed: 1 }),
        config,
        engine,
      });
    const [js, simd] = await Promise.all([make("js"), make("simd")]);
    expect(js.report).toMatchObject({
      engine: "js",
      reason: expect.stringMatching(/^Chosen explicitly/) as unknown,
    });
    for (let s = 0; s < 100; s++) {
      await js.trainStep();
      await simd.trainStep();
    }
    const [a, b] = await Promise.all([js.getWeights(), simd.getWeights()]);
    expect(maxRelativeDifference(b, a)).toBeLessThan(1e-4);
  });

  it("starts the next backend when the asked-for one cannot start here", async () => {
    const session = await TrainingSession.create({
      spec,
      weights: initWeights(spec, 1),
      data: xor({ n: 50, seed: 1 }),
      config,
      engine: "webgpu",
      available: ["webgpu", "cpu"],
    });
    expect(session.report.engine).toBe("cpu");
    expect(session.report.fallbacks.map((f) => f.engine)).toEqual(["webgpu"]);
    session.dispose();
  });

  it("carries the model over to the next engine when a backend fails mid-run", async () => {
    const data = xor({ n: 200, seed: 1 });
    const session = await TrainingSession.create({
      spec,
      weights: initWeights(spec, 1),
      data,
      config,
      engine: "wasm",
      backendOptions: { wasmPaths },
    });
    expect(session.report.engine).toBe("wasm");
    for (let s = 0; s < 200; s++) await session.trainStep();
    const before = await session.evaluate();
    // Simulate the backend going away under the trainer (as a lost GPU device would).
    (session as unknown as { inner: TensorTrainer }).inner.dispose();
    await session.trainStep();
    expect(session.report.engine).toBe("cpu");
    expect(session.report.fallbacks[0]).toMatchObject({
      engine: "wasm",
      error: expect.stringMatching(/disposed/) as unknown,
    });
    expect(session.report.reason).toMatch(/cpu took over after wasm failed/);
    expect(session.step).toBe(201);
    // The model was not lost: training goes on from where it was, not from scratch.
    const after = await session.evaluate();
    expect(after.loss).toBeLessThan(before.loss * 1.05);
    for (let s = 0; s < 400; s++) await session.trainStep();
    expect((await session.evaluate()).accuracy).toBe(1);
    session.dispose();
  });
});
