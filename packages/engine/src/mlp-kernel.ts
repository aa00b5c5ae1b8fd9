import { headOf, meanLoss, outputGradient, type Head, type OutputLayer } from "./kernel-heads.ts";
import {
  layerInputSizes,
  parseNetworkSpec,
  type LayerActivation,
  type NetworkSpec,
  type NetworkWeights,
} from "./network-spec.ts";
import { LEAKY_RELU_ALPHA } from "./activations.ts";
import { fastSigmoid, fastTanh } from "./fast-math.ts";

/**
 * The fused typed-array path for small networks. All parameters live in one Float64Array, each
 * layer's kernel stored transposed ([units × inputs]) so every inner loop walks memory in order;
 * activations and gradients for a whole batch live in buffers allocated once. A training step
 * allocates nothing. For the networks a playground trains (a few hundred parameters), this beats
 * both per-node JavaScript and dispatching tensor ops to any TensorFlow.js backend.
 */

const enum Act {
  Linear,
  Relu,
  LeakyRelu,
  Sigmoid,
  Tanh,
  Softmax,
}

const ACT: Record<LayerActivation, Act> = {
  linear: Act.Linear,
  relu: Act.Relu,
  leakyRelu: Act.LeakyRelu,
  sigmoid: Act.Sigmoid,
  tanh: Act.Tanh,
  softmax: Act.Softmax,
};

/**
 * What the Trainer needs of a kernel: the float64 one below, or the float32 SIMD one
 * (simd-kernel.ts). `params` and `grads` share one layout: per layer the transposed kernel
 * [units × inputs], then the bias.
 */
export interface TrainingKernel {
  readonly spec: NetworkSpec;
  readonly params: Float64Array;
  readonly grads: Float64Array;
  readonly kernelMask: Uint8Array;
  readonly outputSize: number;
  setWeights(weights: NetworkWeights): void;
  getWeights(): NetworkWeights;
  /** Output rows [n × outputs] in a buffer valid until the next call. */
  forward(x: Float64Array, n: number): Float64Array;
  /** Layer l's activations from the last forward pass, feature-major [units × n]. */
  layerActivations(l: number, n: number): Float64Array;
  loss(x: Float64Array, y: Float64Array, n: number): number;
  /** Forward, loss and backward over a batch: mean gradients into `grads`, returns the loss. */
  gradients(x: Float64Array, y: Float64Array, n: number): number;
}

export class MlpKernel implements TrainingKernel {
  readonly spec: NetworkSpec;
  /** Every parameter: per layer the transposed kernel [units × inputs], then the bias. */
  readonly params: Float64Array;
  /** ∂L/∂params, mean over the last batch, same layout as `params`. */
  readonly grads: Float64Array;
  /** For each parameter, 1 if it is a kernel weight (regularised), 0 for a bias. */
  readonly kernelMask: Uint8Array;

  private readonly nIn: Int32Array;
  private readonly nOut: Int32Array;
  private readonly wOff: Int32Array;
  private readonly bOff: Int32Array;
  private readonly acts: Act[];
  private readonly head: Head;
  private capacity = 0;
  private z: Float64Array[] = [];
  private a: Float64Array[] = [];
  private dz: Float64Array[] = [];
  private xT: Float64Array = new Float64Array(0);
  private outRows = new Float64Array(0);

  constructor(spec: NetworkSpec, weights?: NetworkWeights) {
    this.spec = parseNetworkSpec(spec);
    const sizes = layerInputSizes(this.spec);
    const L = this.spec.layers.length;
    this.nIn = Int32Array.from(sizes);
    this.nOut = Int32Array.from(this.spec.layers.map((l) => l.units));
    this.wOff = new Int32Array(L);
    this.bOff = new Int32Array(L);
    let offset = 0;
    for (let l = 0; l < L; l++) {
      this.wOff[l] = offset;
      offset += (this.nIn[l] as number) * (this.nOut[l] as number);
      this.bOff[l] = offset;
      offset += this.nOut[l] as number;
    }
    this.params = new Float64Array(offset);
    this.grads = new Float64Array(offset);
    this.kernelMask = new Uint8Array(offset);
    for (let l = 0; l < L; l++) this.kernelMask.fill(1, this.wOff[l], this.bOff[l]);
    this.acts = this.spec.layers.map((l) => ACT[l.activation]);
    this.head = headOf(this.spec);
    if (weights) this.setWeights(weights);
  }

  get outputSize(): number {
    return this.nOut[this.nOut.length - 1] as number;
  }

  setWeights(weights: NetworkWeights): void {
    this.spec.layers.forEach((_, l) => {
      const w = weights[l];
      const nIn = this.nIn[l] as number;
      const nOut = this.nOut[l] as number;
      if (w?.kernel.length !== nIn * nOut || w.bias.length !== nOut) {
        throw new RangeError(`Layer ${l} weights do not match its shape.`);
      }
      const base = this.wOff[l] as number;
      for (let i = 0; i < nIn; i++) {
        for (let j = 0; j < nOut; j++)
          this.params[base + j * nIn + i] = w.kernel[i * nOut + j] as number;
      }
      this.params.set(w.bias, this.bOff[l]);
    });
  }

  /** The weights in the shared `NetworkWeights` layout (kernels [inputs × units]). */
  getWeights(): NetworkWeights {
    return this.spec.layers.map((_, l) => {
      const nIn = this.nIn[l] as number;
      const nOut = this.nOut[l] as number;
      const base = this.wOff[l] as number;
      const kernel = new Float64Array(nIn * nOut);
      for (let i = 0; i < nIn; i++) {
        for (let j = 0; j < nOut; j++)
          kernel[i * nOut + j] = this.params[base + j * nIn + i] as number;
      }
      const b = this.bOff[l] as number;
      return { kernel, bias: this.params.slice(b, b + nOut) };
    });
  }

  private ensureCapacity(n: number): void {
    if (n <= this.capacity) return;
    this.capacity = n;
    this.xT = new Float64Array(n * (this.nIn[0] as number));
    this.z = Array.from(this.nOut, (units) => new Float64Array(n * units));
    this.a = Array.from(this.nOut, (units) => new Float64Array(n * units));
    this.dz = Array.from(this.nOut, (units) => new Float64Array(n * units));
    this.outRows = new Float64Array(n * this.outputSize);
  }

  /**
   * Forward pass for `n` examples (x row-major [n × inputs]). Returns the output activations,
   * row-major [n × outputs], in a buffer that is valid until the next call.
   *
   * Inside, activations are stored feature-major ([units × n]): the innermost loops run over the
   * examples of the batch, long and contiguous, instead of over a layer's handful of inputs.
   */
  forward(x: Float64Array, n: number): Float64Array {
    this.ensureCapacity(n);
    const p = this.params;
    const nIn0 = this.nIn[0] as number;
    const xT = this.xT;
    for (let e = 0; e < n; e++) {
      for (let i = 0; i < nIn0; i++) xT[i * n + e] = x[e * nIn0 + i] as number;
    }
    let prev = xT;
    for (let l = 0; l < this.acts.length; l++) {
      const nIn = this.nIn[l] as number;
      const nOut = this.nOut[l] as number;
      const wOff = this.wOff[l] as number;
      const bOff = this.bOff[l] as number;
      const z = this.z[l] as Float64Array;
      for (let j = 0; j < nOut; j++) z.fill(p[bOff + j] as number, j * n, j * n + n);
      axpyRows(z, prev, p, wOff, nIn, nOut, n);
      const a = this.a[l] as Float64Array;
      activate(this.acts[l] as Act, z, a, n * nOut, nOut, n);
      prev = a;
    }
    const L = this.acts.length - 1;
    const units = this.nOut[L] as number;
    const out = this.a[L] as Float64Array;
    const rows = this.outRows;
    for (let j = 0; j < units; j++) {
      for (let e = 0; e < n; e++) rows[e * units + j] = out[j * n + e] as number;
    }
    return rows.subarray(0, n * units);
  }

  /**
   * Activations of layer `l` from the last forward pass over `n` examples, feature-major
   * ([units × n]: unit j's value for example e at j·n + e). A view, valid until the next call;
   * figures use it to draw what every hidden unit responds to.
   */
  layerActivations(l: number, n: number): Float64Array {
    const units = this.nOut[l];
    const a = this.a[l];
    if (units === undefined || !a) throw new RangeError(`There is no layer ${l}.`);
    if (n > this.capacity)
      throw new RangeError(`Only ${this.capacity} examples were passed forward.`);
    return a.subarray(0, units * n);
  }

  /** The output layer of the last forward pass over `n` examples. */
  private outputLayer(n: number): OutputLayer {
    const L = this.acts.length - 1;
    return {
      loss: this.spec.loss,
      head: this.head,
      units: this.nOut[L] as number,
      stride: n,
      a: this.a[L] as Float64Array,
      z: this.z[L] as Float64Array,
    };
  }

  /** Mean loss over `n` examples of the last forward pass, against targets y [n × outputs]. */
  private lossOfLastForward(y: Float64Array, n: number): number {
    return meanLoss(this.outputLayer(n), y, n);
  }

  /** Mean loss over a batch, without gradients. */
  loss(x: Float64Array, y: Float64Array, n: number): number {
    this.forward(x, n);
    return this.lossOfLastForward(y, n);
  }

  /**
   * Forward pass, loss and backpropagation over a batch. Leaves the mean gradients in `grads` and
   * returns the mean loss.
   */
  gradients(x: Float64Array, y: Float64Array, n: number): number {
    this.forward(x, n);
    const loss = this.lossOfLastForward(y, n);
    const p = this.params;
    const g = this.grads;
    const L = this.acts.length - 1;
    this.outputDelta(y, n);
    for (let l = L; l >= 0; l--) {
      const nIn = this.nIn[l] as number;
      const nOut = this.nOut[l] as number;
      const wOff = this.wOff[l] as number;
      const bOff = this.bOff[l] as number;
      const dz = this.dz[l] as Float64Array;
      const prev = l === 0 ? this.xT : (this.a[l - 1] as Float64Array);
      // ∂L/∂W and ∂L/∂b: sums over the batch (dz already carries the 1/n of the mean).
      for (let j = 0; j < nOut; j++) {
        let gb = 0;
        for (let e = j * n, end = e + n; e < end; e++) gb += dz[e] as number;
        g[bOff + j] = gb;
      }
      dotRows(g, wOff, dz, prev, nIn, nOut, n);
      if (l === 0) break;
      // ∂L/∂a of the previous layer (Wᵀ·dz), then back through its activation into its dz.
      const prevDz = this.dz[l - 1] as Float64Array;
      axpyColumns(prevDz, dz, p, wOff, nIn, nOut, n);
      backActivate(
        this.acts[l - 1] as Act,
        this.z[l - 1] as Float64Array,
        this.a[l - 1] as Float64Array,
        prevDz,
        n * nIn,
        nIn,
        n,
      );
    }
    return loss;
  }

  /** dz of the output layer for the mean loss over n examples (feature-major). */
  private outputDelta(y: Float64Array, n: number): void {
    const out = this.outputLayer(n);
    const L = this.acts.length - 1;
    const dz = this.dz[L] as Float64Array;
    outputGradient(out, y, n, dz);
    if (this.head === "generic") {
      backActivate(
        this.acts[L] as Act,
        this.z[L] as Float64Array,
        out.a as Float64Array,
        dz,
        n * out.units,
        out.units,
        n,
      );
    }
  }
}

/*
 * The three products of a dense layer, on feature-major buffers ([rows × n]). Each inner loop
 * handles four rows at once: one pass over the batch does four multiply-adds per load/store of the
 * accumulator, which measured about 3× faster in V8 than one row at a time.
 */

/** out[o + e] += w0·src[s0 + e] + w1·src[s1 + e] + w2·src[s2 + e] + w3·src[s3 + e], for e < n. */
function madd4(
  out: Float64Array,
  o: number,
  src: Float64Array,
  s0: number,
  s1: number,
  s2: number,
  s3: number,
  w0: number,
  w1: number,
  w2: number,
  w3: number,
  n: number,
): void {
  for (let e = 0; e < n; e++) {
    out[o + e] =
      (out[o + e] as number) +
      w0 * (src[s0 + e] as number) +
      w1 * (src[s1 + e] as number) +
      w2 * (src[s2 + e] as number) +
      w3 * (src[s3 + e] as number);
  }
}

/** out[o + e] += w·src[s + e], for e < n. */
function madd1(
  out: Float64Array,
  o: number,
  src: Float64Array,
  s: number,
  w: number,
  n: number,
): void {
  for (let e = 0; e < n; e++) out[o + e] = (out[o + e] as number) + w * (src[s + e] as number);
}

/** z[j,:] += Σᵢ W[j,i]·x[i,:], with W at p[wOff + j·nIn + i] (z already holds the bias). */
function axpyRows(
  z: Float64Array,
  x: Float64Array,
  p: Float64Array,
  wOff: number,
  nIn: number,
  nOut: number,
  n: number,
): void {
  for (let j = 0; j < nOut; j++) {
    const row = j * n;
    const w = wOff + j * nIn;
    let i = 0;
    for (; i + 3 < nIn; i += 4) {
      const c = i * n;
      madd4(
        z,
        row,
        x,
        c,
        c + n,
        c + 2 * n,
        c + 3 * n,
        p[w + i] as number,
        p[w + i + 1] as number,
        p[w + i + 2] as number,
        p[w + i + 3] as number,
        n,
      );
    }
    for (; i < nIn; i++) madd1(z, row, x, i * n, p[w + i] as number, n);
  }
}

/** g[wOff + j·nIn + i] = Σₑ dz[j,e]·x[i,e]: the kernel gradient, summed over the batch. */
function dotRows(
  g: Float64Array,
  wOff: number,
  dz: Float64Array,
  x: Float64Array,
  nIn: number,
  nOut: number,
  n: number,
): void {
  for (let j = 0; j < nOut; j++) {
    const row = j * n;
    const w = wOff + j * nIn;
    let i = 0;
    for (; i + 3 < nIn; i += 4) {
      const c0 = i * n;
      const c1 = c0 + n;
      const c2 = c1 + n;
      const c3 = c2 + n;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let e = 0; e < n; e++) {
        const d = dz[row + e] as number;
        s0 += d * (x[c0 + e] as number);
        s1 += d * (x[c1 + e] as number);
        s2 += d * (x[c2 + e] as number);
        s3 += d * (x[c3 + e] as number);
      }
      g[w + i] = s0;
      g[w + i + 1] = s1;
      g[w + i + 2] = s2;
      g[w + i + 3] = s3;
    }
    for (; i < nIn; i++) {
      const c0 = i * n;
      let s0 = 0;
      for (let e = 0; e < n; e++) s0 += (dz[row + e] as number) * (x[c0 + e] as number);
      g[w + i] = s0;
    }
  }
}

/** da[i,:] = Σⱼ W[j,i]·dz[j,:]: the gradient flowing back to the previous layer's activations. */
function axpyColumns(
  da: Float64Array,
  dz: Float64Array,
  p: Float64Array,
  wOff: number,
  nIn: number,
  nOut: number,
  n: number,
): void {
  for (let i = 0; i < nIn; i++) {
    const col = i * n;
    da.fill(0, col, col + n);
    const w = wOff + i;
    let j = 0;
    for (; j + 3 < nOut; j += 4) {
      const r = j * n;
      madd4(
        da,
        col,
        dz,
        r,
        r + n,
        r + 2 * n,
        r + 3 * n,
        p[w + j * nIn] as number,
        p[w + (j + 1) * nIn] as number,
        p[w + (j + 2) * nIn] as number,
        p[w + (j + 3) * nIn] as number,
        n,
      );
    }
    for (; j < nOut; j++) madd1(da, col, dz, j * n, p[w + j * nIn] as number, n);
  }
}

/**
 * a = f(z) over `count` values. Values are feature-major ([width × n]); only softmax, which mixes
 * the `width` units of one example, needs the layout.
 */
function activate(
  act: Act,
  z: Float64Array,
  a: Float64Array,
  count: number,
  width: number,
  n: number,
): void {
  switch (act) {
    case Act.Linear:
      a.set(z.subarray(0, count));
      return;
    case Act.Relu:
      for (let k = 0; k < count; k++) {
        const v = z[k] as number;
        a[k] = v > 0 ? v : 0;
      }
      return;
    case Act.LeakyRelu:
      for (let k = 0; k < count; k++) {
        const v = z[k] as number;
        a[k] = v > 0 ? v : LEAKY_RELU_ALPHA * v;
      }
      return;
    case Act.Sigmoid:
      for (let k = 0; k < count; k++) a[k] = fastSigmoid(z[k] as number);
      return;
    case Act.Tanh:
      // Table-driven tanh (within 2e-13 of Math.tanh, about 4× faster): a small tanh network
      // spends half its forward pass here.
      for (let k = 0; k < count; k++) a[k] = fastTanh(z[k] as number);
      return;
    case Act.Softmax:
      for (let e = 0; e < n; e++) {
        let max = -Infinity;
        for (let j = 0; j < width; j++) max = Math.max(max, z[j * n + e] as number);
        let sum = 0;
        for (let j = 0; j < width; j++) {
          const ev = Math.exp((z[j * n + e] as number) - max);
          a[j * n + e] = ev;
          sum += ev;
        }
        for (let j = 0; j < width; j++) a[j * n + e] = (a[j * n + e] as number) / sum;
      }
      return;
  }
}

/** In place: d holds ∂L/∂a on entry and ∂L/∂z on return. */
function backActivate(
  act: Act,
  z: Float64Array,
  a: Float64Array,
  d: Float64Array,
  count: number,
  width: number,
  n: number,
): void {
  switch (act) {
    case Act.Linear:
      return;
    case Act.Relu:
      for (let k = 0; k < count; k++) if (!((z[k] as number) > 0)) d[k] = 0;
      return;
    case Act.LeakyRelu:
      for (let k = 0; k < count; k++)
        if (!((z[k] as number) > 0)) d[k] = (d[k] as number) * LEAKY_RELU_ALPHA;
      return;
    case Act.Sigmoid:
      for (let k = 0; k < count; k++) {
        const s = a[k] as number;
        d[k] = (d[k] as number) * s * (1 - s);
      }
      return;
    case Act.Tanh:
      for (let k = 0; k < count; k++) {
        const t = a[k] as number;
        d[k] = (d[k] as number) * (1 - t * t);
      }
      return;
    case Act.Softmax:
      for (let e = 0; e < n; e++) {
        let dot = 0;
        for (let j = 0; j < width; j++) dot += (a[j * n + e] as number) * (d[j * n + e] as number);
        for (let j = 0; j < width; j++) {
          const k = j * n + e;
          d[k] = (a[k] as number) * ((d[k] as number) - dot);
        }
      }
      return;
  }
}
