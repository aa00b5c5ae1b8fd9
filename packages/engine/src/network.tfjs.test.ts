import "@tensorflow/tfjs-backend-cpu";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-core/dist/register_all_gradients";
import { beforeAll, describe, expect, it } from "vitest";
import type { ActivationName } from "./activations.ts";
import { Network } from "./network.ts";
import type { LayerActivation, LossName, NetworkSpec } from "./network-spec.ts";
import { createRng } from "./rng.ts";

/**
 * An independent reference for the glass-box gradients: the same network written directly in
 * TensorFlow.js ops (float32) and differentiated by tf.grads.
 */
function tfLoss(spec: NetworkSpec, x: tf.Tensor2D, y: tf.Tensor2D) {
  return (...params: tf.Tensor[]): tf.Scalar => {
    let a: tf.Tensor = x;
    spec.layers.forEach((layer, l) => {
      const z = tf.add(
        tf.matMul(a as tf.Tensor2D, params[2 * l] as tf.Tensor2D),
        params[2 * l + 1] as tf.Tensor,
      );
      const f: Record<LayerActivation, (t: tf.Tensor) => tf.Tensor> = {
        linear: (t) => t,
        relu: (t) => tf.relu(t),
        leakyRelu: (t) => tf.leakyRelu(t, 0.01),
        sigmoid: (t) => tf.sigmoid(t),
        tanh: (t) => tf.tanh(t),
        softmax: (t) => tf.softmax(t),
      };
      a = f[layer.activation](z);
    });
    const eps = 1e-7;
    const clipped = () => tf.clipByValue(a, eps, 1 - eps);
    switch (spec.loss) {
      case "mse":
        return tf.mean<tf.Scalar>(tf.squaredDifference(a, y));
      case "binaryCrossEntropy":
        return tf.neg(
          tf.mean(
            tf.add(
              tf.mul(y, tf.log(clipped())),
              tf.mul(tf.sub(1, y), tf.log(tf.sub(1, clipped()))),
            ),
          ),
        ) as tf.Scalar;
      case "categoricalCrossEntropy":
        return tf.neg(tf.mean(tf.sum(tf.mul(y, tf.log(clipped())), 1))) as tf.Scalar;
    }
  };
}

const hidden: ActivationName[] = ["linear", "relu", "leakyRelu", "sigmoid", "tanh"];
const heads: [LayerActivation, LossName, number][] = [
  ["linear", "mse", 2],
  ["sigmoid", "binaryCrossEntropy", 1],
  ["softmax", "categoricalCrossEntropy", 3],
  ["tanh", "mse", 2],
];

beforeAll(async () => {
  await tf.setBackend("cpu");
});

describe("glass-box gradients against TensorFlow.js autodiff (tf.grads)", () => {
  for (const act of hidden) {
    for (const [head, loss, units] of heads) {
      it(`${act} hidden, ${head} output, ${loss}`, () => {
        const spec: NetworkSpec = {
          inputs: 3,
          layers: [
            { units: 5, activation: act },
            { units: 4, activation: act },
            { units, activation: head },
          ],
          loss,
        };
        const net = Network.create(spec, 17);
        const rng = createRng(23);
        net.weights.forEach((w) => {
          w.bias.forEach((_, j) => (w.bias[j] = rng.uniform(-0.5, 0.5)));
        });
        const n = 6;
        const xs = Array.from({ length: n }, () =>
          Array.from({ length: 3 }, () => rng.uniform(-1.5, 1.5)),
        );
        const ys = Array.from({ length: n }, () => {
          if (loss === "categoricalCrossEntropy") {
            // Soft targets (a probability distribution over the classes), the general case.
            const raw = Array.from({ length: units }, () => rng.uniform(0.1, 1));
            const total = raw.reduce((sum, v) => sum + v, 0);
            return raw.map((v) => v / total);
          }
          if (loss === "binaryCrossEntropy") return [rng.int(2)];
          return Array.from({ length: units }, () => rng.uniform(-1, 1));
        });

        const expected = net.batchGradients(xs, ys);
        const params = net.weights.flatMap((w, l) => [
          tf.tensor2d(Float32Array.from(w.kernel), [
            l === 0 ? 3 : (spec.layers[l - 1]?.units ?? 0),
            spec.layers[l]?.units ?? 0,
          ]),
          tf.tensor1d(Float32Array.from(w.bias)),
        ]);
        const grads = tf.tidy(() =>
          tf.grads(tfLoss(spec, tf.tensor2d(xs), tf.tensor2d(ys)))(params),
        );
        grads.forEach((g, k) => {
          const l = Math.floor(k / 2);
          const ours = k % 2 === 0 ? expected.gradients[l]?.kernel : expected.gradients[l]?.bias;
          const theirs = g.dataSync();
          theirs.forEach((v, i) => {
            expect(ours?.[i], `param ${k}[${i}]`).toBeCloseTo(v, 3);
          });
        });
        tf.dispose([...params, ...grads]);
      });
    }
  }
});
