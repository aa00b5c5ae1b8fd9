import {
  candidateBackends,
  FALLBACK_ORDER,
  softwareGpuBackends,
  type BackendOptions,
  type TensorBackend,
} from "./backends.ts";
import type { Dataset } from "./dataset.ts";
import { selectEngine, type EngineChoice, type EngineName } from "./engine-select.ts";
import type { NetworkSpec, NetworkWeights } from "./network-spec.ts";
import type { SteppingTrainer } from "./run.ts";
import { simdKernelSupported } from "./simd-kernel.ts";
import { TensorTrainer } from "./tensor-trainer.ts";
import {
  DivergenceError,
  Trainer,
  type Evaluation,
  type StepReport,
  type TrainingConfig,
} from "./trainer.ts";

/**
 * A training session: picks the engine (or honours an override), says which one runs and why,
 * and when a TensorFlow.js backend fails mid-run (a lost GPU device, a context the browser took
 * back), carries the model over to the next engine and goes on.
 */

export interface SessionOptions {
  spec: NetworkSpec;
  weights: NetworkWeights;
  data: Dataset;
  config: TrainingConfig;
  engine?: EngineName | "auto";
  backendOptions?: BackendOptions;
  /** Which backends to consider; by default those this runtime offers. */
  available?: readonly TensorBackend[];
  /** GPU backends that run in software here; by default asked of the browser. */
  softwareGpus?: readonly TensorBackend[];
}

export interface EngineReport extends EngineChoice {
  /** Engines that failed, in order, and why. */
  fallbacks: { engine: EngineName; error: string }[];
}

type Inner = Trainer | TensorTrainer;

/** Where to go when `after` fails: the backends after it, then the fused kernels. */
function nextEngines(after: EngineName, available: readonly TensorBackend[]): EngineName[] {
  if (after === "js") return [];
  if (after === "simd") return ["js"];
  const rest = FALLBACK_ORDER.slice(FALLBACK_ORDER.indexOf(after) + 1);
  return [
    ...rest.filter((b) => available.includes(b)),
    ...(simdKernelSupported() ? ["simd" as const] : []),
    "js",
  ];
}

export class TrainingSession implements SteppingTrainer {
  private inner: Inner;
  private current: EngineName;
  private stepOffset = 0;
  private epochOffset = 0;
  private readonly fallbacks: EngineReport["fallbacks"] = [];

  private constructor(
    private readonly options: SessionOptions,
    private readonly available: readonly TensorBackend[],
    private readonly choice: EngineChoice,
    inner: Inner,
    engine: EngineName,
  ) {
    this.inner = inner;
    this.current = engine;
  }

  static async create(options: SessionOptions): Promise<TrainingSession> {
    const available = options.available ?? candidateBackends(options.backendOptions);
    const override = options.engine ?? "auto";
    const choice = selectEngine({
      spec: options.spec,
      batchSize: Math.min(options.config.batchSize, options.data.size),
      available,
      simd: simdKernelSupported(),
      // Only the automatic choice needs to know; an explicit one is honoured either way.
      softwareGpus:
        options.softwareGpus ?? (override === "auto" ? await softwareGpuBackends(available) : []),
      override,
    });
    const failures: EngineReport["fallbacks"] = [];
    for (const engine of [choice.engine, ...nextEngines(choice.engine, available)]) {
      try {
        const inner = await TrainingSession.build(engine, options, options.weights);
        const session = new TrainingSession(options, available, choice, inner, engine);
        session.fallbacks.push(...failures);
        return session;
      } catch (error) {
        failures.push({ engine, error: error instanceof Error ? error.message : String(error) });
      }
    }
    throw new Error(
      `No engine could train this network: ${failures.map((f) => `${f.engine}: ${f.error}`).join("; ")}`,
    );
  }

  private static async build(
    engine: EngineName,
    options: SessionOptions,
    weights: NetworkWeights,
  ): Promise<Inner> {
    if (engine === "js" || engine === "simd") {
      return new Trainer(options.spec, weights, options.data, options.config, {
        kernel: engine === "simd" ? "simd" : "float64",
      });
    }
    return TensorTrainer.create(options.spec, weights, options.data, options.config, {
      backend: engine,
      ...(options.backendOptions ? { backendOptions: options.backendOptions } : {}),
    });
  }

  /** Which engine runs now, why it was chosen, and what failed on the way. */
  get report(): EngineReport {
    const moved = this.current !== this.choice.engine;
    return {
      engine: this.current,
      reason: moved
        ? `${this.current} took over after ${this.fallbacks.map((f) => f.engine).join(", ")} failed. (First choice: ${this.choice.reason})`
        : this.choice.reason,
      fallbacks: [...this.fallbacks],
    };
  }

  get step(): number {
    return this.stepOffset + this.inner.step;
  }

  get epoch(): number {
    return this.epochOffset + this.inner.epoch;
  }

  async trainStep(): Promise<StepReport> {
    try {
      const report = await this.inner.trainStep();
      return { ...report, step: this.step, epoch: this.epoch };
    } catch (error) {
      if (error instanceof DivergenceError || this.current === "js") throw error;
      await this.fallBack(error);
      return this.trainStep();
    }
  }

  /** Moves the model to the next engine that starts, from the last weights known to be good. */
  private async fallBack(cause: unknown): Promise<void> {
    const failed = this.inner;
    this.fallbacks.push({
      engine: this.current,
      error: cause instanceof Error ? cause.message : String(cause),
    });
    let weights: NetworkWeights;
    try {
      weights = await failed.getWeights();
    } catch (error) {
      if (!(failed instanceof TensorTrainer)) throw error;
      weights = failed.lastGoodWeights();
    }
    this.stepOffset += failed.step;
    this.epochOffset += failed.epoch;
    try {
      if (failed instanceof TensorTrainer) failed.dispose();
    } catch {
      // The backend is already gone; nothing left to free.
    }
    for (const engine of nextEngines(this.current, this.available)) {
      try {
        this.inner = await TrainingSession.build(engine, this.options, weights);
        this.current = engine;
        return;
      } catch (error) {
        this.fallbacks.push({
          engine,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
    throw new Error("Every engine failed; training cannot continue.");
  }

  async evaluate(data?: Dataset): Promise<Evaluation> {
    return this.inner.evaluate(data);
  }

  async getWeights(): Promise<NetworkWeights> {
    return this.inner.getWeights();
  }

  setWeights(weights: NetworkWeights): void {
    this.inner.setWeights(weights);
  }

  dispose(): void {
    if (this.inner instanceof TensorTrainer) this.inner.dispose();
  }
}
