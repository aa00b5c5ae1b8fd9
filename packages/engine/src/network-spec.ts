import { z } from "./schema.ts";
import type { ActivationName } from "./activations.ts";
import { createRng } from "./rng.ts";

/**
 * A dense network as data: its architecture (`NetworkSpec`) and its numbers (`NetworkWeights`).
 * Every part of the engine — the glass-box network, the fused typed-array kernel, the TensorFlow.js
 * tensors, serialisation and code export — reads and writes these two shapes.
 */

export type LayerActivation = ActivationName | "softmax";
export type LossName = "mse" | "binaryCrossEntropy" | "categoricalCrossEntropy";

export interface DenseSpec {
  units: number;
  activation: LayerActivation;
}

export interface NetworkSpec {
  /** Number of input features. */
  inputs: number;
  /** Dense layers from the first hidden layer to the output layer. */
  layers: readonly DenseSpec[];
  loss: LossName;
}

/**
 * One dense layer's parameters. `kernel` is row-major [inputs × units] (the layout of a
 * TensorFlow.js Dense kernel): kernel[i * units + j] is the weight from input i to unit j.
 */
export interface DenseWeights {
  kernel: Float64Array;
  bias: Float64Array;
}

export type NetworkWeights = DenseWeights[];

export const MAX_UNITS = 4096;
export const MAX_LAYERS = 16;

const activationSchema = z.enum(["linear", "relu", "leakyRelu", "sigmoid", "tanh", "softmax"]);

export const networkSpecSchema = z
  .object({
    inputs: z.number().int().min(1).max(MAX_UNITS),
    layers: z
      .array(
        z
          .object({ units: z.number().int().min(1).max(MAX_UNITS), activation: activationSchema })
          .strict(),
      )
      .min(1)
      .max(MAX_LAYERS),
    loss: z.enum(["mse", "binaryCrossEntropy", "categoricalCrossEntropy"]),
  })
  .strict()
  .superRefine((spec, ctx) => {
    spec.layers.forEach((layer, i) => {
      if (layer.activation === "softmax" && i !== spec.layers.length - 1) {
        ctx.addIssue({
          code: "custom",
          message: "Softmax belongs on the output layer only.",
          path: ["layers", i],
        });
      }
    });
    const out = spec.layers[spec.layers.length - 1];
    if (out && spec.loss === "categoricalCrossEntropy" && out.activation !== "softmax") {
      ctx.addIssue({
        code: "custom",
        message: "Categorical cross-entropy needs a softmax output layer.",
        path: ["loss"],
      });
    }
    if (
      out &&
      spec.loss === "binaryCrossEntropy" &&
      (out.activation !== "sigmoid" || out.units !== 1)
    ) {
      ctx.addIssue({
        code: "custom",
        message: "Binary cross-entropy needs one sigmoid output unit.",
        path: ["loss"],
      });
    }
  });

/** Parses untrusted input (a URL, a file, a form) into a spec, or throws a ZodError saying why. */
export function parseNetworkSpec(input: unknown): NetworkSpec {
  return networkSpecSchema.parse(input);
}

/** Input size of each layer, in order. */
export function layerInputSizes(spec: NetworkSpec): number[] {
  return spec.layers.map((_, i) => (i === 0 ? spec.inputs : (spec.layers[i - 1]?.units ?? 0)));
}

export function parameterCount(spec: NetworkSpec): number {
  const sizes = layerInputSizes(spec);
  return spec.layers.reduce((sum, layer, i) => sum + ((sizes[i] ?? 0) + 1) * layer.units, 0);
}

export type KernelInitializer = "glorotUniform" | "heNormal" | "zeros";

/** The usual choice per activation: He for the ReLU family, Glorot for the squashing ones. */
export function defaultInitializer(activation: LayerActivation): KernelInitializer {
  return activation === "relu" || activation === "leakyRelu" ? "heNormal" : "glorotUniform";
}

/**
 * Seeded initial weights: the same seed gives the same network on every machine and backend.
 * Biases start at zero.
 */
export function initWeights(
  spec: NetworkSpec,
  seed: number,
  kernelInitializer?: KernelInitializer,
): NetworkWeights {
  const rng = createRng(seed);
  const sizes = layerInputSizes(spec);
  return spec.layers.map((layer, l) => {
    const fanIn = sizes[l] ?? 1;
    const fanOut = layer.units;
    const kernel = new Float64Array(fanIn * fanOut);
    const init = kernelInitializer ?? defaultInitializer(layer.activation);
    if (init === "glorotUniform") {
      const limit = Math.sqrt(6 / (fanIn + fanOut));
      for (let i = 0; i < kernel.length; i++) kernel[i] = rng.uniform(-limit, limit);
    } else if (init === "heNormal") {
      const std = Math.sqrt(2 / fanIn);
      for (let i = 0; i < kernel.length; i++) kernel[i] = rng.normal() * std;
    }
    return { kernel, bias: new Float64Array(fanOut) };
  });
}

export function cloneWeights(weights: NetworkWeights): NetworkWeights {
  return weights.map((w) => ({ kernel: w.kernel.slice(), bias: w.bias.slice() }));
}
