import { describe, expect, it } from "vitest";
import { compileKernel, generatedModule } from "../scripts/wasm.ts";
import type { ActivationName } from "./activations.ts";
import { xor } from "./datasets/generators.ts";
import { MlpKernel } from "./mlp-kernel.ts";
import {
  initWeights,
  type LayerActivation,
  type LossName,
  type NetworkSpec,
} from "./network-spec.ts";
import { createRng } from "./rng.ts";
import { SimdKernel, simdKernelSupported } from "./simd-kernel.ts";
import { equivalenceCases, maxRelativeDifference } from "./testing/equivalence-cases.ts";
import { DivergenceError, Trainer } from "./trainer.ts";
import { KERNEL_WASM_BASE64 } from "./wasm/kernel.generated.ts";

const hidden: ActivationName[] = ["linear", "relu", "leakyRelu", "sigmoid", "tanh"];
const heads: [LayerActivation, LossName, number][] = [
  ["linear", "mse", 2],
  ["tanh", "mse", 1],
  ["sigmoid", "binaryCrossEntropy", 1],
  ["softmax", "categoricalCrossEntropy", 3],
  ["softmax", "mse", 3],
];

function randomBatch(spec: NetworkSpec, n: number, seed: number) {
  const rng = createRng(seed);
  const out = spec.layers.at(-1)?.units ?? 1;
  const x = Float64Array.from({ length: n * spec.inputs }, () => rng.uniform(-2, 2));
  const y = new Float64Array(n * out);
  for (let e = 0; e < n; e++) {
    if (spec.loss === "categoricalCrossEntropy") y[e * out + rng.int(out)] = 1;
    else
      for (let j = 0; j < out; j++)
        y[e * out + j] = spec.loss === "binaryCrossEntropy" ? rng.int(2) : rng.uniform(-1, 1);
  }
  return { x, y };
}

/** Largest |a − b| / max(1, |b|). */
function worstRelative(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let k = 0; k < a.length; k++) {
    const ref = b[k] as number;
    worst = Math.max(worst, Math.abs((a[k] as number) - ref) / Math.max(1, Math.abs(ref)));
  }
  return worst;
}

describe("SimdKernel", () => {
  it("runs here (Node has WebAssembly SIMD)", () => {
    expect(simdKernelSupported()).toBe(true);
  });

  it("embeds exactly what assembly/kernel.ts compiles to", async () => {
    const binary = await compileKernel();
    expect(Buffer.from(KERNEL_WASM_BASE64, "base64").equals(Buffer.from(binary))).toBe(true);
    expect(generatedModule(binary)).toContain(KERNEL_WASM_BASE64.slice(0, 96));
  }, 120_000);

  it("computes tanh and sigmoid to float32 precision from −20 to 20", () => {
    for (const activation of ["tanh", "sigmoid"] as const) {
      // One unit with weight 1 and bias 0: the output is the activation of the input.
      const spec: NetworkSpec = { inputs: 1, layers: [{ units: 1, activation }], loss: "mse" };
      const kernel = new SimdKernel(spec, [
        { kernel: Float64Array.of(1), bias: Float64Array.of(0) },
      ]);
      const n = 40_001;
      const x = Float64Array.from({ length: n }, (_, i) => -20 + i / 1000);
      const out = kernel.forward(x, n);
      let worstAbsolute = 0;
      let worstRelativeError = 0;
      x.forEach((v, i) => {
        const f32 = Math.fround(v);
        const want = activation === "tanh" ? Math.tanh(f32) : 1 / (1 + Math.exp(-f32));
        const got = out[i] as number;
        worstAbsolute = Math.max(worstAbsolute, Math.abs(got - want));
        if (Math.abs(want) > 1e-6)
          worstRelativeError = Math.max(worstRelativeError, Math.abs(got - want) / Math.abs(want));
      });
      expect(worstAbsolute).toBeLessThan(2.5e-7);
      // Relative too: small tanh values keep their digits (no 1 − 2/(e^{2x} + 1) cancellation).
      expect(worstRelativeError).toBeLessThan(activation === "tanh" ? 5e-7 : 5e-6);
    }
  });

  for (const act of hidden) {
    for (const [head, loss, units] of heads) {
      it(`${act} → ${head} with ${loss}: the float64 kernel's outputs, loss and gradients to float32 precision`, () => {
        const spec: NetworkSpec = {
          inputs: 3,
          layers: [
            { units: 5, activation: act },
            { units: 4, activation: act },
            { units, activation: head },
          ],
          loss,
        };
        const weights = initWeights(spec, 21);
        const reference = new MlpKernel(spec, weights);
        const simd = new SimdKernel(spec, weights);
        // 7 examples: not a whole number of vectors, so the padding must stay out of every sum.
        const { x, y } = randomBatch(spec, 7, 4);

        expect(worstRelative(simd.forward(x, 7), reference.forward(x, 7))).toBeLessThan(1e-5);
        expect(simd.loss(x, y, 7)).toBeCloseTo(reference.loss(x, y, 7), 5);
        const lossValue = simd.gradients(x, y, 7);
        expect(lossValue).toBeCloseTo(reference.gradients(x, y, 7), 5);
        expect(worstRelative(simd.grads, reference.grads)).toBeLessThan(1e-5);
        expect(
          worstRelative(simd.layerActivations(0, 7), reference.layerActivations(0, 7)),
        ).toBeLessThan(1e-5);
      });
    }
  }

  it("keeps the same layout of params and kernel mask as the float64 kernel", () => {
    const spec = equivalenceCases[0]?.spec as NetworkSpec;
    const weights = initWeights(spec, 8);
    const reference = new MlpKernel(spec, weights);
    const simd = new SimdKernel(spec, weights);
    expect(Array.from(simd.params)).toEqual(Array.from(reference.params));
    expect(Array.from(simd.kernelMask)).toEqual(Array.from(reference.kernelMask));
    expect(simd.getWeights()).toEqual(reference.getWeights());
  });

  it("gives each example the same answer in a big batch as in a small one after growing", () => {
    const spec = equivalenceCases[0]?.spec as NetworkSpec;
    const simd = new SimdKernel(spec, initWeights(spec, 8));
    const { x } = randomBatch(spec, 1001, 9);
    const small = simd.forward(x, 3).slice();
    const big = simd.forward(x, 1001);
    expect(Array.from(big.subarray(0, 3))).toEqual(Array.from(small));
    // And back down: a smaller batch after a bigger one (the last batch of an epoch).
    expect(Array.from(simd.forward(x, 3))).toEqual(Array.from(small));
  });
});

describe("Trainer on the SIMD kernel", () => {
  for (const c of equivalenceCases) {
    it(`${c.name}: the float64 Trainer's weights after 200 steps, to float32 precision`, () => {
      const data = c.data();
      const config = {
        optimizer: c.optimizer,
        batchSize: c.batchSize,
        seed: 5,
        ...(c.l1 ? { l1: c.l1 } : {}),
        ...(c.l2 ? { l2: c.l2 } : {}),
      };
      const reference = new Trainer(c.spec, initWeights(c.spec, 4), data, config);
      const simd = new Trainer(c.spec, initWeights(c.spec, 4), data, config, { kernel: "simd" });
      expect(simd.kernelKind).toBe("simd");
      for (let s = 0; s < 200; s++) {
        const [a, b] = [reference.trainStep(), simd.trainStep()];
        expect(b.epoch).toBe(a.epoch);
      }
      expect(maxRelativeDifference(simd.getWeights(), reference.getWeights())).toBeLessThan(1e-4);
      expect(simd.evaluate().loss).toBeCloseTo(reference.evaluate().loss, 4);
    });
  }

  it("learns XOR to 100% accuracy", () => {
    const spec = equivalenceCases[0]?.spec as NetworkSpec;
    const trainer = new Trainer(
      spec,
      initWeights(spec, 1),
      xor({ n: 200, seed: 1 }),
      { optimizer: { kind: "adam", learningRate: 0.03 }, batchSize: 200, seed: 1 },
      { kernel: "simd" },
    );
    for (let s = 0; s < 600; s++) trainer.trainStep();
    expect(trainer.evaluate().accuracy).toBe(1);
  });

  it("reports divergence from a huge learning rate and keeps the last good weights", () => {
    const spec: NetworkSpec = {
      inputs: 2,
      layers: [
        { units: 4, activation: "relu" },
        { units: 1, activation: "linear" },
      ],
      loss: "mse",
    };
    const trainer = new Trainer(
      spec,
      initWeights(spec, 1),
      xor({ n: 40, seed: 1 }),
      { optimizer: { kind: "sgd", learningRate: 1e6 }, batchSize: 40, seed: 1 },
      { kernel: "simd" },
    );
    let error: unknown;
    try {
      for (let s = 0; s < 100; s++) trainer.trainStep();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DivergenceError);
    for (const layer of trainer.getWeights()) {
      for (const w of [...layer.kernel, ...layer.bias]) expect(Number.isFinite(w)).toBe(true);
    }
  });
});
