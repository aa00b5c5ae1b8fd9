import { EPSILON } from "./losses.ts";
import type { NetworkSpec } from "./network-spec.ts";

/**
 * The loss end of a training step, shared by the float64 kernel (mlp-kernel.ts) and the float32
 * SIMD kernel (simd-kernel.ts): the mean loss of a batch and the gradient it sends back into the
 * output layer. Both kernels keep values feature-major: unit j's value for example e at
 * j·stride + e, where stride ≥ n (the SIMD kernel pads rows to whole vectors).
 */

export type FloatArray = Float32Array | Float64Array;

/**
 * How the output gradient is formed. "sigmoidBce" and "softmaxCce" take ∂L/∂z in one go
 * (a − y, numerically stable); "generic" takes ∂L/∂a and leaves the activation to the kernel.
 */
export type Head = "generic" | "sigmoidBce" | "softmaxCce";

export function headOf(spec: NetworkSpec): Head {
  const out = spec.layers.at(-1);
  if (spec.loss === "binaryCrossEntropy" && out?.activation === "sigmoid") return "sigmoidBce";
  if (spec.loss === "categoricalCrossEntropy" && out?.activation === "softmax") return "softmaxCce";
  return "generic";
}

export interface OutputLayer {
  loss: NetworkSpec["loss"];
  head: Head;
  /** Output units. */
  units: number;
  /** Row length of a, z and dz (≥ n). */
  stride: number;
  a: FloatArray;
  z: FloatArray;
}

/** Mean loss over `n` examples of the output layer's last forward pass, against y [n × units]. */
export function meanLoss(out: OutputLayer, y: Float64Array, n: number): number {
  const { units, stride, a, z } = out;
  let total = 0;
  switch (out.loss) {
    case "mse":
      for (let j = 0; j < units; j++) {
        for (let e = 0; e < n; e++) {
          const d = (a[j * stride + e] as number) - (y[e * units + j] as number);
          total += d * d;
        }
      }
      return total / (n * units);
    case "binaryCrossEntropy":
      for (let j = 0; j < units; j++) {
        for (let e = 0; e < n; e++) {
          const t = y[e * units + j] as number;
          if (out.head === "sigmoidBce") {
            const zk = z[j * stride + e] as number;
            total += Math.max(zk, 0) - zk * t + Math.log1p(Math.exp(-Math.abs(zk)));
          } else {
            const q = Math.min(Math.max(a[j * stride + e] as number, EPSILON), 1 - EPSILON);
            total -= t * Math.log(q) + (1 - t) * Math.log(1 - q);
          }
        }
      }
      return total / (n * units);
    case "categoricalCrossEntropy":
      for (let e = 0; e < n; e++) {
        let max = -Infinity;
        for (let j = 0; j < units; j++) max = Math.max(max, z[j * stride + e] as number);
        let sum = 0;
        for (let j = 0; j < units; j++) sum += Math.exp((z[j * stride + e] as number) - max);
        const logSum = max + Math.log(sum);
        for (let j = 0; j < units; j++) {
          total -= (y[e * units + j] as number) * ((z[j * stride + e] as number) - logSum);
        }
      }
      return total / n;
  }
}

/**
 * Writes the output layer's gradient of the mean loss into dz: ∂L/∂z for the two fused heads,
 * ∂L/∂a for "generic" (the caller then multiplies by the activation's derivative). Only the first
 * `n` entries of each row are written.
 */
export function outputGradient(out: OutputLayer, y: Float64Array, n: number, dz: FloatArray): void {
  const { units, stride, a } = out;
  const count = n * units;
  if (out.head === "softmaxCce") {
    // aⱼ·Σₖyₖ − yⱼ per example: a − y for one-hot targets, still exact for soft targets.
    for (let e = 0; e < n; e++) {
      let mass = 0;
      for (let j = 0; j < units; j++) mass += y[e * units + j] as number;
      for (let j = 0; j < units; j++) {
        const k = j * stride + e;
        dz[k] = ((a[k] as number) * mass - (y[e * units + j] as number)) / n;
      }
    }
    return;
  }
  for (let j = 0; j < units; j++) {
    for (let e = 0; e < n; e++) {
      const k = j * stride + e;
      const t = y[e * units + j] as number;
      const ak = a[k] as number;
      if (out.head === "sigmoidBce") dz[k] = (ak - t) / count;
      else if (out.loss === "mse") dz[k] = (2 * (ak - t)) / count;
      else {
        const q = Math.min(Math.max(ak, EPSILON), 1 - EPSILON);
        dz[k] = out.loss === "binaryCrossEntropy" ? (q - t) / (q * (1 - q)) / count : -t / q / n;
      }
    }
  }
}
