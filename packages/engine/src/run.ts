import type { Dataset } from "./dataset.ts";
import { DivergenceError, type Evaluation, type StepReport } from "./trainer.ts";

/**
 * Runs many training steps as one cancellable task with progress reports: what the playground's
 * Play button starts. It works with any trainer that can take a step and evaluate — the fused
 * kernel's `Trainer` or the tensor engine's — and gives the event loop a turn every few
 * milliseconds, so an abort (or, in a Web Worker, a message) is heard promptly.
 */

export interface SteppingTrainer {
  readonly step: number;
  readonly epoch: number;
  trainStep(): StepReport | Promise<StepReport>;
  evaluate(data?: Dataset): Evaluation | Promise<Evaluation>;
}

export interface Progress {
  step: number;
  epoch: number;
  /** Mean loss of the last step's batch. */
  loss: number;
  /** Over the whole training set, when reported. */
  trainLoss: number;
  trainAccuracy?: number;
  testLoss?: number;
  testAccuracy?: number;
  elapsedMs: number;
}

export interface RunOptions {
  /** Stop after this many more steps. */
  steps?: number;
  /** Stop after this many more complete epochs. */
  epochs?: number;
  signal?: AbortSignal;
  /** Called every `progressEvery` steps and once at the end. */
  onProgress?: (progress: Progress) => void;
  progressEvery?: number;
  test?: Dataset;
  /** Longest stretch of work between two turns of the event loop, in ms. */
  sliceMs?: number;
}

export type RunStatus = "completed" | "aborted" | "diverged";

export interface RunResult {
  status: RunStatus;
  progress: Progress;
  /** Why training diverged, in words for the learner. */
  message?: string;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function runTraining(
  trainer: SteppingTrainer,
  options: RunOptions,
): Promise<RunResult> {
  const { steps, epochs, signal, onProgress, test } = options;
  if (steps === undefined && epochs === undefined)
    throw new RangeError("Say how many steps or epochs to run.");
  for (const [name, value] of [
    ["steps", steps],
    ["epochs", epochs],
    ["progressEvery", options.progressEvery],
  ] as const) {
    if (value !== undefined && (!Number.isInteger(value) || value < 0)) {
      throw new RangeError(`${name} must be a whole number ≥ 0.`);
    }
  }
  const progressEvery = options.progressEvery ?? 10;
  const sliceMs = options.sliceMs ?? 8;
  const started = performance.now();
  const stopStep = steps === undefined ? Infinity : trainer.step + steps;
  const stopEpoch = epochs === undefined ? Infinity : trainer.epoch + epochs;
  let lastLoss = Number.NaN;

  const report = async (): Promise<Progress> => {
    const train = await trainer.evaluate();
    const testEval = test ? await trainer.evaluate(test) : undefined;
    const progress: Progress = {
      step: trainer.step,
      epoch: trainer.epoch,
      loss: lastLoss,
      trainLoss: train.loss,
      ...(train.accuracy === undefined ? {} : { trainAccuracy: train.accuracy }),
      ...(testEval ? { testLoss: testEval.loss } : {}),
      ...(testEval?.accuracy === undefined ? {} : { testAccuracy: testEval.accuracy }),
      elapsedMs: performance.now() - started,
    };
    onProgress?.(progress);
    return progress;
  };

  let sliceStart = performance.now();
  while (trainer.step < stopStep && trainer.epoch < stopEpoch) {
    if (signal?.aborted) return { status: "aborted", progress: await report() };
    try {
      lastLoss = (await trainer.trainStep()).loss;
    } catch (error) {
      if (error instanceof DivergenceError) {
        return { status: "diverged", progress: await report(), message: error.message };
      }
      throw error;
    }
    if (progressEvery > 0 && trainer.step % progressEvery === 0) await report();
    if (performance.now() - sliceStart >= sliceMs) {
      await yieldToEventLoop();
      sliceStart = performance.now();
    }
  }
  return { status: signal?.aborted ? "aborted" : "completed", progress: await report() };
}
