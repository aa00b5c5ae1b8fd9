import type { NetworkWeights } from "@neuronlab/engine/network-spec";
import { DivergenceError, type Trainer } from "@neuronlab/engine/trainer";
import type { BoundaryPoint } from "@neuronlab/viz/decision-boundary";
import { LossSeries } from "@neuronlab/viz/loss-series";
import { encodeConfig, type PlaygroundConfig } from "./config.ts";
import {
  buildPlayground,
  createPlaygroundTrainer,
  featureInputs,
  type PlaygroundBuild,
} from "./run.ts";

/**
 * One training run of the playground as the widget drives it: a configuration's build and trainer
 * (from run.ts, so a run here takes exactly the steps `trainPlayground` replays on the server),
 * the loss curves it has drawn so far, and its latest numbers. No React and no DOM: the widget
 * calls `frame()` from requestAnimationFrame, and the tests call it in a plain loop.
 */

/** Longest stretch of training in one animation frame, in ms, so the page stays responsive. */
export const FRAME_BUDGET_MS = 10;
/** Most training steps in one animation frame. */
export const MAX_STEPS_PER_FRAME = 200;

/** The numbers the widget shows after each frame. */
export interface PlaygroundStats {
  step: number;
  epoch: number;
  /** Mean cross-entropy over the whole training set. */
  trainLoss: number;
  /** Mean cross-entropy over the test set. */
  testLoss: number;
  trainAccuracy: number;
  testAccuracy: number;
}

/** What an exercise hears while the learner trains (`onProgress`). */
export interface PlaygroundProgress {
  step: number;
  trainLoss: number;
  testLoss: number;
  testAccuracy: number;
}

/** How a frame of training ended: still going, stopped by divergence, or at the step limit. */
export type FrameStatus = "running" | "diverged" | "finished";

/**
 * The part of a configuration that decides the numbers: two setups with the same key train
 * identically. The view-only switches (discretise, show test data) are left out, so flipping
 * them never restarts training.
 */
export function trainingKey(config: PlaygroundConfig): string {
  return encodeConfig({ ...config, discretize: false, showTestData: true });
}

/**
 * Steps per animation frame: one pass over the training set (an epoch), as the classic
 * playground does, so a small batch size does not make training look slower than a large one.
 */
export function stepsPerFrame(build: PlaygroundBuild): number {
  const batch = Math.max(1, Math.min(build.config.batchSize, build.train.size));
  return Math.max(1, Math.min(MAX_STEPS_PER_FRAME, Math.ceil(build.train.size / batch)));
}

/** The plane's points, training then test, as the decision boundary draws them. */
export function boundaryPoints(build: PlaygroundBuild): BoundaryPoint[] {
  const points: BoundaryPoint[] = [];
  for (const [split, data] of [
    ["train", build.plane.train],
    ["test", build.plane.test],
  ] as const) {
    for (let i = 0; i < data.size; i++) {
      points.push({
        x1: data.x[2 * i] ?? 0,
        x2: data.x[2 * i + 1] ?? 0,
        label: data.labels?.[i] ?? 0,
        split,
      });
    }
  }
  return points;
}

/** Features are exactly (x₁, x₂): the network reads the plane itself, as the neuron maps need. */
export function readsPlane(config: PlaygroundConfig): boolean {
  return config.features.length === 2 && config.features[0] === "x1" && config.features[1] === "x2";
}

let sessions = 0;

export class PlaygroundSession {
  /** Unique per session, so figures keyed on it redraw after a reset. */
  readonly id = ++sessions;
  readonly config: PlaygroundConfig;
  readonly build: PlaygroundBuild;
  readonly trainer: Trainer;
  /** Whole-set training loss, recorded after every frame (and every single step). */
  readonly trainLoss = new LossSeries();
  /** Test loss at the same steps. */
  readonly testLoss = new LossSeries();
  readonly points: readonly BoundaryPoint[];
  readonly stepsPerFrame: number;
  /** Why training stopped (its `reason`, for the learner's words); null while it can go on. */
  error: DivergenceError | null = null;
  stats: PlaygroundStats;
  private weightsAt = -1;
  private cachedWeights: NetworkWeights | null = null;

  constructor(config: PlaygroundConfig) {
    this.build = buildPlayground(config);
    this.config = this.build.config;
    this.trainer = createPlaygroundTrainer(this.build);
    this.points = boundaryPoints(this.build);
    this.stepsPerFrame = stepsPerFrame(this.build);
    this.stats = this.measure();
    this.record();
  }

  get step(): number {
    return this.trainer.step;
  }

  /**
   * Up to `steps` training steps, stopping early once `performance.now()` passes `deadline`
   * (at least one step is always taken). False when training diverged: the weights are those
   * before the step that failed, and `error` says what happened.
   */
  train(steps: number, deadline = Infinity): boolean {
    if (this.error !== null) return false;
    try {
      for (let s = 0; s < steps; s++) {
        this.trainer.trainStep();
        if (s % 8 === 7 && performance.now() > deadline) break;
      }
      return true;
    } catch (error) {
      if (!(error instanceof DivergenceError)) throw error;
      this.error = error;
      return false;
    }
  }

  /**
   * One animation frame of training: an epoch's worth of steps within `budgetMs`, never past
   * `maxSteps`, then the losses measured on both sets and recorded.
   */
  frame(budgetMs = FRAME_BUDGET_MS, maxSteps = Infinity): FrameStatus {
    const steps = Math.min(this.stepsPerFrame, Math.max(0, maxSteps - this.step));
    const ok = steps === 0 || this.train(steps, performance.now() + budgetMs);
    this.record();
    if (!ok) return "diverged";
    return this.step >= maxSteps ? "finished" : "running";
  }

  /** One training step (the Step button), then the losses measured and recorded. */
  stepOnce(): boolean {
    const ok = this.train(1);
    this.record();
    return ok;
  }

  /** Measures both sets and appends the losses to the curves (once per step count). */
  record(): void {
    this.stats = this.measure();
    const last = this.trainLoss.latest;
    if (last?.step === this.step) return;
    this.trainLoss.append(this.step, this.stats.trainLoss);
    this.testLoss.append(this.step, this.stats.testLoss);
  }

  /** Points recorded on the curves: changes whenever they need redrawing. */
  get recorded(): number {
    return this.trainLoss.length;
  }

  private measure(): PlaygroundStats {
    const train = this.trainer.evaluate();
    const test = this.trainer.evaluate(this.build.test);
    return {
      step: this.trainer.step,
      epoch: this.trainer.epoch,
      trainLoss: train.loss,
      testLoss: test.loss,
      trainAccuracy: train.accuracy ?? 0,
      testAccuracy: test.accuracy ?? 0,
    };
  }

  progress(): PlaygroundProgress {
    const { step, trainLoss, testLoss, testAccuracy } = this.stats;
    return { step, trainLoss, testLoss, testAccuracy };
  }

  /**
   * The model's output at points of the plane (row-major [n × 2]), through the chosen features:
   * what the decision boundary calls for every cell of its grid.
   */
  readonly predict = (xs: Float64Array, n: number): Float64Array =>
    this.trainer.predict(featureInputs(xs, n, this.config.features), n);

  /** The current weights; the same object until the next step, so figures redraw only then. */
  weights(): NetworkWeights {
    if (this.cachedWeights === null || this.weightsAt !== this.step) {
      this.cachedWeights = this.trainer.getWeights();
      this.weightsAt = this.step;
    }
    return this.cachedWeights;
  }
}
