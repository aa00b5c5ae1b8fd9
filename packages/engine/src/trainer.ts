import type { Dataset } from "./dataset.ts";
import { MlpKernel } from "./mlp-kernel.ts";
import type { NetworkSpec, NetworkWeights } from "./network-spec.ts";
import { createOptimizer, type Optimizer, type OptimizerConfig } from "./optimizers.ts";
import { createRng, type Rng } from "./rng.ts";

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
export class DivergenceError extends Error {
  override name = "DivergenceError";
  constructor(
    readonly step: number,
    detail: string,
  ) {
    super(
      `Training diverged at step ${step}: ${detail}. The weights were kept as they were before that step; try a smaller learning rate.`,
    );
  }
}

export class Trainer {
  readonly spec: NetworkSpec;
  readonly kernel: MlpKernel;
  readonly data: Dataset;
  readonly config: TrainingConfig;
  private readonly optimizer: Optimizer;
  private readonly rng: Rng;
  private readonly order: Int32Array;
  private readonly batchX: Float64Array;
  private readonly batchY: Float64Array;
  private readonly backup: Float64Array;
  private cursor = 0;
  private steps = 0;
  private epochs = 0;

  constructor(spec: NetworkSpec, weights: NetworkWeights, data: Dataset, config: TrainingConfig) {
    this.kernel = new MlpKernel(spec, weights);
    this.spec = this.kernel.spec;
    if (data.size === 0) throw new RangeError("The training set is empty.");
    if (data.inputSize !== this.spec.inputs || data.outputSize !== this.kernel.outputSize) {
      throw new RangeError(
        `The data has ${data.inputSize} inputs and ${data.outputSize} targets per example; the network expects ${this.spec.inputs} and ${this.kernel.outputSize}.`,
      );
    }
    if (!Number.isInteger(config.batchSize) || config.batchSize < 1) {
      throw new RangeError("The batch size must be a positive whole number.");
    }
    for (const penalty of [config.l1 ?? 0, config.l2 ?? 0]) {
      if (!(penalty >= 0) || !Number.isFinite(penalty))
        throw new RangeError("Penalties must be ≥ 0.");
    }
    this.data = data;
    this.config = config;
    this.optimizer = createOptimizer(config.optimizer, this.kernel.params.length);
    this.rng = createRng(config.seed);
    this.order = Int32Array.from({ length: data.size }, (_, i) => i);
    const batch = Math.min(config.batchSize, data.size);
    this.batchX = new Float64Array(batch * data.inputSize);
    this.batchY = new Float64Array(batch * data.outputSize);
    this.backup = new Float64Array(this.kernel.params.length);
    this.shuffle();
  }

  get step(): number {
    return this.steps;
  }

  get epoch(): number {
    return this.epochs;
  }

  /** Full-batch training uses the dataset as it is; mini-batches walk a shuffled order. */
  private get fullBatch(): boolean {
    return this.config.batchSize >= this.data.size;
  }

  private shuffle(): void {
    if (this.fullBatch) return;
    const o = this.order;
    for (let i = o.length - 1; i > 0; i--) {
      const j = this.rng.int(i + 1);
      const t = o[i] as number;
      o[i] = o[j] as number;
      o[j] = t;
    }
  }

  /** The next batch: [x, y, n]. */
  private nextBatch(): [Float64Array, Float64Array, number] {
    const { data } = this;
    if (this.fullBatch) return [data.x, data.y, data.size];
    const n = Math.min(this.config.batchSize, data.size - this.cursor);
    const din = data.inputSize;
    const dout = data.outputSize;
    for (let k = 0; k < n; k++) {
      const i = this.order[this.cursor + k] as number;
      this.batchX.set(data.x.subarray(i * din, i * din + din), k * din);
      this.batchY.set(data.y.subarray(i * dout, i * dout + dout), k * dout);
    }
    return [this.batchX, this.batchY, n];
  }

  private advance(n: number): void {
    this.steps++;
    this.cursor += n;
    if (this.cursor >= this.data.size) {
      this.cursor = 0;
      this.epochs++;
      this.shuffle();
    }
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
    if (!Number.isFinite(loss)) throw new DivergenceError(this.steps + 1, `the loss is ${loss}`);
    for (const g of grads) {
      if (!Number.isFinite(g))
        throw new DivergenceError(this.steps + 1, "a gradient is not finite");
    }
    this.backup.set(params);
    this.optimizer.apply(params, grads);
    for (const w of params) {
      if (!Number.isFinite(w)) {
        params.set(this.backup);
        throw new DivergenceError(this.steps + 1, "a weight overflowed");
      }
    }
  }

  /** One training step: forward → loss → backprop → update on the next batch. */
  trainStep(): StepReport {
    const [x, y, n] = this.nextBatch();
    const loss = this.kernel.gradients(x, y, n);
    this.regularize();
    this.update(loss);
    this.advance(n);
    return { step: this.steps, epoch: this.epochs, loss };
  }

  /** The same step, pausing after each of its four phases. */
  *phases(): Generator<Phase, StepReport> {
    const [x, y, n] = this.nextBatch();
    const step = this.steps + 1;
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
    this.advance(n);
    yield { phase: "update", step, epoch: this.epochs };
    return { step: this.steps, epoch: this.epochs, loss };
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

/** One output: right when (output ≥ 0.5) matches the label; several: when the argmax does. */
function countCorrect(
  outputs: Float64Array,
  data: Dataset,
  start: number,
  n: number,
  width: number,
): number {
  let correct = 0;
  for (let e = 0; e < n; e++) {
    const label = data.labels
      ? (data.labels[start + e] as number)
      : Math.round(data.y[(start + e) * width] ?? 0);
    let predicted: number;
    if (width === 1) predicted = (outputs[e] as number) >= 0.5 ? 1 : 0;
    else {
      predicted = 0;
      for (let j = 1; j < width; j++) {
        if ((outputs[e * width + j] as number) > (outputs[e * width + predicted] as number))
          predicted = j;
      }
    }
    if (predicted === label) correct++;
  }
  return correct;
}
