import { describe, expect, it } from "vitest";
import type { ActivationName } from "./activations.ts";
import { MlpKernel } from "./mlp-kernel.ts";
import { Network } from "./network.ts";
import {
  initWeights,
  type LayerActivation,
  type LossName,
  type NetworkSpec,
} from "./network-spec.ts";
import { createRng } from "./rng.ts";

const hidden: ActivationName[] = ["linear", "relu", "leakyRelu", "sigmoid", "tanh"];
const heads: [LayerActivation, LossName, number][] = [
  ["linear", "mse", 2],
  ["sigmoid", "binaryCrossEntropy", 1],
  ["softmax", "categoricalCrossEntropy", 3],
  ["softmax", "mse", 3],
  ["sigmoid", "mse", 1],
];

function randomBatch(spec: NetworkSpec, n: number, seed: number) {
  const rng = createRng(seed);
  const out = spec.layers[spec.layers.length - 1]?.units ?? 1;
  const x = Float64Array.from({ length: n * spec.inputs }, () => rng.uniform(-2, 2));
  const y = new Float64Array(n * out);
  for (let e = 0; e < n; e++) {
    if (spec.loss === "categoricalCrossEntropy") y[e * out + rng.int(out)] = 1;
    else
      for (let j = 0; j < out; j++)
        y[e * out + j] = spec.loss === "binaryCrossEntropy" ? rng.int(2) : rng.uniform(-1, 1);
  }
  const rows = (a: Float64Array, w: number) =>
    Array.from({ length: n }, (_, e) => Array.from(a.subarray(e * w, e * w + w)));
  return { x, y, xs: rows(x, spec.inputs), ys: rows(y, out) };
}

describe("MlpKernel", () => {
  for (const act of hidden) {
    for (const [head, loss, units] of heads) {
      it(`${act} → ${head} with ${loss}: same outputs, loss and gradients as the glass-box network`, () => {
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
        const reference = new Network(spec, weights);
        const kernel = new MlpKernel(spec, weights);
        const { x, y, xs, ys } = randomBatch(spec, 7, 4);

        const outputs = kernel.forward(x, 7);
        xs.forEach((input, e) => {
          reference.forward(input).output.forEach((v, j) => {
            expect(outputs[e * units + j]).toBeCloseTo(v, 12);
          });
        });

        const value = kernel.gradients(x, y, 7);
        const expected = reference.batchGradients(xs, ys);
        expect(value).toBeCloseTo(expected.loss, 12);
        const mapped = new MlpKernel(spec, expected.gradients);
        kernel.grads.forEach((g, k) => {
          expect(g).toBeCloseTo(mapped.params[k] ?? Number.NaN, 12);
        });
      });
    }
  }

  it("gives the exact softmax cross-entropy gradient for soft targets too", () => {
    const spec: NetworkSpec = {
      inputs: 2,
      layers: [
        { units: 3, activation: "tanh" },
        { units: 3, activation: "softmax" },
      ],
      loss: "categoricalCrossEntropy",
    };
    const weights = initWeights(spec, 3);
    const xs = [
      [0.5, -1],
      [1.5, 0.25],
    ];
    const ys = [
      [0.2, 0.5, 0.3],
      [0.6, 0.1, 0.3],
    ];
    const kernel = new MlpKernel(spec, weights);
    kernel.gradients(Float64Array.from(xs.flat()), Float64Array.from(ys.flat()), 2);
    const expected = new MlpKernel(
      spec,
      new Network(spec, weights).batchGradients(xs, ys).gradients,
    );
    kernel.grads.forEach((g, k) => {
      expect(g).toBeCloseTo(expected.params[k] ?? Number.NaN, 12);
    });
  });

  it("exposes every layer's activations from the last forward pass, unit by unit", () => {
    const spec: NetworkSpec = {
      inputs: 2,
      layers: [
        { units: 3, activation: "relu" },
        { units: 1, activation: "sigmoid" },
      ],
      loss: "binaryCrossEntropy",
    };
    const weights = initWeights(spec, 6);
    const kernel = new MlpKernel(spec, weights);
    const xs = [
      [0.5, -1],
      [1, 2],
    ];
    kernel.forward(Float64Array.from(xs.flat()), 2);
    const hidden = kernel.layerActivations(0, 2);
    const reference = new Network(spec, weights);
    xs.forEach((x, e) => {
      reference.forward(x).layers[0]?.a.forEach((v, j) => {
        expect(hidden[j * 2 + e]).toBeCloseTo(v, 12);
      });
    });
    expect(() => kernel.layerActivations(5, 2)).toThrow(RangeError);
  });

  it("round-trips weights through its internal (transposed) layout", () => {
    const spec: NetworkSpec = {
      inputs: 2,
      layers: [
        { units: 3, activation: "tanh" },
        { units: 1, activation: "linear" },
      ],
      loss: "mse",
    };
    const weights = initWeights(spec, 5);
    const back = new MlpKernel(spec, weights).getWeights();
    back.forEach((w, l) => {
      expect(Array.from(w.kernel)).toEqual(Array.from(weights[l]?.kernel ?? []));
      expect(Array.from(w.bias)).toEqual(Array.from(weights[l]?.bias ?? []));
    });
  });

  it("marks kernel weights, not biases, for regularisation", () => {
    const spec: NetworkSpec = {
      inputs: 2,
      layers: [
        { units: 3, activation: "relu" },
        { units: 1, activation: "linear" },
      ],
      loss: "mse",
    };
    const kernel = new MlpKernel(spec);
    expect(Array.from(kernel.kernelMask)).toEqual([1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 1, 1, 0]);
  });

  it("grows its buffers for a larger batch and gives the same answer per example", () => {
    const spec: NetworkSpec = {
      inputs: 2,
      layers: [
        { units: 4, activation: "relu" },
        { units: 1, activation: "sigmoid" },
      ],
      loss: "binaryCrossEntropy",
    };
    const kernel = new MlpKernel(spec, initWeights(spec, 8));
    const one = kernel.forward(Float64Array.from([0.5, -0.25]), 1)[0];
    const many = kernel.forward(Float64Array.from([1, 1, 0.5, -0.25, 2, 2]), 3);
    expect(many[1]).toBe(one);
  });
});
