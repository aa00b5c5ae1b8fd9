/**
 * The baseline the engine's small-network path is measured against: a network of one object per
 * neuron and per connection, trained one example at a time, the way classic in-browser
 * playgrounds are written. Written here from scratch for the benchmark (never shipped).
 */

interface Link {
  source: Neuron;
  dest: Neuron;
  weight: number;
  errorDer: number;
  accErrorDer: number;
  numAccumulated: number;
}

interface Neuron {
  inputLinks: Link[];
  outputs: Link[];
  bias: number;
  totalInput: number;
  output: number;
  outputDer: number;
  inputDer: number;
  accInputDer: number;
  numAccumulated: number;
}

const tanh = { output: (x: number) => Math.tanh(x), der: (x: number) => 1 - Math.tanh(x) ** 2 };

export class PerNodeNetwork {
  readonly layers: Neuron[][];

  /** kernels[l][i * units + j], biases[l][j]: the engine's NetworkWeights layout, for equal starts. */
  constructor(shape: number[], kernels: ArrayLike<number>[], biases: ArrayLike<number>[]) {
    this.layers = shape.map((units, l) =>
      Array.from({ length: units }, (_, j) => ({
        inputLinks: [],
        outputs: [],
        bias: l === 0 ? 0 : (biases[l - 1]?.[j] ?? 0),
        totalInput: 0,
        output: 0,
        outputDer: 0,
        inputDer: 0,
        accInputDer: 0,
        numAccumulated: 0,
      })),
    );
    for (let l = 1; l < shape.length; l++) {
      const units = shape[l] ?? 0;
      (this.layers[l] ?? []).forEach((dest, j) => {
        (this.layers[l - 1] ?? []).forEach((source, i) => {
          const link: Link = {
            source,
            dest,
            weight: kernels[l - 1]?.[i * units + j] ?? 0,
            errorDer: 0,
            accErrorDer: 0,
            numAccumulated: 0,
          };
          dest.inputLinks.push(link);
          source.outputs.push(link);
        });
      });
    }
  }

  forward(input: ArrayLike<number>): number {
    (this.layers[0] ?? []).forEach((node, i) => (node.output = input[i] ?? 0));
    for (let l = 1; l < this.layers.length; l++) {
      for (const node of this.layers[l] ?? []) {
        node.totalInput = node.bias;
        for (const link of node.inputLinks) node.totalInput += link.weight * link.source.output;
        node.output = tanh.output(node.totalInput);
      }
    }
    return this.layers[this.layers.length - 1]?.[0]?.output ?? 0;
  }

  /** Squared-error loss ½(a − y)², as the classic playground uses; derivative a − y. */
  backward(target: number): void {
    const out = this.layers[this.layers.length - 1]?.[0];
    if (out) out.outputDer = out.output - target;
    for (let l = this.layers.length - 1; l >= 1; l--) {
      for (const node of this.layers[l] ?? []) {
        node.inputDer = node.outputDer * tanh.der(node.totalInput);
        node.accInputDer += node.inputDer;
        node.numAccumulated++;
      }
      for (const node of this.layers[l] ?? []) {
        for (const link of node.inputLinks) {
          link.errorDer = node.inputDer * link.source.output;
          link.accErrorDer += link.errorDer;
          link.numAccumulated++;
        }
      }
      if (l === 1) continue;
      for (const node of this.layers[l - 1] ?? []) {
        node.outputDer = 0;
        for (const link of node.outputs) node.outputDer += link.weight * link.dest.inputDer;
      }
    }
  }

  update(learningRate: number): void {
    for (let l = 1; l < this.layers.length; l++) {
      for (const node of this.layers[l] ?? []) {
        if (node.numAccumulated > 0) {
          node.bias -= (learningRate * node.accInputDer) / node.numAccumulated;
          node.accInputDer = 0;
          node.numAccumulated = 0;
        }
        for (const link of node.inputLinks) {
          if (link.numAccumulated > 0) {
            link.weight -= (learningRate * link.accErrorDer) / link.numAccumulated;
            link.accErrorDer = 0;
            link.numAccumulated = 0;
          }
        }
      }
    }
  }

  /** One full-batch step over n examples (x row-major [n × inputs]); returns the mean ½-squared error. */
  trainStep(
    x: Float64Array,
    y: Float64Array,
    n: number,
    inputs: number,
    learningRate: number,
  ): number {
    let loss = 0;
    for (let e = 0; e < n; e++) {
      const a = this.forward(x.subarray(e * inputs, e * inputs + inputs));
      const t = y[e] ?? 0;
      loss += 0.5 * (a - t) ** 2;
      this.backward(t);
    }
    this.update(learningRate);
    return loss / n;
  }
}
