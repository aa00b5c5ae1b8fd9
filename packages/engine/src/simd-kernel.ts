import { headOf, meanLoss, outputGradient, type Head, type OutputLayer } from "./kernel-heads.ts";
import type { TrainingKernel } from "./mlp-kernel.ts";
import {
  layerInputSizes,
  parseNetworkSpec,
  type LayerActivation,
  type NetworkSpec,
  type NetworkWeights,
} from "./network-spec.ts";
import { KERNEL_WASM_BASE64 } from "./wasm/kernel.generated.ts";

/**
 * The small-network training step in float32 WebAssembly SIMD (assembly/kernel.ts): the same
 * feature-major products as the float64 kernel, four examples per instruction, with tanh and
 * sigmoid computed four lanes at a time. The master weights stay float64 in `params` (the
 * optimizer updates them there, exactly as for the float64 kernel); each step copies them into
 * the module as float32 and copies the float32 gradients back: a few hundred numbers, next to
 * tens of thousands of multiply-adds. Results agree with the float64 kernel to float32 precision.
 */

interface KernelExports {
  memory: WebAssembly.Memory;
  heapBase(): number;
  denseForward(
    act: number,
    x: number,
    w: number,
    b: number,
    z: number,
    a: number,
    nIn: number,
    nOut: number,
    n: number,
  ): void;
  denseGradients(
    dz: number,
    x: number,
    gw: number,
    gb: number,
    nIn: number,
    nOut: number,
    n: number,
  ): void;
  denseBackward(
    act: number,
    dz: number,
    w: number,
    dPrev: number,
    zPrev: number,
    aPrev: number,
    nIn: number,
    nOut: number,
    n: number,
  ): void;
  activationBackward(act: number, z: number, a: number, d: number, count: number): void;
  softmaxBackward(a: number, d: number, width: number, n: number): void;
}

/** Activation codes of assembly/kernel.ts. */
const CODE: Record<LayerActivation, number> = {
  linear: 0,
  relu: 1,
  leakyRelu: 2,
  sigmoid: 3,
  tanh: 4,
  softmax: 5,
};
const SOFTMAX = CODE.softmax;

let compiled: WebAssembly.Module | null | undefined;

/** The compiled module, or null where WebAssembly or its SIMD instructions are missing. */
function kernelModule(): WebAssembly.Module | null {
  if (compiled !== undefined) return compiled;
  try {
    const bytes = Uint8Array.from(atob(KERNEL_WASM_BASE64), (c) => c.charCodeAt(0));
    compiled = WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
  } catch {
    compiled = null;
  }
  return compiled;
}

/** Whether this runtime can run the SIMD kernel (WebAssembly with 128-bit SIMD). */
export function simdKernelSupported(): boolean {
  return typeof WebAssembly === "object" && kernelModule() !== null;
}

const PAGE = 65_536;
const align16 = (bytes: number) => Math.ceil(bytes / 16) * 16;

export class SimdKernel implements TrainingKernel {
  readonly spec: NetworkSpec;
  readonly params: Float64Array;
  readonly grads: Float64Array;
  readonly kernelMask: Uint8Array;

  private readonly wasm: KernelExports;
  private readonly nIn: number[];
  private readonly nOut: number[];
  private readonly acts: number[];
  private readonly head: Head;
  /** Byte offsets: per layer its kernel [units × inputs] then its bias, same order as params. */
  private readonly wPtr: number[] = [];
  private readonly bPtr: number[] = [];
  private readonly paramsPtr: number;
  private readonly gradsPtr: number;
  private readonly buffersPtr: number;
  /** Examples the buffers hold (a multiple of 4). */
  private capacity = 0;
  private xPtr = 0;
  private zPtr: number[] = [];
  private aPtr: number[] = [];
  private dzPtr: number[] = [];
  private outRows = new Float64Array(0);

  constructor(spec: NetworkSpec, weights?: NetworkWeights) {
    const module = kernelModule();
    if (!module) throw new Error("This runtime has no WebAssembly SIMD.");
    this.wasm = new WebAssembly.Instance(module, {}).exports as unknown as KernelExports;
    this.spec = parseNetworkSpec(spec);
    this.nIn = layerInputSizes(this.spec);
    this.nOut = this.spec.layers.map((l) => l.units);
    this.acts = this.spec.layers.map((l) => CODE[l.activation]);
    this.head = headOf(this.spec);

    let count = 0;
    this.paramsPtr = align16(this.wasm.heapBase());
    const kernelMaskRanges: [number, number][] = [];
    this.nOut.forEach((units, l) => {
      const nIn = this.nIn[l] as number;
      this.wPtr.push(this.paramsPtr + count * 4);
      kernelMaskRanges.push([count, count + units * nIn]);
      count += units * nIn;
      this.bPtr.push(this.paramsPtr + count * 4);
      count += units;
    });
    this.params = new Float64Array(count);
    this.grads = new Float64Array(count);
    this.kernelMask = new Uint8Array(count);
    for (const [from, to] of kernelMaskRanges) this.kernelMask.fill(1, from, to);
    this.gradsPtr = this.paramsPtr + align16(count * 4);
    this.buffersPtr = this.gradsPtr + align16(count * 4);
    this.reserve(this.buffersPtr);
    if (weights) this.setWeights(weights);
  }

  get outputSize(): number {
    return this.nOut[this.nOut.length - 1] as number;
  }

  /** Grows the module's memory to at least `bytes`. */
  private reserve(bytes: number): void {
    const { memory } = this.wasm;
    const missing = bytes - memory.buffer.byteLength;
    if (missing > 0) memory.grow(Math.ceil(missing / PAGE));
  }

  private f32(ptr: number, length: number): Float32Array {
    return new Float32Array(this.wasm.memory.buffer, ptr, length);
  }

  setWeights(weights: NetworkWeights): void {
    this.nOut.forEach((nOut, l) => {
      const w = weights[l];
      const nIn = this.nIn[l] as number;
      if (w?.kernel.length !== nIn * nOut || w.bias.length !== nOut) {
        throw new RangeError(`Layer ${l} weights do not match its shape.`);
      }
      const base = ((this.wPtr[l] as number) - this.paramsPtr) / 4;
      for (let i = 0; i < nIn; i++) {
        for (let j = 0; j < nOut; j++)
          this.params[base + j * nIn + i] = w.kernel[i * nOut + j] as number;
      }
      this.params.set(w.bias, ((this.bPtr[l] as number) - this.paramsPtr) / 4);
    });
  }

  getWeights(): NetworkWeights {
    return this.nOut.map((nOut, l) => {
      const nIn = this.nIn[l] as number;
      const base = ((this.wPtr[l] as number) - this.paramsPtr) / 4;
      const kernel = new Float64Array(nIn * nOut);
      for (let i = 0; i < nIn; i++) {
        for (let j = 0; j < nOut; j++)
          kernel[i * nOut + j] = this.params[base + j * nIn + i] as number;
      }
      const b = ((this.bPtr[l] as number) - this.paramsPtr) / 4;
      return { kernel, bias: this.params.slice(b, b + nOut) };
    });
  }

  /** Lays out x, z, a and dz for `n` examples, rounded up to whole vectors. */
  private ensureCapacity(n: number): number {
    const stride = Math.max(4, Math.ceil(n / 4) * 4);
    if (stride <= this.capacity) return this.capacity;
    let ptr = this.buffersPtr;
    const take = (values: number) => {
      const at = ptr;
      ptr += align16(values * 4);
      return at;
    };
    this.xPtr = take((this.nIn[0] as number) * stride);
    this.zPtr = this.nOut.map((units) => take(units * stride));
    this.aPtr = this.nOut.map((units) => take(units * stride));
    this.dzPtr = this.nOut.map((units) => take(units * stride));
    this.reserve(ptr);
    // Fresh memory is zero, so padding columns start out as 0 (finite) everywhere.
    this.capacity = stride;
    this.outRows = new Float64Array(stride * this.outputSize);
    return stride;
  }

  /** Runs the forward pass over n examples; returns the row stride used. */
  private run(x: Float64Array, n: number): number {
    const stride = this.ensureCapacity(n);
    this.f32(this.paramsPtr, this.params.length).set(this.params);
    const nIn0 = this.nIn[0] as number;
    const xT = this.f32(this.xPtr, nIn0 * stride);
    for (let i = 0; i < nIn0; i++) {
      const row = i * stride;
      for (let e = 0; e < n; e++) xT[row + e] = x[e * nIn0 + i] as number;
      xT.fill(0, row + n, row + stride);
    }
    let prev = this.xPtr;
    for (let l = 0; l < this.nOut.length; l++) {
      this.wasm.denseForward(
        this.acts[l] as number,
        prev,
        this.wPtr[l] as number,
        this.bPtr[l] as number,
        this.zPtr[l] as number,
        this.aPtr[l] as number,
        this.nIn[l] as number,
        this.nOut[l] as number,
        stride,
      );
      prev = this.aPtr[l] as number;
    }
    return stride;
  }

  private outputLayer(stride: number): OutputLayer {
    const L = this.nOut.length - 1;
    const units = this.nOut[L] as number;
    return {
      loss: this.spec.loss,
      head: this.head,
      units,
      stride,
      a: this.f32(this.aPtr[L] as number, units * stride),
      z: this.f32(this.zPtr[L] as number, units * stride),
    };
  }

  forward(x: Float64Array, n: number): Float64Array {
    const stride = this.run(x, n);
    const { units, a } = this.outputLayer(stride);
    const rows = this.outRows;
    for (let j = 0; j < units; j++) {
      for (let e = 0; e < n; e++) rows[e * units + j] = a[j * stride + e] as number;
    }
    return rows.subarray(0, n * units);
  }

  layerActivations(l: number, n: number): Float64Array {
    const units = this.nOut[l];
    if (units === undefined) throw new RangeError(`There is no layer ${l}.`);
    if (n > this.capacity)
      throw new RangeError(`Only ${this.capacity} examples were passed forward.`);
    const a = this.f32(this.aPtr[l] as number, units * this.capacity);
    const out = new Float64Array(units * n);
    for (let j = 0; j < units; j++) {
      out.set(a.subarray(j * this.capacity, j * this.capacity + n), j * n);
    }
    return out;
  }

  loss(x: Float64Array, y: Float64Array, n: number): number {
    const stride = this.run(x, n);
    return meanLoss(this.outputLayer(stride), y, n);
  }

  gradients(x: Float64Array, y: Float64Array, n: number): number {
    const stride = this.run(x, n);
    const out = this.outputLayer(stride);
    const loss = meanLoss(out, y, n);
    const L = this.nOut.length - 1;
    const dz = this.f32(this.dzPtr[L] as number, out.units * stride);
    outputGradient(out, y, n, dz);
    // Padding examples carry no gradient.
    for (let j = 0; j < out.units; j++) dz.fill(0, j * stride + n, j * stride + stride);
    const { wasm } = this;
    if (this.head === "generic") {
      const act = this.acts[L] as number;
      if (act === SOFTMAX)
        wasm.softmaxBackward(this.aPtr[L] as number, this.dzPtr[L] as number, out.units, stride);
      else
        wasm.activationBackward(
          act,
          this.zPtr[L] as number,
          this.aPtr[L] as number,
          this.dzPtr[L] as number,
          out.units * stride,
        );
    }
    for (let l = L; l >= 0; l--) {
      const nIn = this.nIn[l] as number;
      const nOut = this.nOut[l] as number;
      const input = l === 0 ? this.xPtr : (this.aPtr[l - 1] as number);
      const gw = this.gradsPtr + ((this.wPtr[l] as number) - this.paramsPtr);
      const gb = this.gradsPtr + ((this.bPtr[l] as number) - this.paramsPtr);
      wasm.denseGradients(this.dzPtr[l] as number, input, gw, gb, nIn, nOut, stride);
      if (l === 0) break;
      wasm.denseBackward(
        this.acts[l - 1] as number,
        this.dzPtr[l] as number,
        this.wPtr[l] as number,
        this.dzPtr[l - 1] as number,
        this.zPtr[l - 1] as number,
        this.aPtr[l - 1] as number,
        nIn,
        nOut,
        stride,
      );
    }
    this.grads.set(this.f32(this.gradsPtr, this.grads.length));
    return loss;
  }
}
