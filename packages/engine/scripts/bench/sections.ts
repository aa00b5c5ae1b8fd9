/**
 * The three benchmark sections, written once for both runtimes: `run.ts` calls them in Node,
 * `browser-entry.ts` in headless Chromium. Every figure in a table comes from this process, and
 * every ratio compares figures taken in the same process, minutes apart at most.
 */
import * as tf from "@tensorflow/tfjs-core";
// The core package ships gradients separately; the plain loop and model.fit need them.
import "@tensorflow/tfjs-core/dist/register_all_gradients";
import * as tfl from "@tensorflow/tfjs-layers";
import { useBackend, type BackendOptions, type TensorBackend } from "../../src/backends.ts";
import { BatchSampler } from "../../src/batches.ts";
import type { Dataset } from "../../src/dataset.ts";
import { xor } from "../../src/datasets/generators.ts";
import { loadMnist } from "../../src/datasets/mnist.ts";
import { initWeights, type NetworkSpec, type NetworkWeights } from "../../src/network-spec.ts";
import { TensorTrainer } from "../../src/tensor-trainer.ts";
import { Trainer, type KernelKind, type TrainingConfig } from "../../src/trainer.ts";
import {
  compareRates,
  fmt,
  goalLine,
  median,
  now,
  ratio,
  runFor,
  type Contender,
  type SectionName,
  type SectionOutput,
  type Table,
  type Timing,
} from "./harness.ts";
import { PerNodeNetwork } from "./per-node-baseline.ts";

export interface BenchContext {
  /** Where this runs, for table titles: "Node" or "Chromium". */
  runtime: string;
  /** Backends to try, in the order the tables list them. */
  backends: readonly TensorBackend[];
  backendOptions: BackendOptions;
  /** Progress lines, so a slow backend is visibly slow rather than hung. */
  log: (line: string) => void;
}

/** Starts a backend or says why not; the plain loops and model.fit need it active. */
async function activate(backend: TensorBackend, options: BackendOptions): Promise<void> {
  if (!(await useBackend(backend, options)))
    throw new Error(`the ${backend} backend cannot start here`);
}

// ---------------------------------------------------------------------------------------------
// 1. Tiny network: the playground's size, where dispatch overhead is everything.

const TINY_SPEC: NetworkSpec = {
  inputs: 2,
  layers: [
    { units: 8, activation: "tanh" },
    { units: 8, activation: "tanh" },
    { units: 1, activation: "tanh" },
  ],
  loss: "mse",
};
const TINY_POINTS = 250;
const TINY_LEARNING_RATE = 0.03;
export const TINY_TIMING: Timing = { warmupMs: 300, windowMs: 1000, rounds: 2 };

/** XOR with ±1 targets, the range of a tanh output (the generator gives 0/1 labels). */
function tinyData(): Dataset {
  const data = xor({ n: TINY_POINTS, seed: 1 });
  return {
    kind: "regression",
    size: data.size,
    inputSize: 2,
    outputSize: 1,
    x: data.x,
    y: data.y.map((t) => 2 * t - 1),
  };
}

/**
 * The TensorFlow.js loop as tutorials write it: variables, `optimizer.minimize` returning the
 * cost, and the cost read back every step (to print it, or to stop on a target).
 */
function plainTfjsLoop(
  backend: TensorBackend,
  options: BackendOptions,
  spec: NetworkSpec,
  weights: NetworkWeights,
  data: Dataset,
  optimizer: () => tf.Optimizer,
  loss: (labels: tf.Tensor2D, logits: tf.Tensor2D, outputs: tf.Tensor2D) => tf.Scalar,
): Contender {
  return {
    name: `plain tfjs loop (${backend})`,
    async setup() {
      await activate(backend, options);
      const layers = spec.layers.map((layer, l) => {
        const w = weights[l] as NetworkWeights[number];
        const inputs = w.kernel.length / layer.units;
        return {
          kernel: tf.variable(tf.tensor2d(Float32Array.from(w.kernel), [inputs, layer.units])),
          bias: tf.variable(tf.tensor1d(Float32Array.from(w.bias))),
          activation: layer.activation,
        };
      });
      const xs = tf.tensor2d(Float32Array.from(data.x), [data.size, data.inputSize]);
      const ys = tf.tensor2d(Float32Array.from(data.y), [data.size, data.outputSize]);
      const opt = optimizer();
      const model = (): tf.Scalar => {
        let a: tf.Tensor2D = xs;
        let z: tf.Tensor2D = xs;
        for (const layer of layers) {
          z = tf.add(tf.matMul(a, layer.kernel), layer.bias);
          a =
            layer.activation === "tanh"
              ? tf.tanh(z)
              : layer.activation === "relu"
                ? tf.relu(z)
                : layer.activation === "softmax"
                  ? tf.softmax(z)
                  : z;
        }
        return loss(ys, z, a);
      };
      return {
        async step() {
          const cost = opt.minimize(model, true);
          await cost?.data();
          cost?.dispose();
        },
        dispose() {
          for (const l of layers) {
            l.kernel.dispose();
            l.bias.dispose();
          }
          xs.dispose();
          ys.dispose();
          opt.dispose();
        },
      };
    },
  };
}

function tensorTrainerContender(
  backend: TensorBackend,
  options: BackendOptions,
  spec: NetworkSpec,
  weights: NetworkWeights,
  data: Dataset,
  config: TrainingConfig,
  onStep?: () => void,
): Contender {
  return {
    name: `engine TensorTrainer (${backend})`,
    async setup() {
      const trainer = await TensorTrainer.create(spec, weights, data, config, {
        backend,
        backendOptions: options,
      });
      return {
        async step() {
          await trainer.trainStep();
          onStep?.();
        },
        // Reading the weights waits for every queued step, so none is counted unfinished.
        async flush() {
          await trainer.getWeights();
        },
        dispose() {
          trainer.dispose();
        },
      };
    },
  };
}

export async function tinySection(ctx: BenchContext, timing = TINY_TIMING): Promise<SectionOutput> {
  const data = tinyData();
  const weights = initWeights(TINY_SPEC, 7);
  const config: TrainingConfig = {
    optimizer: { kind: "sgd", learningRate: TINY_LEARNING_RATE },
    batchSize: TINY_POINTS,
    seed: 1,
  };
  const trainer = (name: string, kernel: KernelKind): Contender => ({
    name,
    setup() {
      const t = new Trainer(TINY_SPEC, weights, data, config, { kernel });
      return Promise.resolve({
        step() {
          t.trainStep();
        },
        dispose() {
          // Typed arrays and a WebAssembly instance: the garbage collector frees them.
        },
      });
    },
  });
  const engine = trainer("engine Trainer (SIMD, float32)", "simd");
  const float64 = trainer("engine Trainer (fused, float64)", "float64");
  const perNode: Contender = {
    name: "per-node JS (object per neuron/link)",
    setup() {
      const net = new PerNodeNetwork(
        [2, 8, 8, 1],
        weights.map((w) => w.kernel),
        weights.map((w) => w.bias),
      );
      return Promise.resolve({
        step() {
          net.trainStep(data.x, data.y, data.size, data.inputSize, TINY_LEARNING_RATE);
        },
        dispose() {
          // Garbage-collected objects: nothing to free.
        },
      });
    },
  };
  const contenders: Contender[] = [engine, float64, perNode];
  for (const backend of ctx.backends) {
    contenders.push(
      plainTfjsLoop(
        backend,
        ctx.backendOptions,
        TINY_SPEC,
        weights,
        data,
        () => tf.train.sgd(TINY_LEARNING_RATE),
        (labels, _z, outputs) => tf.losses.meanSquaredError(labels, outputs),
      ),
    );
  }
  for (const backend of ctx.backends) {
    contenders.push(
      tensorTrainerContender(backend, ctx.backendOptions, TINY_SPEC, weights, data, config),
    );
  }
  ctx.log(
    `tiny: ${contenders.length} contenders × ${timing.rounds} rounds of ${timing.windowMs} ms`,
  );
  const results = await compareRates(contenders, timing, ctx.log);
  const engineRate = results[0]?.perSecond ?? Number.NaN;
  const table: Table = {
    title: `Tiny network 2→8→8→1 tanh, ${TINY_POINTS} points, full batch, SGD — ${ctx.runtime}`,
    columns: ["contender", "steps/s (median)", "µs/step", "engine (SIMD) ÷ this", "each round"],
    rows: results.map((r) => [
      r.name,
      r.error === undefined ? fmt(r.perSecond) : `failed: ${r.error}`,
      fmt(1e6 / r.perSecond),
      r === results[0] ? "1×" : ratio(engineRate, r.perSecond),
      r.rounds.map(fmt).join(" / "),
    ]),
    notes: [],
  };
  const plain = results.filter((r) => r.name.startsWith("plain"));
  const fastestPlain = Math.max(
    ...plain.map((r) => (Number.isFinite(r.perSecond) ? r.perSecond : 0)),
  );
  for (const backend of ctx.backends) {
    const p = results.find((r) => r.name === `plain tfjs loop (${backend})`);
    const t = results.find((r) => r.name === `engine TensorTrainer (${backend})`);
    if (p && t)
      table.notes.push(
        `TensorTrainer ÷ plain loop on ${backend}: ${ratio(t.perSecond, p.perSecond)}`,
      );
  }
  table.notes.push(
    "Every contender starts from the same seeded weights; a tensor contender's window ends with a read of the weights, so queued device work is counted.",
  );
  return {
    tables: [table],
    goals: [
      goalLine(
        `${ctx.runtime} tiny: engine ÷ per-node`,
        engineRate / (results.find((r) => r.name === perNode.name)?.perSecond ?? Number.NaN),
        2,
      ),
      `${goalLine(`${ctx.runtime} tiny: engine ÷ fastest plain tfjs loop`, engineRate / fastestPlain, 20)}; per backend: ${plain.map((r) => `${r.name.replace(/^plain tfjs loop \((.*)\)$/, "$1")} ${ratio(engineRate, r.perSecond)}`).join(", ")}`,
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// 2. Medium workload: an MNIST MLP, where the arithmetic starts to matter.

const MEDIUM_SPEC: NetworkSpec = {
  inputs: 784,
  layers: [
    { units: 128, activation: "relu" },
    { units: 64, activation: "relu" },
    { units: 10, activation: "softmax" },
  ],
  loss: "categoricalCrossEntropy",
};
const MEDIUM_BATCH = 256;
const MEDIUM_TRAIN_PER_DIGIT = 200;
const ADAM_LEARNING_RATE = 0.001;
/** Short windows: a step on the cpu backend takes a good fraction of a second. */
export const MEDIUM_TIMING: Timing = { warmupMs: 300, windowMs: 1200, rounds: 2 };

/** Examples per second of a step-wise contender, counting the short last batch of each epoch. */
async function examplesPerSecond(
  contender: Contender,
  size: number,
  timing: Timing,
): Promise<number> {
  const counter = new BatchSampler(size, MEDIUM_BATCH, 1);
  let examples = 0;
  const run = await contender.setup();
  const counted = async (): Promise<void> => {
    examples += counter.peek().length;
    counter.advance();
    await run.step();
  };
  try {
    await runFor(counted, timing.warmupMs, 2, run.flush);
    examples = 0;
    const { elapsedMs } = await runFor(counted, timing.windowMs, 1, run.flush);
    return (examples * 1000) / elapsedMs;
  } finally {
    run.dispose();
  }
}

/**
 * `model.fit` on the same data. A first fit on 464 examples (one full batch and one the size of
 * an epoch's short last batch) compiles what the backend needs; its time sets how many epochs
 * fill the window, and one timed fit runs them.
 */
async function layersFitExamplesPerSecond(
  backend: TensorBackend,
  options: BackendOptions,
  data: Dataset,
  timing: Timing,
): Promise<number> {
  await activate(backend, options);
  const model = tfl.sequential({
    layers: [
      tfl.layers.dense({ inputShape: [784], units: 128, activation: "relu" }),
      tfl.layers.dense({ units: 64, activation: "relu" }),
      tfl.layers.dense({ units: 10, activation: "softmax" }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(ADAM_LEARNING_RATE), loss: "categoricalCrossentropy" });
  const x = tf.tensor2d(Float32Array.from(data.x), [data.size, data.inputSize]);
  const y = tf.tensor2d(Float32Array.from(data.y), [data.size, data.outputSize]);
  const warmN = MEDIUM_BATCH + (data.size % MEDIUM_BATCH || MEDIUM_BATCH);
  const [wx, wy] = [tf.slice(x, [0, 0], [warmN, -1]), tf.slice(y, [0, 0], [warmN, -1])];
  try {
    let start = now();
    await model.fit(wx, wy, { epochs: 1, batchSize: MEDIUM_BATCH });
    const perExample = (now() - start) / warmN;
    const epochs = Math.max(1, Math.round(timing.windowMs / (perExample * data.size)));
    start = now();
    await model.fit(x, y, { epochs, batchSize: MEDIUM_BATCH, shuffle: true });
    return (epochs * data.size * 1000) / (now() - start);
  } finally {
    for (const t of [x, y, wx, wy]) t.dispose();
    model.dispose();
  }
}

export async function mediumSection(
  ctx: BenchContext,
  timing = MEDIUM_TIMING,
): Promise<SectionOutput> {
  ctx.log(`medium: loading MNIST (${MEDIUM_TRAIN_PER_DIGIT} per digit)`);
  const { train } = await loadMnist({
    trainPerDigit: MEDIUM_TRAIN_PER_DIGIT,
    testPerDigit: 1,
    seed: 1,
  });
  const weights = initWeights(MEDIUM_SPEC, 7);
  const config: TrainingConfig = {
    optimizer: { kind: "adam", learningRate: ADAM_LEARNING_RATE },
    batchSize: MEDIUM_BATCH,
    seed: 1,
  };
  const fusedContender = (kernel: KernelKind): Contender => ({
    name: `fused ${kernel}`,
    setup() {
      const trainer = new Trainer(MEDIUM_SPEC, weights, train, config, { kernel });
      return Promise.resolve({
        step() {
          trainer.trainStep();
        },
        dispose() {
          // Typed arrays and a WebAssembly instance: the garbage collector frees them.
        },
      });
    },
  });
  const measurements: { key: string; run: () => Promise<number> }[] = [
    {
      key: "engine Trainer (fused)",
      run: () => examplesPerSecond(fusedContender("float64"), train.size, timing),
    },
    {
      key: "engine Trainer (SIMD)",
      run: () => examplesPerSecond(fusedContender("simd"), train.size, timing),
    },
  ];
  for (const backend of ctx.backends) {
    measurements.push(
      {
        key: `engine TensorTrainer (${backend})`,
        run: () =>
          examplesPerSecond(
            tensorTrainerContender(
              backend,
              ctx.backendOptions,
              MEDIUM_SPEC,
              weights,
              train,
              config,
            ),
            train.size,
            timing,
          ),
      },
      {
        key: `tf.layers model.fit (${backend})`,
        run: () => layersFitExamplesPerSecond(backend, ctx.backendOptions, train, timing),
      },
    );
  }
  // Rounds alternate over all contenders, as in the tiny section; a failure drops the contender.
  const figures = new Map<string, number[]>(measurements.map((m) => [m.key, []]));
  const failed = new Set<string>();
  for (let round = 0; round < timing.rounds; round++) {
    for (const { key, run } of measurements) {
      if (failed.has(key)) continue;
      try {
        const value = await run();
        figures.get(key)?.push(value);
        ctx.log(`  round ${round + 1}: ${key}: ${fmt(value)} examples/s`);
      } catch (error) {
        failed.add(key);
        ctx.log(`  ${key}: failed (${error instanceof Error ? error.message : String(error)})`);
      }
    }
  }
  const result = (key: string): number =>
    failed.has(key) ? Number.NaN : median(figures.get(key) ?? []);
  const fused = result("engine Trainer (fused)");
  const simd = result("engine Trainer (SIMD)");
  const rows: string[][] = [];
  const perBackend: { backend: TensorBackend; engine: number; fit: number }[] = [];
  for (const backend of ctx.backends) {
    const engine = result(`engine TensorTrainer (${backend})`);
    const fit = result(`tf.layers model.fit (${backend})`);
    perBackend.push({ backend, engine, fit });
    rows.push([backend, fmt(engine), fmt(fit), ratio(engine, fit), ratio(simd, fit)]);
  }
  rows.push(["(none: fused Trainer, WASM SIMD float32)", fmt(simd), "", "", ""]);
  rows.push(["(none: fused Trainer, JS float64)", fmt(fused), "", "", ""]);
  const bestEngine = Math.max(
    ...perBackend.map((b) => b.engine).filter(Number.isFinite),
    simd,
    fused,
  );
  const bestFit = Math.max(...perBackend.map((b) => b.fit).filter(Number.isFinite));
  return {
    tables: [
      {
        title: `MNIST MLP 784→128→64→10 (relu, relu, softmax), ${train.size} examples, batch ${MEDIUM_BATCH}, Adam — ${ctx.runtime}, examples/s`,
        columns: [
          "backend",
          "engine TensorTrainer",
          "tf.layers model.fit",
          "TensorTrainer ÷ fit",
          "SIMD Trainer ÷ fit",
        ],
        rows,
        notes: [
          `Median of ${timing.rounds} windows of about ${timing.windowMs / 1000} s per figure, each after a warm-up; model.fit runs whole epochs, so its window is rounded to epochs (at least one).`,
          `Fastest engine path ÷ fastest model.fit here: ${ratio(bestEngine, bestFit)}.`,
        ],
      },
    ],
    goals: [],
  };
}

// ---------------------------------------------------------------------------------------------
// 3. Matmul throughput: what each backend can do when the work is large.

export const MATMUL_SIZES = [64, 128, 256, 512, 1024, 2048] as const;
/** A size whose one product takes (or would take) longer than this is skipped. */
const MATMUL_OP_LIMIT_MS = 3000;
const MATMUL_WINDOW_MS = 500;

export async function matmulSection(ctx: BenchContext): Promise<SectionOutput> {
  const cells = new Map<string, string>();
  const notes: string[] = [
    "GFLOP/s = 2·n³ per product ÷ time; each product is awaited (`await c.data()`) before the next, so small sizes include the read-back.",
  ];
  for (const backend of ctx.backends) {
    try {
      await activate(backend, ctx.backendOptions);
    } catch (error) {
      notes.push(`${backend}: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    let lastOpMs = 0;
    for (const n of MATMUL_SIZES) {
      const key = `${backend}/${n}`;
      // A product of twice the size does eight times the work.
      const predictedMs = lastOpMs * 8;
      if (predictedMs > MATMUL_OP_LIMIT_MS) {
        cells.set(key, "skipped");
        notes.push(
          `${backend} ${n}²: skipped, one product would take about ${(predictedMs / 1000).toFixed(1)} s.`,
        );
        lastOpMs = predictedMs;
        continue;
      }
      const a = tf.randomUniform([n, n], -1, 1, "float32", 1);
      const b = tf.randomUniform([n, n], -1, 1, "float32", 2);
      const product = async (): Promise<void> => {
        const c = tf.matMul(a, b);
        await c.data();
        c.dispose();
      };
      try {
        // The first product also compiles the backend's kernel for this shape.
        const start = now();
        await product();
        const firstMs = now() - start;
        if (firstMs > MATMUL_OP_LIMIT_MS) {
          lastOpMs = firstMs;
          cells.set(key, `${fmt((2 * n ** 3) / (firstMs * 1e6))}*`);
          notes.push(
            `${backend} ${n}²: * one product only (${(firstMs / 1000).toFixed(1)} s, over the limit), larger sizes skipped.`,
          );
          continue;
        }
        const { steps, elapsedMs } = await runFor(product, MATMUL_WINDOW_MS);
        lastOpMs = elapsedMs / steps;
        cells.set(key, fmt((2 * n ** 3 * steps) / (elapsedMs * 1e6)));
        ctx.log(`  matmul ${backend} ${n}²: ${cells.get(key) ?? ""} GFLOP/s (${steps} products)`);
      } catch (error) {
        cells.set(key, "failed");
        notes.push(`${backend} ${n}²: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        a.dispose();
        b.dispose();
      }
    }
  }
  return {
    tables: [
      {
        title: `Matmul n×n · n×n, float32 — ${ctx.runtime}, GFLOP/s`,
        columns: ["n", ...ctx.backends],
        rows: MATMUL_SIZES.map((n) => [
          String(n),
          ...ctx.backends.map((b) => cells.get(`${b}/${n}`) ?? "–"),
        ]),
        notes,
      },
    ],
    goals: [],
  };
}

/** Which build of the wasm backend runs here (SIMD, threads): it changes its speed severalfold. */
export async function wasmFlavour(options: BackendOptions): Promise<string> {
  const previous = tf.getBackend() as TensorBackend | null;
  try {
    await activate("wasm", options);
    const simd = await tf.env().getAsync("WASM_HAS_SIMD_SUPPORT");
    const threads = await tf.env().getAsync("WASM_HAS_MULTITHREAD_SUPPORT");
    return `wasm backend: SIMD ${simd ? "on" : "off"}, threads ${threads ? "on" : "off"}`;
  } catch (error) {
    return `wasm backend: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    if (previous) await useBackend(previous, options);
  }
}

export async function runSections(
  ctx: BenchContext,
  sections: readonly SectionName[],
): Promise<SectionOutput> {
  const out: SectionOutput = { tables: [], goals: [] };
  for (const name of sections) {
    const started = now();
    ctx.log(`— ${name} (${ctx.runtime})`);
    const result =
      name === "tiny"
        ? await tinySection(ctx)
        : name === "medium"
          ? await mediumSection(ctx)
          : await matmulSection(ctx);
    out.tables.push(...result.tables);
    out.goals.push(...result.goals);
    ctx.log(`— ${name} took ${((now() - started) / 1000).toFixed(1)} s`);
  }
  return out;
}
