import { activation, type ActivationName } from "./activations.ts";

/**
 * One artificial neuron, the course's first figure: multiply each input by its weight, add them up
 * with the bias, pass the sum through an activation. Every intermediate number is returned, so a
 * lesson can show the arithmetic term by term.
 */
export interface NeuronArgs {
  weights: readonly number[];
  bias: number;
  activation: ActivationName;
}

export interface NeuronTrace {
  /** wᵢ·xᵢ for each input, in order. */
  readonly products: readonly number[];
  /** z = Σ wᵢxᵢ + b */
  readonly z: number;
  /** a = f(z) */
  readonly a: number;
  /** f′(z): how much a moves per unit of z, the first link of the chain rule. */
  readonly slope: number;
}

export class Neuron {
  readonly weights: readonly number[];
  readonly bias: number;
  readonly activation: ActivationName;

  constructor(args: NeuronArgs) {
    if (args.weights.length === 0) throw new RangeError("A neuron needs at least one weight.");
    if (![...args.weights, args.bias].every(Number.isFinite)) {
      throw new RangeError("Weights and bias must be finite numbers.");
    }
    this.weights = [...args.weights];
    this.bias = args.bias;
    this.activation = args.activation;
  }

  /** The forward pass for one input vector, with every step kept. */
  call(inputs: readonly number[]): NeuronTrace {
    if (inputs.length !== this.weights.length) {
      throw new RangeError(`Expected ${this.weights.length} inputs, got ${inputs.length}.`);
    }
    const products = this.weights.map((w, i) => w * (inputs[i] ?? 0));
    const z = products.reduce((sum, p) => sum + p, this.bias);
    const f = activation(this.activation);
    return { products, z, a: f.apply(z), slope: f.derivative(z) };
  }

  config(): NeuronArgs {
    return { weights: [...this.weights], bias: this.bias, activation: this.activation };
  }
}

export function neuron(args: NeuronArgs): Neuron {
  return new Neuron(args);
}
