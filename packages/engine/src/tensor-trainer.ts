import * as tf from "@tensorflow/tfjs-core";
// The core package ships gradients separately; training needs them registered once.
import "@tensorflow/tfjs-core/dist/register_all_gradients";
import { useBackend, type BackendOptions, type TensorBackend } from "./backends.ts";
import { BatchSampler } from "./batches.ts";
import type { Dataset } from "./dataset.ts";
import { countCorrect } from "./metrics.ts";
import { ADAM_DEFAULTS, validateOptimizer, type OptimizerConfig } from "./optimizers.ts";
import {
  layerInputSizes,
  parseNetworkSpec,
  type LayerActivation,
  type NetworkSpec,
  type NetworkWeights,
} from "./network-spec.ts";
import {
  DivergenceError,
  type Evaluation,
  type StepReport,
  type TrainingConfig,
} from "./trainer.ts";

/**
 * The same networks and the same training loop as `Trainer`, batched on TensorFlow.js tensors so
 * that WebGPU, WebGL or WASM can do the arithmetic when a network is big enough to pay for it.
 *
 * The loss stays on the device between steps and is read back only every `readEvery` steps:
 * waiting for the GPU after every step is what makes a naive TensorFlow.js loop slow. Each read
 * also checks for numerical trouble and keeps a copy of the weights on the host, which is what a
 * divergence rolls back to and what a fallback to another backend starts from.
 */

export interface TensorTrainerOptions {
  backend: TensorBackend;
  backendOptions?: BackendOptions;
  /** Read the loss (and check for NaN) every this many steps. Default 10. */
  readEvery?: number;
}

interface Layer {
  kernel: tf.Variable;
  bias: tf.Variable;
  activation: LayerActivation;
}

/** TensorFlow.js takes float32 data; the engine keeps float64 on the host. */
const f32 = (values: ArrayLike<number>): Float32Array => Float32Array.from(values);

function activate(z: tf.Tensor2D, activation: LayerActivation): tf.Tensor2D {
  switch (activation) {
    case "linear":
      return z;
    case "relu":
      return tf.relu(z);
    case "leakyRelu":
      return tf.leakyRelu(z, 0.01);
    case "sigmoid":
      return tf.sigmoid(z);
    case "tanh":
      return tf.tanh(z);
    case "softmax":
      return tf.softmax(z);
  }
}

/** Activations TensorFlow.js can fuse into its matMul kernel. */
const FUSED: Partial<Record<LayerActivation, "linear" | "relu" | "leakyrelu" | "sigmoid">> = {
  linear: "linear",
  relu: "relu",
  leakyRelu: "leakyrelu",
  sigmoid: "sigmoid",
};

function createOptimizer(config: OptimizerConfig): tf.Optimizer {
  validateOptimizer(config);
  switch (config.kind) {
    case "sgd":
      return tf.train.sgd(config.learningRate);
    case "momentum":
      return tf.train.momentum(config.learningRate, config.momentum);
    case "adam":
      return tf.train.adam(
        config.learningRate,
        config.beta1 ?? ADAM_DEFAULTS.beta1,
        config.beta2 ?? ADAM_DEFAULTS.beta2,
        config.epsilon ?? ADAM_DEFAULTS.epsilon,
      );
  }
}

export class TensorTrainer {
  readonly spec: NetworkSpec;
  readonly backend: TensorBackend;
  readonly data: Dataset;
  readonly config: TrainingConfig;
  private readonly layers: Layer[];
  private readonly optimizer: tf.Optimizer;
  private readonly sampler: BatchSampler;
  private readonly x: tf.Tensor2D;
  private readonly y: tf.Tensor2D;
  private readonly readEvery: number;
  private pendingLoss: tf.Scalar | undefined;
  private lastLoss = Number.NaN;
  private snapshot: NetworkWeights;
  private snapshotStep = 0;
  private disposed = false;

  /** Starts `options.backend` (throws if it cannot) and uploads the weights and the data. */
  static async create(
    spec: NetworkSpec,
    weights: NetworkWeights,
    data: Dataset,
    config: TrainingConfig,
    options: TensorTrainerOptions,
  ): Promise<TensorTrainer> {
    if (!(await useBackend(options.backend, options.backendOptions))) {
      throw new Error(`The ${options.backend} backend cannot start here.`);
    }
    return new TensorTrainer(spec, weights, data, config, options);
  }

  private constructor(
    spec: NetworkSpec,
    weights: NetworkWeights,
    data: Dataset,
    config: TrainingConfig,
    options: TensorTrainerOptions,
  ) {
    this.spec = parseNetworkSpec(spec);
    this.backend = options.backend;
    const out = this.spec.layers[this.spec.layers.length - 1]?.units ?? 0;
    if (data.inputSize !== this.spec.inputs || data.outputSize !== out) {
      throw new RangeError(
        `The data has ${data.inputSize} inputs and ${data.outputSize} targets per example; the network expects ${this.spec.inputs} and ${out}.`,
      );
    }
    for (const penalty of [config.l1 ?? 0, config.l2 ?? 0]) {
      if (!(penalty >= 0) || !Number.isFinite(penalty))
        throw new RangeError("Penalties must be ≥ 0.");
    }
    this.data = data;
    this.config = config;
    this.readEvery = Math.max(1, Math.floor(options.readEvery ?? 10));
    this.sampler = new BatchSampler(data.size, config.batchSize, config.seed);
    this.optimizer = createOptimizer(config.optimizer);
    const sizes = layerInputSizes(this.spec);
    this.layers = this.spec.layers.map((layer, l) => ({
      kernel: tf.variable(tf.zeros([sizes[l] ?? 0, layer.units]), true, undefined, "float32"),
      bias: tf.variable(tf.zeros([layer.units]), true, undefined, "float32"),
      activation: layer.activation,
    }));
    this.assign(weights);
    this.snapshot = weights.map((w) => ({ kernel: w.kernel.slice(), bias: w.bias.slice() }));
    this.x = tf.tensor2d(f32(data.x), [data.size, data.inputSize], "float32");
    this.y = tf.tensor2d(f32(data.y), [data.size, data.outputSize], "float32");
  }

  get step(): number {
    return this.sampler.step;
  }

  get epoch(): number {
    return this.sampler.epoch;
  }

  private assign(weights: NetworkWeights): void {
    this.layers.forEach((layer, l) => {
      const w = weights[l];
      if (w?.kernel.length !== layer.kernel.size || w.bias.length !== layer.bias.size) {
        throw new RangeError(`Layer ${l} weights do not match its shape.`);
      }
      tf.tidy(() => {
        layer.kernel.assign(
          tf.tensor2d(f32(w.kernel), layer.kernel.shape as [number, number], "float32"),
        );
        layer.bias.assign(tf.tensor1d(f32(w.bias), "float32"));
      });
    });
  }

  /**
   * Pre-activations of the last layer and its activations, for a batch. Each layer is one fused
   * matMul + bias (+ activation where TensorFlow.js has it fused), which saves a round of kernel
   * dispatches per layer on the GPU backends.
   */
  private forward(x: tf.Tensor2D): { z: tf.Tensor2D; a: tf.Tensor2D } {
    let a = x;
    let z = x;
    const last = this.layers.length - 1;
    this.layers.forEach((layer, l) => {
      const fused = l < last ? FUSED[layer.activation] : undefined;
      const out: tf.Tensor2D = tf.fused.matMul({
        a,
        b: layer.kernel,
        bias: layer.bias,
        ...(fused
          ? { activation: fused, ...(fused === "leakyrelu" ? { leakyreluAlpha: 0.01 } : {}) }
          : {}),
      }) as tf.Tensor2D;
      if (fused) {
        a = out;
      } else {
        z = out;
        a = activate(out, layer.activation);
      }
    });
    return { z, a };
  }

  /** Mean data loss, in the same numerically stable forms the fused kernel uses. */
  private lossOf(z: tf.Tensor2D, a: tf.Tensor2D, y: tf.Tensor2D): tf.Scalar {
    const out = this.spec.layers[this.spec.layers.length - 1]?.activation;
    if (this.spec.loss === "binaryCrossEntropy" && out === "sigmoid") {
      // max(z, 0) − z·y + log(1 + e^(−|z|))
      return tf.mean(tf.add(tf.sub(tf.relu(z), tf.mul(z, y)), tf.log1p(tf.exp(tf.neg(tf.abs(z))))));
    }
    if (this.spec.loss === "categoricalCrossEntropy" && out === "softmax") {
      // z − logΣexp(z), written out: tf.logSoftmax's gradient on the WebGL backend disagreed with
      // every other backend (and with the glass-box maths) by up to 10% after 30 steps.
      const logProbabilities = tf.sub(z, tf.logSumExp(z, 1, true));
      return tf.mean(tf.neg(tf.sum(tf.mul(y, logProbabilities), 1)));
    }
    return tf.mean(tf.squaredDifference(a, y));
  }

  private penalty(): tf.Scalar | undefined {
    const l1 = this.config.l1 ?? 0;
    const l2 = this.config.l2 ?? 0;
    if (l1 === 0 && l2 === 0) return undefined;
    let total: tf.Scalar = tf.scalar(0);
    for (const { kernel } of this.layers) {
      if (l1 > 0) total = tf.add(total, tf.mul(l1, tf.sum(tf.abs(kernel))));
      if (l2 > 0) total = tf.add(total, tf.mul(l2, tf.sum(tf.square(kernel))));
    }
    return total;
  }

  private batch(): [tf.Tensor2D, tf.Tensor2D] {
    if (this.sampler.fullBatch) return [this.x, this.y];
    const indices = tf.tensor1d(this.sampler.peek(), "int32");
    return [tf.gather(this.x, indices), tf.gather(this.y, indices)];
  }

  /** One step: forward → loss → backprop → update, with no wait for the device between reads. */
  async trainStep(): Promise<StepReport> {
    if (this.disposed) throw new Error("This trainer has been disposed.");
    const varList = this.layers.flatMap((l) => [l.kernel, l.bias]);
    let loss: tf.Scalar | undefined;
    tf.tidy(() => {
      const [x, y] = this.batch();
      const { grads } = tf.variableGrads(() => {
        const { z, a } = this.forward(x);
        const data = this.lossOf(z, a, y);
        // The reported loss is the data loss; the penalty only steers the gradients. keep() lets
        // it outlive this tidy; it is disposed when the next step's loss replaces it.
        loss = tf.keep(data);
        const penalty = this.penalty();
        return penalty ? tf.add(data, penalty) : data;
      }, varList);
      this.optimizer.applyGradients(grads);
    });
    this.pendingLoss?.dispose();
    this.pendingLoss = loss;
    this.sampler.advance();
    if (this.sampler.step % this.readEvery === 0) await this.read();
    return { step: this.step, epoch: this.epoch, loss: this.lastLoss };
  }

  /** Reads the loss, checks the weights are finite, and keeps them as the rollback point. */
  private async read(): Promise<void> {
    const loss = this.pendingLoss;
    if (!loss) return;
    this.lastLoss = (await loss.data())[0] ?? Number.NaN;
    const weights = await this.readWeights();
    const finite = weights.every(
      (w) => w.kernel.every(Number.isFinite) && w.bias.every(Number.isFinite),
    );
    if (!Number.isFinite(this.lastLoss) || !finite) {
      this.assign(this.snapshot);
      throw new DivergenceError(
        this.step,
        Number.isFinite(this.lastLoss) ? "weight" : "loss",
        this.lastLoss,
        `the loss became ${this.lastLoss} (weights were rolled back to step ${this.snapshotStep})`,
      );
    }
    this.snapshot = weights;
    this.snapshotStep = this.step;
  }

  private async readWeights(): Promise<NetworkWeights> {
    return Promise.all(
      this.layers.map(async (layer) => ({
        kernel: Float64Array.from(await layer.kernel.data()),
        bias: Float64Array.from(await layer.bias.data()),
      })),
    );
  }

  /** The current weights (read from the device). */
  async getWeights(): Promise<NetworkWeights> {
    return this.readWeights();
  }

  /** The weights as of the last successful read: always available, even if the device is lost. */
  lastGoodWeights(): NetworkWeights {
    return this.snapshot.map((w) => ({ kernel: w.kernel.slice(), bias: w.bias.slice() }));
  }

  setWeights(weights: NetworkWeights): void {
    this.assign(weights);
    this.snapshot = weights.map((w) => ({ kernel: w.kernel.slice(), bias: w.bias.slice() }));
    this.snapshotStep = this.step;
  }

  async predict(x: Float64Array, n: number): Promise<Float32Array> {
    const out = tf.tidy(
      () =>
        this.forward(
          tf.tensor2d(f32(x.subarray(0, n * this.spec.inputs)), [n, this.spec.inputs], "float32"),
        ).a,
    );
    const values = (await out.data()) as Float32Array;
    out.dispose();
    return values;
  }

  async evaluate(data: Dataset = this.data): Promise<Evaluation> {
    const chunk = 4096;
    const width = data.outputSize;
    let lossSum = 0;
    let correct = 0;
    for (let start = 0; start < data.size; start += chunk) {
      const n = Math.min(chunk, data.size - start);
      const [loss, outputs] = tf.tidy(() => {
        const x = tf.tensor2d(
          f32(data.x.subarray(start * data.inputSize, (start + n) * data.inputSize)),
          [n, data.inputSize],
        );
        const y = tf.tensor2d(f32(data.y.subarray(start * width, (start + n) * width)), [n, width]);
        const { z, a } = this.forward(x);
        return [this.lossOf(z, a, y), a] as const;
      });
      lossSum += ((await loss.data())[0] ?? Number.NaN) * n;
      if (data.kind === "classification")
        correct += countCorrect(await outputs.data(), data, start, n, width);
      loss.dispose();
      outputs.dispose();
    }
    const loss = lossSum / data.size;
    return data.kind === "classification" ? { loss, accuracy: correct / data.size } : { loss };
  }

  /** Frees every tensor this trainer owns. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.pendingLoss?.dispose();
    this.x.dispose();
    this.y.dispose();
    for (const layer of this.layers) {
      layer.kernel.dispose();
      layer.bias.dispose();
    }
    this.optimizer.dispose();
  }
}
