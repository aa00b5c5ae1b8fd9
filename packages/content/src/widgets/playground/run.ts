import type { Dataset, Split } from "@neuronlab/engine/dataset";
import { DATASETS } from "@neuronlab/engine/datasets/generators";
import { trainTestSplit } from "@neuronlab/engine/datasets/split";
import { initWeights, type NetworkSpec, type NetworkWeights } from "@neuronlab/engine/network-spec";
import {
  DivergenceError,
  Trainer,
  type TrainerOptions,
  type TrainingConfig,
} from "@neuronlab/engine/trainer";
import {
  hiddenNeuronCount,
  playgroundConfigSchema,
  type FeatureName,
  type PlaygroundConfig,
} from "./config.ts";

/**
 * A playground configuration turned into a network, its data and a trainer, and run: engine only,
 * no React and no DOM, so the server can replay a learner's submitted setup to grade a goal
 * ("test loss ≤ 0.05 with as few neurons as you can") and get the numbers the browser showed.
 * Everything follows from the configuration's seed.
 */

/** Points generated per dataset, before the split. */
export const PLAYGROUND_POINTS = 500;
/** Most training steps `trainPlayground` runs, so a submission cannot keep a server busy. */
export const MAX_TRAIN_STEPS = 20_000;

/** Each random part gets its own stream of the one seed, so changing one never shifts another. */
const SEED_OFFSET = { data: 0, split: 1, weights: 2, batches: 3 } as const;

/** One input feature of a point on the plane. */
export function featureValue(name: FeatureName, x1: number, x2: number): number {
  switch (name) {
    case "x1":
      return x1;
    case "x2":
      return x2;
    case "x1Squared":
      return x1 * x1;
    case "x2Squared":
      return x2 * x2;
    case "x1x2":
      return x1 * x2;
    case "sinX1":
      return Math.sin(Math.PI * x1);
    case "sinX2":
      return Math.sin(Math.PI * x2);
  }
}

/** Points on the plane, row-major [n × 2], as feature rows [n × features.length]. */
export function featureInputs(
  xs: ArrayLike<number>,
  n: number,
  features: readonly FeatureName[],
): Float64Array {
  const width = features.length;
  const out = new Float64Array(n * width);
  for (let i = 0; i < n; i++) {
    const x1 = xs[2 * i] ?? 0;
    const x2 = xs[2 * i + 1] ?? 0;
    for (let f = 0; f < width; f++) {
      out[i * width + f] = featureValue(features[f] ?? "x1", x1, x2);
    }
  }
  return out;
}

/** A dataset on the plane with its inputs replaced by the chosen features (targets unchanged). */
export function withFeatures(data: Dataset, features: readonly FeatureName[]): Dataset {
  if (data.inputSize !== 2) {
    throw new RangeError(`Features are computed from (x₁, x₂); got ${data.inputSize} inputs.`);
  }
  return { ...data, inputSize: features.length, x: featureInputs(data.x, data.size, features) };
}

/** The network: the chosen hidden layers, then one sigmoid unit trained with cross-entropy. */
export function playgroundSpec(config: PlaygroundConfig): NetworkSpec {
  return {
    inputs: config.features.length,
    layers: [
      ...config.hiddenLayers.map((units) => ({ units, activation: config.activation })),
      { units: 1, activation: "sigmoid" },
    ],
    loss: "binaryCrossEntropy",
  };
}

/** How the trainer steps: plain gradient descent on mini-batches, with the chosen penalty. */
export function playgroundTrainingConfig(config: PlaygroundConfig): TrainingConfig {
  const rate = config.regularizationRate;
  return {
    optimizer: { kind: "sgd", learningRate: config.learningRate },
    batchSize: config.batchSize,
    seed: config.seed + SEED_OFFSET.batches,
    ...(config.regularization === "l1" && rate > 0 ? { l1: rate } : {}),
    ...(config.regularization === "l2" && rate > 0 ? { l2: rate } : {}),
  };
}

/** The points on the plane (x₁, x₂), split into training and test parts. */
export function playgroundPoints(config: PlaygroundConfig): Split {
  const data = DATASETS[config.dataset].generate({
    n: PLAYGROUND_POINTS,
    noise: config.noise,
    seed: config.seed + SEED_OFFSET.data,
  });
  return trainTestSplit(data, {
    testFraction: config.testFraction,
    seed: config.seed + SEED_OFFSET.split,
    stratify: true,
  });
}

export interface PlaygroundBuild {
  /** The validated configuration everything below came from. */
  config: PlaygroundConfig;
  spec: NetworkSpec;
  /** Training examples, inputs as the chosen features. */
  train: Dataset;
  /** Test examples, inputs as the chosen features. */
  test: Dataset;
  trainerConfig: TrainingConfig;
  /** The initial weights, seeded. */
  weights: NetworkWeights;
  /** The same examples as points on the plane (x₁, x₂), for plotting. */
  plane: Split;
}

/**
 * Everything a run needs, from a configuration (checked against the schema: a ZodError says
 * what is wrong with an invalid one). The same configuration always gives the same numbers.
 */
export function buildPlayground(input: PlaygroundConfig): PlaygroundBuild {
  const config = playgroundConfigSchema.parse(input);
  const plane = playgroundPoints(config);
  const spec = playgroundSpec(config);
  return {
    config,
    spec,
    train: withFeatures(plane.train, config.features),
    test: withFeatures(plane.test, config.features),
    trainerConfig: playgroundTrainingConfig(config),
    weights: initWeights(spec, config.seed + SEED_OFFSET.weights),
    plane,
  };
}

/** A trainer at step 0 on a build's training set, starting from its initial weights. */
export function createPlaygroundTrainer(
  build: PlaygroundBuild,
  options: TrainerOptions = {},
): Trainer {
  return new Trainer(build.spec, build.weights, build.train, build.trainerConfig, options);
}

export interface PlaygroundResult {
  /** Mean cross-entropy over the whole training set after the last step. */
  trainLoss: number;
  /** Mean cross-entropy over the test set after the last step. */
  testLoss: number;
  trainAccuracy: number;
  testAccuracy: number;
  /** Units in the hidden layers (the output unit not counted). */
  hiddenNeurons: number;
  /** Steps completed: the steps asked for, or fewer if training diverged. */
  steps: number;
  /** Training stopped because a step went numerically wrong (learning rate far too large). */
  diverged: boolean;
}

export interface TrainPlaygroundOptions {
  /**
   * "float64" (default) is bit-for-bit the same on every machine, the right choice for grading;
   * "simd" is what the browser widget uses where it can, and agrees to float32 precision.
   */
  kernel?: TrainerOptions["kernel"];
}

/**
 * Trains a configuration for `steps` steps from its seed and measures it. `config` is untrusted
 * (a submission): it is validated with `playgroundConfigSchema` (ZodError if invalid), and `steps`
 * must be a whole number from 0 to {@link MAX_TRAIN_STEPS} (RangeError otherwise).
 */
export function trainPlayground(
  config: unknown,
  steps: number,
  options: TrainPlaygroundOptions = {},
): PlaygroundResult {
  if (!Number.isInteger(steps) || steps < 0 || steps > MAX_TRAIN_STEPS) {
    throw new RangeError(
      `steps must be a whole number from 0 to ${MAX_TRAIN_STEPS}, got ${steps}.`,
    );
  }
  const build = buildPlayground(playgroundConfigSchema.parse(config));
  const trainer = createPlaygroundTrainer(
    build,
    options.kernel === undefined ? {} : { kernel: options.kernel },
  );
  let diverged = false;
  try {
    for (let s = 0; s < steps; s++) trainer.trainStep();
  } catch (error) {
    if (!(error instanceof DivergenceError)) throw error;
    diverged = true;
  }
  const train = trainer.evaluate();
  const test = trainer.evaluate(build.test);
  return {
    trainLoss: train.loss,
    testLoss: test.loss,
    trainAccuracy: train.accuracy ?? 0,
    testAccuracy: test.accuracy ?? 0,
    hiddenNeurons: hiddenNeuronCount(build.config),
    steps: trainer.step,
    diverged,
  };
}
