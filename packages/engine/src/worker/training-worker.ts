import { expose, releaseProxy } from "comlink";
import type { Dataset } from "../dataset.ts";
import type { NetworkSpec, NetworkWeights } from "../network-spec.ts";
import type { BackendOptions } from "../backends.ts";
import type { EngineName } from "../engine-select.ts";
import { runTraining, type Progress, type RunResult } from "../run.ts";
import { TrainingSession, type EngineReport } from "../session.ts";
import type { Evaluation, StepReport, TrainingConfig } from "../trainer.ts";

/**
 * The training worker: one `TrainingSession` living off the main thread, so a long run never
 * freezes the page that shows it. The session picks the fused kernel or a TensorFlow.js backend
 * (WebGPU works in workers too) and `report()` says which and why. The page talks to it through comlink (see `client.ts`); specs, weights and
 * datasets cross by structured clone, which copies typed arrays whole.
 */

export interface WorkerRunOptions {
  /** Stop after this many more steps. */
  steps?: number;
  /** Stop after this many more complete epochs. */
  epochs?: number;
  /** Report progress every this many steps (and once at the end); 0 for the end only. */
  progressEvery?: number;
}

export type ProgressCallback = (progress: Progress) => unknown;

/** Which data `evaluate` scores: the training set, the test set given to `create`, or another. */
export type EvaluationTarget = "train" | "test" | Dataset;

export interface CreateOptions {
  /** "auto" (default) lets the session choose by workload and what this browser offers. */
  engine?: EngineName | "auto";
  backendOptions?: BackendOptions;
}

/**
 * The worker's state and methods, as a plain object so it can be exposed over comlink in a worker
 * or called directly where no worker is needed.
 */
export function createTrainingApi() {
  let trainer: TrainingSession | undefined;
  let testSet: Dataset | undefined;
  let running: AbortController | undefined;

  const current = (): TrainingSession => {
    if (!trainer) throw new Error("No network to train yet: call create() first.");
    return trainer;
  };

  // A run advances the trainer between turns of the event loop; a step, new weights or a new
  // trainer slipped in between would silently change what that run reports.
  const idle = (action: string): TrainingSession => {
    if (running) throw new Error(`Cannot ${action} while a run is in progress; abort it first.`);
    return current();
  };

  return {
    /**
     * Builds the session (replacing any earlier one) from a spec, initial weights and data, and
     * says which engine it chose.
     */
    async create(
      spec: NetworkSpec,
      weights: NetworkWeights,
      train: Dataset,
      config: TrainingConfig,
      test?: Dataset,
      options: CreateOptions = {},
    ): Promise<EngineReport> {
      if (running) throw new Error("Cannot create a new trainer while a run is in progress.");
      trainer?.dispose();
      trainer = undefined;
      trainer = await TrainingSession.create({
        spec,
        weights,
        data: train,
        config,
        ...(options.engine ? { engine: options.engine } : {}),
        ...(options.backendOptions ? { backendOptions: options.backendOptions } : {}),
      });
      testSet = test;
      return trainer.report;
    },

    /** Which engine trains now and why (it changes if a backend fails and another takes over). */
    report(): EngineReport {
      return current().report;
    },

    /**
     * Trains until the steps or epochs are done, `abort()` is called or training diverges.
     * Resolves only after every progress report has reached the caller, so a page's last
     * progress update is never behind the result it gets.
     */
    async run(options: WorkerRunOptions, onProgress?: ProgressCallback): Promise<RunResult> {
      const trainer = idle("start another run");
      const controller = new AbortController();
      running = controller;
      // Across threads `onProgress` returns a promise that settles once the page has handled
      // the report; messages on one port arrive in order, so the last one settling means all have.
      let delivered: Promise<unknown> = Promise.resolve();
      // The page's handler failing is its bug to fix, not a reason to stop training.
      const failed = (error: unknown) => {
        console.error("A progress callback failed:", error);
      };
      const report = onProgress
        ? (progress: Progress) => {
            try {
              delivered = Promise.resolve(onProgress(progress)).catch(failed);
            } catch (error) {
              failed(error);
            }
          }
        : undefined;
      try {
        const result = await runTraining(trainer, {
          signal: controller.signal,
          ...(options.steps === undefined ? {} : { steps: options.steps }),
          ...(options.epochs === undefined ? {} : { epochs: options.epochs }),
          ...(options.progressEvery === undefined ? {} : { progressEvery: options.progressEvery }),
          ...(report ? { onProgress: report } : {}),
          ...(testSet ? { test: testSet } : {}),
        });
        await delivered;
        return result;
      } finally {
        running = undefined;
        // A callback passed with comlink.proxy holds a message port open until released.
        const release = (onProgress as { [releaseProxy]?: unknown } | undefined)?.[releaseProxy];
        if (typeof release === "function") (release as () => void)();
      }
    },

    /** Asks the current run to stop; it resolves with status "aborted". False when none runs. */
    abort(): boolean {
      if (!running) return false;
      running.abort();
      return true;
    },

    /** One training step, for stepping through training by hand. */
    step(): Promise<StepReport> {
      return idle("take a single step").trainStep();
    },

    evaluate(target: EvaluationTarget = "train"): Promise<Evaluation> {
      const trainer = current();
      if (target === "train") return trainer.evaluate();
      if (target === "test") {
        if (!testSet) throw new Error("No test set was given to create().");
        return trainer.evaluate(testSet);
      }
      return trainer.evaluate(target);
    },

    getWeights(): Promise<NetworkWeights> {
      return current().getWeights();
    },

    /** Replaces the weights and forgets the optimizer's state (a reset, or loaded weights). */
    setWeights(weights: NetworkWeights): void {
      idle("replace the weights").setWeights(weights);
    },
  };
}

export type TrainingWorkerApi = ReturnType<typeof createTrainingApi>;

// Only inside a worker: exposing on a page's window would answer every message the page gets.
if (typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope === "function") {
  expose(createTrainingApi());
}
