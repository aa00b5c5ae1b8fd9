import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { xor } from "../datasets/generators.ts";
import { initWeights, type NetworkSpec, type NetworkWeights } from "../network-spec.ts";
import type { Progress } from "../run.ts";
import { Trainer, type TrainingConfig } from "../trainer.ts";
import { createTrainingWorker, progressCallback, type TrainingWorker } from "./client.ts";

const spec: NetworkSpec = {
  inputs: 2,
  layers: [
    { units: 8, activation: "tanh" },
    { units: 8, activation: "tanh" },
    { units: 1, activation: "sigmoid" },
  ],
  loss: "binaryCrossEntropy",
};
const data = xor({ n: 200, seed: 1 });
const config: TrainingConfig = {
  optimizer: { kind: "adam", learningRate: 0.03 },
  batchSize: 200,
  seed: 1,
};

function maxWeightDifference(a: NetworkWeights, b: NetworkWeights): number {
  expect(a).toHaveLength(b.length);
  let worst = 0;
  a.forEach((layer, l) => {
    const other = b[l];
    if (!other) throw new Error(`Layer ${l} is missing.`);
    expect(layer.kernel).toHaveLength(other.kernel.length);
    expect(layer.bias).toHaveLength(other.bias.length);
    layer.kernel.forEach(
      (w, i) => (worst = Math.max(worst, Math.abs(w - (other.kernel[i] as number)))),
    );
    layer.bias.forEach(
      (w, i) => (worst = Math.max(worst, Math.abs(w - (other.bias[i] as number)))),
    );
  });
  return worst;
}

/** Counts turns of the main thread's event loop (setTimeout 0) until stopped, and the longest gap. */
function watchMainThread() {
  let ticks = 0;
  let longestGapMs = 0;
  let last = performance.now();
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    const now = performance.now();
    longestGapMs = Math.max(longestGapMs, now - last);
    last = now;
    ticks++;
    setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  return {
    ticks: () => ticks,
    stop: () => {
      stopped = true;
      return { ticks, longestGapMs };
    },
  };
}

describe("training in a Web Worker", () => {
  let worker: TrainingWorker;

  beforeEach(async () => {
    worker = createTrainingWorker();
    await worker.api.create(spec, initWeights(spec, 1), data, config);
  });

  afterEach(() => {
    worker.terminate();
  });

  it("says which engine it chose for the network, and why", async () => {
    const report = await worker.api.report();
    expect(report.engine).toBe("simd");
    // Without a graphics driver Chromium's GPU backends are SwiftShader, and the report says so.
    expect(report.reason).toMatch(
      /^Fused WebAssembly SIMD kernel \(float32\) for a 2-8-8-1 network, 200 examples per step .*: (the only GPU backends \(webgpu, webgl\) run in software on the CPU|below the .* where webgpu starts to win)\.$/,
    );
  });

  it("trains a bigger network on the GPU backend when asked, in the worker", async () => {
    const big = await worker.api.create(spec, initWeights(spec, 1), data, config, undefined, {
      engine: "webgpu",
    });
    expect(big.engine).toBe("webgpu");
    // WebGPU here is SwiftShader on the CPU, where each step costs tens of milliseconds.
    const result = await worker.api.run({ steps: 20, progressEvery: 0 });
    expect(result.status).toBe("completed");
    expect(result.progress.step).toBe(20);
  }, 120_000);

  it("learns XOR in 600 steps, reporting progress with increasing steps", async () => {
    const reports: Progress[] = [];
    const result = await worker.api.run(
      { steps: 600, progressEvery: 50 },
      progressCallback((progress) => reports.push(progress)),
    );

    expect(result.status).toBe("completed");
    expect(result.progress.step).toBe(600);
    expect(result.progress.trainAccuracy).toBe(1);
    // Every 50 steps, then once more at the end (step 600 again).
    expect(reports.map((p) => p.step)).toEqual([
      ...Array.from({ length: 12 }, (_, i) => (i + 1) * 50),
      600,
    ]);
    for (let i = 1; i < reports.length - 1; i++) {
      expect((reports[i] as Progress).step).toBeGreaterThan((reports[i - 1] as Progress).step);
    }
    expect(reports.at(-1)).toEqual(result.progress);
    expect(await worker.api.evaluate()).toEqual({
      loss: result.progress.trainLoss,
      accuracy: 1,
    });
  });

  it("ends with exactly the weights a main-thread Trainer on the same kernel reaches", async () => {
    // Half by a run, half by single steps: both paths must match the main thread.
    await worker.api.run({ steps: 300, progressEvery: 0 });
    for (let s = 0; s < 300; s++) await worker.api.step();
    const fromWorker = await worker.api.getWeights();

    // The worker chose the SIMD kernel (see above); the same WebAssembly on the same numbers
    // gives the same bits on either thread.
    const local = new Trainer(spec, initWeights(spec, 1), data, config, { kernel: "simd" });
    for (let s = 0; s < 600; s++) local.trainStep();

    expect(maxWeightDifference(fromWorker, local.getWeights())).toBe(0);
    expect(local.evaluate().accuracy).toBe(1);
  });

  it("keeps the main thread responsive while it trains 20,000 steps", async () => {
    const watch = watchMainThread();
    const started = performance.now();
    // How many main-thread timer turns had run by each progress report.
    const ticksAtReport: number[] = [];
    const result = await worker.api.run(
      { steps: 20_000, progressEvery: 1000 },
      progressCallback(() => ticksAtReport.push(watch.ticks())),
    );
    const elapsedMs = performance.now() - started;
    const { ticks, longestGapMs } = watch.stop();
    console.info(
      `20,000 steps in the worker: ${elapsedMs.toFixed(0)} ms; main thread: ${ticks} ticks, longest gap ${longestGapMs.toFixed(1)} ms`,
    );

    expect(result.status).toBe("completed");
    expect(result.progress.step).toBe(20_000);
    expect(ticksAtReport.length).toBeGreaterThanOrEqual(20);
    // Had the training run on this thread, no timer would have fired between the first report
    // and the last. Counted in turns rather than milliseconds, so a busy machine cannot fail it.
    const during = (ticksAtReport.at(-1) ?? 0) - (ticksAtReport[0] ?? 0);
    expect(during).toBeGreaterThanOrEqual(5);
  });

  it("stops a long run early when aborted", async () => {
    let firstReport: () => void = () => undefined;
    const reported = new Promise<void>((resolve) => (firstReport = resolve));
    const running = worker.api.run(
      { steps: 1_000_000, progressEvery: 100 },
      progressCallback(() => {
        firstReport();
      }),
    );
    await reported;
    expect(await worker.api.abort()).toBe(true);
    const result = await running;

    expect(result.status).toBe("aborted");
    expect(result.progress.step).toBeGreaterThanOrEqual(100);
    expect(result.progress.step).toBeLessThan(1_000_000);
    expect(await worker.api.abort()).toBe(false);
    // Stopped means free again: single steps continue from where the run left off.
    expect(await worker.api.step()).toMatchObject({ step: result.progress.step + 1 });
  });

  it("refuses to step or start a second run while one is going", async () => {
    const running = worker.api.run({ steps: 1_000_000, progressEvery: 0 });
    await expect(worker.api.step()).rejects.toThrow(/run is in progress/);
    await expect(worker.api.run({ steps: 10 })).rejects.toThrow(/run is in progress/);
    await worker.api.abort();
    expect((await running).status).toBe("aborted");
  });
});
