import { activation } from "./activations.ts";
import { losses, softmax, softmaxBackward } from "./losses.ts";
import {
  initWeights,
  layerInputSizes,
  parseNetworkSpec,
  type NetworkSpec,
  type NetworkWeights,
} from "./network-spec.ts";

/**
 * The glass-box dense network: float64, one example at a time, every number kept. It is the
 * reference the fast paths are tested against and what a lesson steps through by hand.
 */

export interface LayerTrace {
  /** Pre-activations zⱼ = Σᵢ aᵢ·Wᵢⱼ + bⱼ. */
  readonly z: number[];
  /** Activations aⱼ = f(zⱼ). */
  readonly a: number[];
}

export interface ForwardTrace {
  readonly input: number[];
  readonly layers: LayerTrace[];
  /** The last layer's activations: the prediction ŷ. */
  readonly output: number[];
}

export interface LayerGradients {
  /** ∂L/∂zⱼ for each unit. */
  readonly dz: number[];
  /** ∂L/∂Wᵢⱼ, as [inputs][units]. */
  readonly dW: number[][];
  /** ∂L/∂bⱼ (equal to ∂L/∂zⱼ). */
  readonly db: number[];
}

export interface BackwardTrace {
  readonly loss: number;
  /** ∂L/∂ŷ, where the backward pass starts. */
  readonly dOutput: number[];
  readonly layers: LayerGradients[];
}

export interface BatchGradients {
  /** Mean loss over the batch. */
  readonly loss: number;
  /** Mean gradients, in the layout of `NetworkWeights`. */
  readonly gradients: NetworkWeights;
}

export class Network {
  readonly spec: NetworkSpec;
  readonly weights: NetworkWeights;
  private readonly inputSizes: number[];

  constructor(spec: NetworkSpec, weights: NetworkWeights) {
    this.spec = parseNetworkSpec(spec);
    this.inputSizes = layerInputSizes(this.spec);
    if (weights.length !== this.spec.layers.length) {
      throw new RangeError(
        `Expected weights for ${this.spec.layers.length} layers, got ${weights.length}.`,
      );
    }
    this.spec.layers.forEach((layer, l) => {
      const w = weights[l];
      if (
        w?.kernel.length !== (this.inputSizes[l] ?? 0) * layer.units ||
        w.bias.length !== layer.units
      ) {
        throw new RangeError(`Layer ${l} weights do not match its shape.`);
      }
    });
    this.weights = weights;
  }

  static create(spec: NetworkSpec, seed: number): Network {
    return new Network(spec, initWeights(spec, seed));
  }

  /** Wᵢⱼ of layer `l`: from input i to unit j. */
  weight(l: number, i: number, j: number): number {
    const layer = this.spec.layers[l];
    return this.weights[l]?.kernel[i * (layer?.units ?? 0) + j] ?? Number.NaN;
  }

  forward(input: readonly number[]): ForwardTrace {
    if (input.length !== this.spec.inputs) {
      throw new RangeError(`Expected ${this.spec.inputs} inputs, got ${input.length}.`);
    }
    const layers: LayerTrace[] = [];
    let previous = [...input];
    this.spec.layers.forEach((layer, l) => {
      const z = Array.from({ length: layer.units }, (_, j) =>
        previous.reduce(
          (sum, ai, i) => sum + ai * this.weight(l, i, j),
          this.weights[l]?.bias[j] ?? 0,
        ),
      );
      const a =
        layer.activation === "softmax" ? softmax(z) : z.map(activation(layer.activation).apply);
      layers.push({ z, a });
      previous = a;
    });
    return { input: [...input], layers, output: previous };
  }

  /**
   * Backpropagation for one example: the chain rule applied layer by layer from the output back,
   * ∂L/∂z = ∂L/∂a · f′(z), ∂L/∂W = a_prev ⊗ ∂L/∂z, ∂L/∂a_prev = W · ∂L/∂z.
   */
  backward(trace: ForwardTrace, target: readonly number[]): BackwardTrace {
    const loss = losses[this.spec.loss];
    const last = this.spec.layers.length - 1;
    const outputLayer = this.spec.layers[last];
    const outputTrace = trace.layers[last];
    if (!outputLayer || !outputTrace) throw new Error("The trace does not belong to this network.");
    const dOutput = loss.gradient(trace.output, target);
    const value = this.lossOf(outputTrace, target);

    const gradients: LayerGradients[] = new Array<LayerGradients>(this.spec.layers.length);
    let dA = dOutput;
    for (let l = last; l >= 0; l--) {
      const layer = this.spec.layers[l];
      const current = trace.layers[l];
      if (!layer || !current) throw new Error("The trace does not belong to this network.");
      const dz = this.dzOf(l, current, dA, target);
      const previous = l === 0 ? trace.input : (trace.layers[l - 1]?.a ?? []);
      const dW = previous.map((ai) => dz.map((dzj) => ai * dzj));
      gradients[l] = { dz, dW, db: [...dz] };
      dA = previous.map((_, i) => dz.reduce((sum, dzj, j) => sum + this.weight(l, i, j) * dzj, 0));
    }
    return { loss: value, dOutput, layers: gradients };
  }

  /** Mean loss over a batch of examples (no gradients). */
  batchLoss(
    inputs: readonly (readonly number[])[],
    targets: readonly (readonly number[])[],
  ): number {
    if (inputs.length === 0 || inputs.length !== targets.length) {
      throw new RangeError("A batch needs as many targets as inputs, and at least one of each.");
    }
    const last = this.spec.layers.length - 1;
    const total = inputs.reduce((sum, input, e) => {
      const output = this.forward(input).layers[last];
      return output ? sum + this.lossOf(output, targets[e] ?? []) : sum;
    }, 0);
    return total / inputs.length;
  }

  /** Mean loss and mean gradients over a batch of examples. */
  batchGradients(
    inputs: readonly (readonly number[])[],
    targets: readonly (readonly number[])[],
  ): BatchGradients {
    if (inputs.length === 0 || inputs.length !== targets.length) {
      throw new RangeError("A batch needs as many targets as inputs, and at least one of each.");
    }
    const sums: NetworkWeights = this.weights.map((w) => ({
      kernel: new Float64Array(w.kernel.length),
      bias: new Float64Array(w.bias.length),
    }));
    let loss = 0;
    inputs.forEach((input, e) => {
      const back = this.backward(this.forward(input), targets[e] ?? []);
      loss += back.loss;
      back.layers.forEach((g, l) => {
        const sum = sums[l];
        if (!sum) return;
        const units = g.db.length;
        g.dW.forEach((row, i) => {
          row.forEach((v, j) => (sum.kernel[i * units + j] = (sum.kernel[i * units + j] ?? 0) + v));
        });
        g.db.forEach((v, j) => (sum.bias[j] = (sum.bias[j] ?? 0) + v));
      });
    });
    const n = inputs.length;
    for (const s of sums) {
      for (let k = 0; k < s.kernel.length; k++) s.kernel[k] = (s.kernel[k] ?? 0) / n;
      for (let k = 0; k < s.bias.length; k++) s.bias[k] = (s.bias[k] ?? 0) / n;
    }
    return { loss: loss / n, gradients: sums };
  }

  /**
   * The loss of one example. With sigmoid + binary cross-entropy or softmax + categorical
   * cross-entropy it is computed from z (log-sum-exp form), which stays finite and exact where
   * the clipped probability form would saturate.
   */
  private lossOf(output: LayerTrace, target: readonly number[]): number {
    const layer = this.spec.layers[this.spec.layers.length - 1];
    if (this.spec.loss === "binaryCrossEntropy" && layer?.activation === "sigmoid") {
      const total = output.z.reduce((sum, z, j) => {
        const y = target[j] ?? 0;
        return sum + Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z)));
      }, 0);
      return total / output.z.length;
    }
    if (this.spec.loss === "categoricalCrossEntropy" && layer?.activation === "softmax") {
      const max = Math.max(...output.z);
      const logSum = max + Math.log(output.z.reduce((s, z) => s + Math.exp(z - max), 0));
      return -output.z.reduce((sum, z, j) => sum + (target[j] ?? 0) * (z - logSum), 0);
    }
    return losses[this.spec.loss].value(output.a, target);
  }

  /** ∂L/∂z of layer l, given ∂L/∂a. The output layer's matched pairs use their exact shortcut ŷ − y. */
  private dzOf(
    l: number,
    current: LayerTrace,
    dA: readonly number[],
    target: readonly number[],
  ): number[] {
    const layer = this.spec.layers[l];
    const isOutput = l === this.spec.layers.length - 1;
    if (isOutput && this.spec.loss === "binaryCrossEntropy" && layer?.activation === "sigmoid") {
      return current.a.map((a, j) => (a - (target[j] ?? 0)) / current.a.length);
    }
    if (
      isOutput &&
      this.spec.loss === "categoricalCrossEntropy" &&
      layer?.activation === "softmax"
    ) {
      // aⱼ·Σₖyₖ − yⱼ, which is the familiar aⱼ − yⱼ when the target sums to 1 (one-hot).
      const mass = target.reduce((s, y) => s + y, 0);
      return current.a.map((a, j) => a * mass - (target[j] ?? 0));
    }
    if (layer?.activation === "softmax") return softmaxBackward(current.a, dA);
    const f = activation(layer?.activation ?? "linear");
    return current.z.map((z, j) => (dA[j] ?? 0) * f.derivative(z));
  }
}

export function network(spec: NetworkSpec, weights: NetworkWeights): Network {
  return new Network(spec, weights);
}
