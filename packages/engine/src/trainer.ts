import type { Dataset } from "./dataset.ts";
import { MlpKernel, type TrainingKernel } from "./mlp-kernel.ts";
import { SimdKernel } from "./simd-kernel.ts";
import type { NetworkSpec, NetworkWeights } from "./network-spec.ts";
import { createOptimizer, type Optimizer, type OptimizerConfig } from "./optimizers.ts";
import { BatchSampler } from "./batches.ts";
import { countCorrect } from "./metrics.ts";

/**
 * The training loop the course teaches — forward → loss → backprop → update — on the fused
 * typed-array kernel, one mini-batch per step. `step()` runs the four phases at once; `phases()`
 * pauses after each so a figure can light the current one.
 */

export interface TrainingConfig {
  optimizer: OptimizerConfig;
  /** Examples per step; the whole training set when larger than it (full batch). */
  batchSize: number;
  /** L1 penalty l1·Σ|w| on kernel weights (not biases). */
  l1?: number;
  /** L2 penalty l2·Σw² on kernel weights (not biases). */
  l2?: number;
  /** Seeds the order of the examples in each epoch. */
  seed: number;
}

/**
 * Which kernel computes the steps: "float64" (typed-array JavaScript, the default, bit-for-bit
 * reproducible everywhere) or "simd" (float32 WebAssembly SIMD, several times faster; see
 * simd-kernel.ts). Both keep float64 master weights and the same optimizer.
 */
export type KernelKind = "float64" | "simd";

export interface TrainerOptions {
  kernel?: KernelKind;
}

export interface StepReport {
  /** Steps taken so far (this one included). */
  step: number;
  /** Complete passes over the training set so far. */
  epoch: number;
  /** Mean data loss of this step's batch, before the update (without the penalty). */
  loss: number;
}

export type Phase =
  | { phase: "forward"; step: number; batchSize: number; outputs: Float64Array }
  | { phase: "loss"; step: number; loss: number }
  | { phase: "backward"; step: number; gradientNorm: number }
  | { phase: "update"; step: number; epoch: number };

export interface Evaluation {
  loss: number;
  /** Fraction classified right, for classification data. */
  accuracy?: number;
}

/** Training went numerically wrong (a learning rate far too large, usually). */
/**
 * What made training stop: the loss stopped being a number, a gradient did, or a weight
 * overflowed. `reason` and `loss` are for a learner's message in their language; the message is
 * the developer's, in English.
 */
export type DivergenceReason = "loss" | "gradient" | "weight";

export class DivergenceError extends Error {
  override name = "DivergenceError";
  constructor(
    readonly step: number,
    readonly reason: DivergenceReason,
    /** The loss that stopped it (NaN or ±Infinity), for reason "loss". */
    readonly loss: number = Number.NaN,
    detail: string = DIVERGENCE_DETAIL[reason](loss),
  ) {
    super(
      `Training diverged at step ${step}: ${detail}. The weights were kept as they were before that step; try a smaller learning rate.`,
    );
  }
}

const DIVERGENCE_DETAIL: Record<DivergenceReason, (loss: number) => string> = {
  loss: (loss) => `the loss is ${loss}`,
  gradient: () => "a gradient is not finite",
  weight: () => "a weight overflowed",
};

export class Trainer {
  readonly spec: NetworkSpec;
  readonly kernel: TrainingKernel;
  readonly kernelKind: KernelKind;
  readonly data: Dataset;
  readonly config: TrainingConfig;
  private readonly optimizer: Optimizer;
  private readonly sampler: BatchSampler;
  private readonly batchX: Float64Array;
  private readonly batchY: Float64Array;
  private readonly backup: Float64Array;

  constructor(
    spec: NetworkSpec,
    weights: NetworkWeights,
    data: Dataset,
    config: TrainingConfig,
    options: TrainerOptions = {},
  ) {
    this.kernelKind = options.kernel ?? "float64";
    this.kernel =
      this.kernelKind === "simd" ? new SimdKernel(spec, weights) : new MlpKernel(spec, weights);
    this.spec = this.kernel.spec;
    if (data.size === 0) throw new RangeError("The training set is empty.");
    if (data.inputSize !== this.spec.inputs || data.outputSize !== this.kernel.outputSize) {
      throw new RangeError(
        `The data has ${data.inputSize} inputs and ${data.outputSize} targets per example; the network expects ${this.spec.inputs} and ${this.kernel.outputSize}.`,
      );
    }
    for (const penalty of [config.l1 ?? 0, config.l2 ?? 0]) {
      if (!(penalty >= 0) || !Number.isFinite(penalty))
        throw new RangeError("Penalties must be ≥ 0.");
    }
    this.data = data;
    this.config = config;
    this.optimizer = createOptimizer(config.optimizer, this.kernel.params.length);
    this.sampler = new BatchSampler(data.size, config.batchSize, config.seed);
    this.batchX = new Float64Array(this.sampler.batchSize * data.inputSize);
    this.batchY = new Float64Array(this.sampler.batchSize * data.outputSize);
    this.backup = new Float64Array(this.kernel.params.length);
  }

  get step(): number {
    return this.sampler.step;
  }

  get epoch(): number {
    return this.sampler.epoch;
  }

  /** The next batch: [x, y, n]. Full-batch training uses the dataset as it is. */
  private nextBatch(): [Float64Array, Float64Array, number] {
    const { data } = this;
    if (this.sampler.fullBatch) return [data.x, data.y, data.size];
    const indices = this.sampler.peek();
    const din = data.inputSize;
    const dout = data.outputSize;
    for (let k = 0; k < indices.length; k++) {
      const i = indices[k] as number;
      this.batchX.set(data.x.subarray(i * din, i * din + din), k * din);
      this.batchY.set(data.y.subarray(i * dout, i * dout + dout), k * dout);
    }
    return [this.batchX, this.batchY, indices.length];
  }

  /** Adds the penalties' gradients, l1·sign(w) + 2·l2·w, to the kernel weights' gradients. */
  private regularize(): void {
    const l1 = this.config.l1 ?? 0;
    const l2 = this.config.l2 ?? 0;
    if (l1 === 0 && l2 === 0) return;
    const { params, grads, kernelMask } = this.kernel;
    for (let k = 0; k < params.length; k++) {
      if (kernelMask[k] === 0) continue;
      const w = params[k] as number;
      grads[k] = (grads[k] as number) + l1 * Math.sign(w) + 2 * l2 * w;
    }
  }

  /** Applies the optimizer, undoing the step if it produced a non-finite weight. */
  private update(loss: number): void {
    const { params, grads } = this.kernel;
    if (!Number.isFinite(loss)) throw new DivergenceError(this.sampler.step + 1, "loss", loss);
    for (const g of grads) {
      if (!Number.isFinite(g)) throw new DivergenceError(this.sampler.step + 1, "gradient");
    }
    this.backup.set(params);
    this.optimizer.apply(params, grads);
    for (const w of params) {
      if (!Number.isFinite(w)) {
        params.set(this.backup);
        throw new DivergenceError(this.sampler.step + 1, "weight");
      }
    }
  }

  /** One training step: forward → loss → backprop → update on the next batch. */
  trainStep(): StepReport {
    const [x, y, n] = this.nextBatch();
    const loss = this.kernel.gradients(x, y, n);
    this.regularize();
    this.update(loss);
    this.sampler.advance();
    return { step: this.step, epoch: this.epoch, loss };
  }

  /** The same step, pausing after each of its four phases. */
  *phases(): Generator<Phase, StepReport> {
    const [x, y, n] = this.nextBatch();
    const step = this.sampler.step + 1;
    const outputs = this.kernel.forward(x, n).slice();
    yield { phase: "forward", step, batchSize: n, outputs };
    const loss = this.kernel.loss(x, y, n);
    yield { phase: "loss", step, loss };
    this.kernel.gradients(x, y, n);
    this.regularize();
    let sumSq = 0;
    for (const g of this.kernel.grads) sumSq += g * g;
    yield { phase: "backward", step, gradientNorm: Math.sqrt(sumSq) };
    this.update(loss);
    this.sampler.advance();
    yield { phase: "update", step, epoch: this.epoch };
    return { step: this.step, epoch: this.epoch, loss };
  }

  /** Loss (and accuracy for classification) over a whole dataset, in chunks. */
  evaluate(data: Dataset = this.data): Evaluation {
    const chunk = 1024;
    const out = this.kernel.outputSize;
    let lossSum = 0;
    let correct = 0;
    for (let start = 0; start < data.size; start += chunk) {
      const n = Math.min(chunk, data.size - start);
      const x = data.x.subarray(start * data.inputSize, (start + n) * data.inputSize);
      const y = data.y.subarray(start * out, (start + n) * out);
      lossSum += this.kernel.loss(x, y, n) * n;
      if (data.kind === "classification")
        correct += countCorrect(this.kernel.forward(x, n), data, start, n, out);
    }
    const loss = lossSum / data.size;
    return data.kind === "classification" ? { loss, accuracy: correct / data.size } : { loss };
  }

  /** Predictions for `n` examples (row-major), copied out. */
  predict(x: Float64Array, n: number): Float64Array {
    return this.kernel.forward(x, n).slice();
  }

  getWeights(): NetworkWeights {
    return this.kernel.getWeights();
  }

  /** Replaces the weights (and forgets the optimizer's momentum), e.g. after a reset. */
  setWeights(weights: NetworkWeights): void {
    this.kernel.setWeights(weights);
    this.optimizer.reset();
  }
}
