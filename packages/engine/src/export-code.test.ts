import "@tensorflow/tfjs-backend-cpu";
import * as tfCore from "@tensorflow/tfjs-core";
import * as tfLayers from "@tensorflow/tfjs-layers";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { activation } from "./activations.ts";
import { exportTfjsCode } from "./export-code.ts";
import {
  initWeights,
  layerInputSizes,
  type NetworkSpec,
  type NetworkWeights,
} from "./network-spec.ts";
import { createRng } from "./rng.ts";

// The generated code imports the `@tensorflow/tfjs` umbrella, which is not installed here; these
// three packages are what it bundles, so an equivalent `tf` object is assembled from them.
const tf = { ...tfCore, layers: tfLayers.layers, sequential: tfLayers.sequential };

interface RunnableModel {
  predict: (x: tfCore.Tensor) => tfCore.Tensor | tfCore.Tensor[];
  layers: unknown[];
  dispose: () => void;
}

/** Runs generated code as the body of a function with `tf` in scope, returning the model. */
function runExported(code: string, variableName = "model"): RunnableModel {
  const body = code.replace(/^import \* as tf from "@tensorflow\/tfjs";$/m, "");
  expect(body).not.toMatch(/^import /m);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- running the generated code is the point of this test
  const build = new Function("tf", `${body}\nreturn ${variableName};`) as (
    t: typeof tf,
  ) => RunnableModel;
  return build(tf);
}

/** The plain float64 forward pass: z = x·W + b, then the activation, layer by layer. */
function forward(spec: NetworkSpec, weights: NetworkWeights, input: readonly number[]): number[] {
  const sizes = layerInputSizes(spec);
  let x = [...input];
  spec.layers.forEach((layer, l) => {
    const w = weights[l];
    if (!w) throw new Error(`no weights for layer ${l}`);
    const z = Array.from({ length: layer.units }, (_, j) => {
      let sum = w.bias[j] ?? 0;
      for (let i = 0; i < (sizes[l] ?? 0); i++)
        sum += (x[i] ?? 0) * (w.kernel[i * layer.units + j] ?? 0);
      return sum;
    });
    if (layer.activation === "softmax") {
      const max = Math.max(...z);
      const e = z.map((v) => Math.exp(v - max));
      const total = e.reduce((s, v) => s + v, 0);
      x = e.map((v) => v / total);
    } else {
      x = z.map(activation(layer.activation).apply);
    }
  });
  return x;
}

function trained(spec: NetworkSpec, seed: number): NetworkWeights {
  const rng = createRng(seed + 500);
  return initWeights(spec, seed).map((w) => ({
    kernel: w.kernel,
    bias: w.bias.map(() => rng.uniform(-0.5, 0.5)),
  }));
}

const nets: Record<string, NetworkSpec> = {
  "the playground's 2-8-8-1 classifier": {
    inputs: 2,
    layers: [
      { units: 8, activation: "relu" },
      { units: 8, activation: "relu" },
      { units: 1, activation: "sigmoid" },
    ],
    loss: "binaryCrossEntropy",
  },
  "a leaky-ReLU, tanh and softmax classifier": {
    inputs: 3,
    layers: [
      { units: 12, activation: "leakyRelu" },
      { units: 4, activation: "tanh" },
      { units: 3, activation: "softmax" },
    ],
    loss: "categoricalCrossEntropy",
  },
  "a linear regression with a leaky-ReLU output": {
    inputs: 10,
    layers: [
      { units: 6, activation: "linear" },
      { units: 2, activation: "leakyRelu" },
    ],
    loss: "mse",
  },
};

beforeAll(async () => {
  // Quiets the CPU backend's suggestion to install tfjs-node.
  tf.env().set("IS_TEST", true);
  await tf.setBackend("cpu");
});

afterEach(() => {
  tf.disposeVariables();
});

describe("exportTfjsCode", () => {
  it.each(Object.entries(nets))("reproduces %s in TensorFlow.js", (_, spec) => {
    const weights = trained(spec, 3);
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    const tensorsBefore = tf.memory().numTensors;
    const model = runExported(exportTfjsCode(spec, weights));
    // The example at the end of the file prints one prediction.
    expect(log).toHaveBeenCalled();

    const rng = createRng(11);
    const inputs = Array.from({ length: 6 }, () =>
      Array.from({ length: spec.inputs }, () => rng.uniform(-3, 3)),
    );
    const x = tf.tensor2d(inputs);
    const y = model.predict(x);
    if (Array.isArray(y)) throw new Error("expected a single output tensor");
    const predicted = y.arraySync() as number[][];
    tf.dispose([x, y]);

    inputs.forEach((input, r) => {
      const expected = forward(spec, weights, input);
      const row = predicted[r] ?? [];
      expect(row).toHaveLength(expected.length);
      row.forEach((value, j) => {
        const want = expected[j] ?? NaN;
        expect(Math.abs(value - want)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(want)));
      });
    });
    model.dispose();
    expect(tf.memory().numTensors).toBe(tensorsBefore);
  });

  it("writes a readable, self-explaining file", () => {
    const spec = nets["a leaky-ReLU, tanh and softmax classifier"];
    if (!spec) throw new Error("missing fixture");
    const code = exportTfjsCode(spec, trained(spec, 4));
    expect(code).toMatch(/^\/\/ A network trained in Neuronlab/);
    expect(code).toContain('import * as tf from "@tensorflow/tfjs";');
    expect(code).toContain("3 → 12 leakyRelu → 4 tanh → 3 softmax (115 parameters)");
    expect(code).toContain(
      'model.add(tf.layers.dense({ units: 12, activation: "linear", inputShape: [3] }));\n' +
        "model.add(tf.layers.leakyReLU({ alpha: 0.01 }));",
    );
    // The LeakyReLU layer shifts the later Dense layers along by one.
    expect(code).toContain("model.layers[0].setWeights([");
    expect(code).toContain("model.layers[2].setWeights([");
    expect(code).toContain("model.layers[3].setWeights([");
    expect(code).toContain('loss: "categoricalCrossentropy"');
    expect(code).toContain("model.predict(");
    expect(Math.max(...code.split("\n").map((line) => line.length))).toBeLessThanOrEqual(120);
  });

  it("prints each weight with the fewest digits that keep its float32 value", () => {
    const spec: NetworkSpec = {
      inputs: 2,
      layers: [{ units: 2, activation: "linear" }],
      loss: "mse",
    };
    const weights = [
      {
        kernel: Float64Array.of(0.5, -2, 0.1, 1 / 3),
        bias: Float64Array.of(1e-7, 123456789),
      },
    ];
    const code = exportTfjsCode(spec, weights);
    expect(code).toContain("[0.5, -2],");
    // 1/3 as float32 is 0.3333333432…; 0.33333333 is nearer to it than to either neighbour.
    expect(code).toContain("[0.1, 0.33333333],");
    expect(Math.fround(0.33333333)).toBe(Math.fround(1 / 3));
    expect(code).toContain("tf.tensor1d([1e-7, 123456790]),");
  });

  it("names the model variable as asked, and refuses names that would break the code", () => {
    const spec = nets["the playground's 2-8-8-1 classifier"];
    if (!spec) throw new Error("missing fixture");
    const weights = trained(spec, 5);
    vi.spyOn(console, "log").mockImplementation(() => undefined);
    const code = exportTfjsCode(spec, weights, { variableName: "xorNet" });
    expect(code).toContain("const xorNet = tf.sequential();");
    expect(code).not.toMatch(/\bmodel\.(add|layers|predict|compile)\b/);
    runExported(code, "xorNet").dispose();
    for (const bad of ["class", "tf", "input", "2fast", "my-model", ""]) {
      expect(() => exportTfjsCode(spec, weights, { variableName: bad })).toThrow(RangeError);
    }
  });

  it("refuses weights that do not fit the spec or that float32 cannot hold", () => {
    const spec: NetworkSpec = {
      inputs: 1,
      layers: [{ units: 1, activation: "linear" }],
      loss: "mse",
    };
    expect(() =>
      exportTfjsCode(spec, [{ kernel: Float64Array.of(1, 2), bias: Float64Array.of(0) }]),
    ).toThrow(/kernel needs 1 number, not 2/);
    expect(() =>
      exportTfjsCode(spec, [{ kernel: Float64Array.of(Infinity), bias: Float64Array.of(0) }]),
    ).toThrow(/finite/);
    expect(() =>
      exportTfjsCode(spec, [{ kernel: Float64Array.of(1e39), bias: Float64Array.of(0) }]),
    ).toThrow(/too large for TensorFlow\.js's float32/);
  });
});
