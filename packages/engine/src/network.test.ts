import { describe, expect, it } from "vitest";
import type { ActivationName } from "./activations.ts";
import { losses, softmax, softmaxBackward } from "./losses.ts";
import { Network } from "./network.ts";
import type { LayerActivation, LossName, NetworkSpec } from "./network-spec.ts";
import { createRng } from "./rng.ts";

const hidden: ActivationName[] = ["linear", "relu", "leakyRelu", "sigmoid", "tanh"];
const heads: [LayerActivation, LossName, number][] = [
  ["linear", "mse", 2],
  ["tanh", "mse", 1],
  ["sigmoid", "binaryCrossEntropy", 1],
  ["softmax", "categoricalCrossEntropy", 3],
  ["softmax", "mse", 3],
];

function batch(seed: number, spec: NetworkSpec, n: number) {
  const rng = createRng(seed);
  const out = spec.layers[spec.layers.length - 1]?.units ?? 1;
  const inputs = Array.from({ length: n }, () =>
    Array.from({ length: spec.inputs }, () => rng.uniform(-2, 2)),
  );
  const targets = Array.from({ length: n }, () => {
    if (spec.loss === "categoricalCrossEntropy") {
      const row = new Array<number>(out).fill(0);
      row[rng.int(out)] = 1;
      return row;
    }
    if (spec.loss === "binaryCrossEntropy") return [rng.int(2)];
    return Array.from({ length: out }, () => rng.uniform(-1, 1));
  });
  return { inputs, targets };
}

describe("Network forward pass", () => {
  it("computes z and a layer by layer, by hand", () => {
    const net = new Network(
      {
        inputs: 2,
        layers: [
          { units: 2, activation: "relu" },
          { units: 1, activation: "linear" },
        ],
        loss: "mse",
      },
      [
        { kernel: Float64Array.from([1, -1, 2, 0.5]), bias: Float64Array.from([0, 1]) },
        { kernel: Float64Array.from([0.5, -2]), bias: Float64Array.from([0.25]) },
      ],
    );
    const trace = net.forward([1, 2]);
    // Unit 0: 1·1 + 2·2 + 0 = 5; unit 1: 1·(−1) + 2·0.5 + 1 = 1.
    expect(trace.layers[0]).toEqual({ z: [5, 1], a: [5, 1] });
    // 0.5·5 − 2·1 + 0.25 = 0.75.
    expect(trace.output).toEqual([0.75]);
    const back = net.backward(trace, [0.25]);
    expect(back.loss).toBeCloseTo(0.25, 15);
    expect(back.dOutput).toEqual([1]);
    expect(back.layers[1]?.dW).toEqual([[5], [1]]);
    expect(back.layers[0]?.dz).toEqual([0.5, -2]);
    expect(back.layers[0]?.dW).toEqual([
      [0.5, -2],
      [1, -4],
    ]);
  });

  it("refuses inputs of the wrong size and weights of the wrong shape", () => {
    const spec: NetworkSpec = {
      inputs: 2,
      layers: [{ units: 1, activation: "linear" }],
      loss: "mse",
    };
    expect(() => Network.create(spec, 1).forward([1])).toThrow("Expected 2 inputs, got 1.");
    expect(
      () => new Network(spec, [{ kernel: new Float64Array(3), bias: new Float64Array(1) }]),
    ).toThrow(/do not match/);
  });
});

describe("Network gradients", () => {
  for (const act of hidden) {
    for (const [head, loss, units] of heads) {
      it(`${act} hidden layers, ${head} output, ${loss}: backprop equals central finite differences`, () => {
        const spec: NetworkSpec = {
          inputs: 3,
          layers: [
            { units: 4, activation: act },
            { units: 3, activation: act },
            { units, activation: head },
          ],
          loss,
        };
        const net = Network.create(spec, 11);
        // Non-zero biases so no pre-activation sits on a kink by construction.
        const rng = createRng(5);
        net.weights.forEach((w) => {
          w.bias.forEach((_, j) => (w.bias[j] = rng.uniform(-0.5, 0.5)));
        });
        const { inputs, targets } = batch(3, spec, 5);
        const { gradients } = net.batchGradients(inputs, targets);
        const h = 1e-6;
        net.weights.forEach((w, l) => {
          for (const [name, values] of [
            ["kernel", w.kernel],
            ["bias", w.bias],
          ] as const) {
            const analytic = name === "kernel" ? gradients[l]?.kernel : gradients[l]?.bias;
            values.forEach((original, k) => {
              values[k] = original + h;
              const up = net.batchLoss(inputs, targets);
              values[k] = original - h;
              const down = net.batchLoss(inputs, targets);
              values[k] = original;
              expect(analytic?.[k], `layer ${l} ${name}[${k}]`).toBeCloseTo(
                (up - down) / (2 * h),
                6,
              );
            });
          }
        });
      });
    }
  }
});

describe("losses", () => {
  it("give the textbook values", () => {
    expect(losses.mse.value([1, 2], [0, 0])).toBe(2.5);
    expect(losses.binaryCrossEntropy.value([0.5], [1])).toBeCloseTo(Math.log(2), 12);
    expect(losses.categoricalCrossEntropy.value([0.7, 0.2, 0.1], [1, 0, 0])).toBeCloseTo(
      -Math.log(0.7),
      12,
    );
  });

  it("punish a confident mistake far more under cross-entropy than under squared error", () => {
    const ce = losses.binaryCrossEntropy.value([0.01], [1]);
    const mse = losses.mse.value([0.01], [1]);
    expect(ce).toBeGreaterThan(4);
    expect(mse).toBeLessThan(1);
  });

  it.each(["mse", "binaryCrossEntropy", "categoricalCrossEntropy"] as const)(
    "%s: gradient equals central finite differences",
    (name) => {
      const p = [0.2, 0.7, 0.45];
      const y = name === "categoricalCrossEntropy" ? [0, 1, 0] : [0, 1, 1];
      const g = losses[name].gradient(p, y);
      p.forEach((pi, i) => {
        const up = [...p];
        const down = [...p];
        up[i] = pi + 1e-6;
        down[i] = pi - 1e-6;
        const fd = (losses[name].value(up, y) - losses[name].value(down, y)) / 2e-6;
        expect(g[i]).toBeCloseTo(fd, 6);
      });
    },
  );

  it("refuse predictions and targets of different lengths", () => {
    expect(() => losses.mse.value([1], [1, 2])).toThrow(RangeError);
  });
});

describe("softmax", () => {
  it("sums to one and survives huge inputs", () => {
    const a = softmax([1000, 1001, 999]);
    expect(a.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 15);
    expect(a[1]).toBeGreaterThan(a[0] ?? 1);
  });

  it("back-propagates through its Jacobian", () => {
    const z = [0.3, -1.2, 2];
    const g = [0.5, -1, 0.25];
    const analytic = softmaxBackward(softmax(z), g);
    z.forEach((zi, i) => {
      const f = (shift: number) => {
        const zz = [...z];
        zz[i] = zi + shift;
        return softmax(zz).reduce((s, a, j) => s + a * (g[j] ?? 0), 0);
      };
      expect(analytic[i]).toBeCloseTo((f(1e-6) - f(-1e-6)) / 2e-6, 6);
    });
  });
});
