/**
 * The dense-layer products and activations of the small-network training step, in float32 with
 * WebAssembly SIMD (four examples per instruction). AssemblyScript, compiled by
 * `pnpm --filter @neuronlab/engine build:wasm` into src/wasm/kernel.generated.ts.
 *
 * Memory is laid out by the caller (src/simd-kernel.ts) from `heapBase()` on; every pointer is a
 * byte offset of a float32 array. Values are feature-major, [units × n]: unit j's value for
 * example e sits at j·n + e, and n is a multiple of 4, so each row is a run of whole vectors.
 * Kernels are [units × inputs] (row j holds unit j's weights).
 */

// Activation codes, shared with src/simd-kernel.ts.
const LINEAR = 0;
const RELU = 1;
const LEAKY_RELU = 2;
const SIGMOID = 3;
const TANH = 4;
const SOFTMAX = 5;

const LEAKY_ALPHA: f32 = 0.01;

export function heapBase(): usize {
  return __heap_base;
}

// e^x − 1 for four lanes: x = k·ln2 + r with |r| ≤ ln2/2, e^r − 1 by its Taylor series to r⁶
// (truncation error below 1.2e-7 relative, about one float32 rounding), then scaled by 2^k built
// in the exponent bits. Min/max use pmin/pmax (one instruction each; NaN still propagates).
const LOG2E: f32 = 1.4426950408889634;
// ln 2 split in two so that k·LN2_HI is exact for the k that occur here.
const LN2_HI: f32 = 0.693359375;
const LN2_LO: f32 = -2.12194440e-4;
const ROUNDER: f32 = 12582912.0; // 1.5 · 2²³

/**
 * The constants of e^x − 1, one per float in static memory. The loops below load them into
 * locals once, before their first iteration: written as inline constants, V8 would rebuild each
 * one in a register at every use, inside the loop.
 */
const EXP_CONSTANTS = memory.data<f32>([
  LOG2E,
  ROUNDER,
  LN2_HI,
  LN2_LO,
  <f32>(1.0 / 720.0),
  <f32>(1.0 / 120.0),
  <f32>(1.0 / 24.0),
  <f32>(1.0 / 6.0),
  0.5,
  1.0,
  2.0,
  9.0,
  87.0,
  -87.0,
]);

/** ROUNDER's bits less the exponent bias: subtracted from a rounded value's bits, gives k + 127. */
const EXP_BIAS_BITS = memory.data<i32>([0x4b400000 - 127]);

/** e^x − 1 for |x| ≤ 87, accurate in relative terms near 0 too (which tanh needs). */
@inline
function expm1c(
  x: v128,
  log2e: v128,
  rounder: v128,
  ln2Hi: v128,
  ln2Lo: v128,
  c6: v128,
  c5: v128,
  c4: v128,
  c3: v128,
  half: v128,
  one: v128,
  biasBits: v128,
): v128 {
  // k = round(x / ln 2) by the 1.5·2²³ trick: adding it leaves k in the low mantissa bits, both
  // as a float (after subtracting it again) and as an integer (after subtracting its bits).
  const shifted = f32x4.add(f32x4.mul(x, log2e), rounder);
  const k = f32x4.sub(shifted, rounder);
  const r = f32x4.sub(f32x4.sub(x, f32x4.mul(k, ln2Hi)), f32x4.mul(k, ln2Lo));
  // e^r − 1 = r + r²/2! + … + r⁶/6!, by Horner.
  let p = f32x4.add(f32x4.mul(c6, r), c5);
  p = f32x4.add(f32x4.mul(p, r), c4);
  p = f32x4.add(f32x4.mul(p, r), c3);
  p = f32x4.add(f32x4.mul(p, r), half);
  p = f32x4.add(f32x4.mul(p, r), one);
  p = f32x4.mul(p, r);
  // 2^k: the biased exponent k + 127 shifted into place.
  const twoK = i32x4.shl(i32x4.sub(shifted, biasBits), 23);
  // e^x − 1 = 2^k·(e^r − 1) + (2^k − 1); for k = 0 this is exactly p.
  return f32x4.add(f32x4.mul(twoK, p), f32x4.sub(twoK, one));
}

/** a = tanh(z) or sigmoid(z) for `bytes` bytes of float32s, four lanes at a time. */
function expActivate(act: i32, z: usize, a: usize, bytes: usize): void {
  const log2e = v128.load32_splat(EXP_CONSTANTS, 0);
  const rounder = v128.load32_splat(EXP_CONSTANTS, 4);
  const ln2Hi = v128.load32_splat(EXP_CONSTANTS, 8);
  const ln2Lo = v128.load32_splat(EXP_CONSTANTS, 12);
  const c6 = v128.load32_splat(EXP_CONSTANTS, 16);
  const c5 = v128.load32_splat(EXP_CONSTANTS, 20);
  const c4 = v128.load32_splat(EXP_CONSTANTS, 24);
  const c3 = v128.load32_splat(EXP_CONSTANTS, 28);
  const half = v128.load32_splat(EXP_CONSTANTS, 32);
  const one = v128.load32_splat(EXP_CONSTANTS, 36);
  const two = v128.load32_splat(EXP_CONSTANTS, 40);
  const nine = v128.load32_splat(EXP_CONSTANTS, 44);
  const hi = v128.load32_splat(EXP_CONSTANTS, 48);
  const lo = v128.load32_splat(EXP_CONSTANTS, 52);
  const biasBits = v128.load32_splat(EXP_BIAS_BITS);
  if (act == TANH) {
    for (let k: usize = 0; k < bytes; k += 16) {
      const x = v128.load(z + k);
      // tanh|x| = (e^{2|x|} − 1) / (e^{2|x|} + 1); past |x| = 9 it is 1 in float32.
      const ax = f32x4.pmin(f32x4.abs(x), nine);
      const m = expm1c(f32x4.add(ax, ax), log2e, rounder, ln2Hi, ln2Lo, c6, c5, c4, c3, half, one, biasBits);
      const t = f32x4.div(m, f32x4.add(m, two));
      // Put x's sign back on (t ≥ 0): its sign bit is the only bit |x| and x differ in.
      v128.store(a + k, v128.or(t, v128.xor(x, f32x4.abs(x))));
    }
  } else {
    for (let k: usize = 0; k < bytes; k += 16) {
      // 1 / (1 + e^{−x}) = 1 / (2 + (e^{−x} − 1)), with −x kept where e^{−x} fits a float32.
      const x = f32x4.pmin(f32x4.pmax(f32x4.neg(v128.load(z + k)), lo), hi);
      const m = expm1c(x, log2e, rounder, ln2Hi, ln2Lo, c6, c5, c4, c3, half, one, biasBits);
      v128.store(a + k, f32x4.div(one, f32x4.add(m, two)));
    }
  }
}

/** a = f(z) for `count` values (a multiple of 4) of a non-softmax layer, one loop per kind. */
function activate(act: i32, z: usize, a: usize, count: i32): void {
  const bytes = (<usize>count) << 2;
  const zero = f32x4.splat(0.0);
  switch (act) {
    case TANH:
    case SIGMOID:
      expActivate(act, z, a, bytes);
      break;
    case RELU:
      for (let k: usize = 0; k < bytes; k += 16) v128.store(a + k, f32x4.pmax(v128.load(z + k), zero));
      break;
    case LEAKY_RELU:
      for (let k: usize = 0; k < bytes; k += 16) {
        const v = v128.load(z + k);
        v128.store(a + k, v128.bitselect(v, f32x4.mul(v, f32x4.splat(LEAKY_ALPHA)), f32x4.gt(v, zero)));
      }
      break;
    default:
      memory.copy(a, z, bytes);
  }
}

/** Multiplies ∂L/∂a (d) by f′ at z (where f(z) = a), giving ∂L/∂z. Not softmax. */
@inline
function derivativev(act: i32, d: v128, z: v128, a: v128): v128 {
  const one = f32x4.splat(1.0);
  if (act == TANH) return f32x4.mul(d, f32x4.sub(one, f32x4.mul(a, a)));
  if (act == SIGMOID) return f32x4.mul(d, f32x4.mul(a, f32x4.sub(one, a)));
  if (act == RELU) return v128.and(d, f32x4.gt(z, f32x4.splat(0.0)));
  if (act == LEAKY_RELU) {
    return v128.bitselect(d, f32x4.mul(d, f32x4.splat(LEAKY_ALPHA)), f32x4.gt(z, f32x4.splat(0.0)));
  }
  return d;
}

/** Softmax over the `width` units of each example, a from z (scalar: only output layers use it). */
function softmaxColumns(z: usize, a: usize, width: i32, n: i32): void {
  for (let e = 0; e < n; e++) {
    let max = -Infinity as f32;
    for (let j = 0; j < width; j++) max = Mathf.max(max, load<f32>(z + ((<usize>(j * n + e)) << 2)));
    let sum: f32 = 0;
    for (let j = 0; j < width; j++) {
      const k = (<usize>(j * n + e)) << 2;
      const v = Mathf.exp(load<f32>(z + k) - max);
      store<f32>(a + k, v);
      sum += v;
    }
    const inv: f32 = 1 / sum;
    for (let j = 0; j < width; j++) {
      const k = (<usize>(j * n + e)) << 2;
      store<f32>(a + k, load<f32>(a + k) * inv);
    }
  }
}

/**
 * One dense layer forward: z[j,:] = b[j] + Σᵢ w[j,i]·x[i,:], a = f(z). Each group of four
 * examples keeps its sum in a register over all inputs, so z is written once.
 */
export function denseForward(
  act: i32,
  x: usize,
  w: usize,
  b: usize,
  z: usize,
  a: usize,
  nIn: i32,
  nOut: i32,
  n: i32,
): void {
  const rowBytes = (<usize>n) << 2;
  for (let j = 0; j < nOut; j++) {
    const wj = w + ((<usize>(j * nIn)) << 2);
    const bias = v128.load32_splat(b + ((<usize>j) << 2));
    const zj = z + (<usize>j) * rowBytes;
    for (let e: usize = 0; e < rowBytes; e += 16) {
      let acc = bias;
      let xi = x + e;
      for (let i = 0; i < nIn; i++) {
        acc = f32x4.add(acc, f32x4.mul(v128.load32_splat(wj + ((<usize>i) << 2)), v128.load(xi)));
        xi += rowBytes;
      }
      v128.store(zj + e, acc);
    }
  }
  if (act == SOFTMAX) softmaxColumns(z, a, nOut, n);
  else activate(act, z, a, nOut * n);
}

/**
 * The layer's gradients from its ∂L/∂z (dz, [nOut × n]) and its input x ([nIn × n]):
 * gb[j] = Σₑ dz[j,e] and gw[j,i] = Σₑ dz[j,e]·x[i,e], four inputs per pass over the batch.
 */
export function denseGradients(
  dz: usize,
  x: usize,
  gw: usize,
  gb: usize,
  nIn: i32,
  nOut: i32,
  n: i32,
): void {
  const rowBytes = (<usize>n) << 2;
  for (let j = 0; j < nOut; j++) {
    const dj = dz + (<usize>j) * rowBytes;
    const gj = gw + ((<usize>(j * nIn)) << 2);
    let sb = f32x4.splat(0);
    for (let e: usize = 0; e < rowBytes; e += 16) sb = f32x4.add(sb, v128.load(dj + e));
    store<f32>(gb + ((<usize>j) << 2), horizontalSum(sb));
    let i = 0;
    for (; i + 3 < nIn; i += 4) {
      const x0 = x + (<usize>i) * rowBytes;
      const x1 = x0 + rowBytes;
      const x2 = x1 + rowBytes;
      const x3 = x2 + rowBytes;
      let s0 = f32x4.splat(0);
      let s1 = f32x4.splat(0);
      let s2 = f32x4.splat(0);
      let s3 = f32x4.splat(0);
      for (let e: usize = 0; e < rowBytes; e += 16) {
        const d = v128.load(dj + e);
        s0 = f32x4.add(s0, f32x4.mul(d, v128.load(x0 + e)));
        s1 = f32x4.add(s1, f32x4.mul(d, v128.load(x1 + e)));
        s2 = f32x4.add(s2, f32x4.mul(d, v128.load(x2 + e)));
        s3 = f32x4.add(s3, f32x4.mul(d, v128.load(x3 + e)));
      }
      const g = gj + ((<usize>i) << 2);
      store<f32>(g, horizontalSum(s0));
      store<f32>(g, horizontalSum(s1), 4);
      store<f32>(g, horizontalSum(s2), 8);
      store<f32>(g, horizontalSum(s3), 12);
    }
    for (; i < nIn; i++) {
      const x0 = x + (<usize>i) * rowBytes;
      let s0 = f32x4.splat(0);
      for (let e: usize = 0; e < rowBytes; e += 16) {
        s0 = f32x4.add(s0, f32x4.mul(v128.load(dj + e), v128.load(x0 + e)));
      }
      store<f32>(gj + ((<usize>i) << 2), horizontalSum(s0));
    }
  }
}

@inline
function horizontalSum(v: v128): f32 {
  return (
    f32x4.extract_lane(v, 0) +
    f32x4.extract_lane(v, 1) +
    (f32x4.extract_lane(v, 2) + f32x4.extract_lane(v, 3))
  );
}

/**
 * ∂L/∂z of the previous layer: da[i,:] = Σⱼ w[j,i]·dz[j,:], then times that layer's f′ (act,
 * zPrev, aPrev). Hidden layers are never softmax (the network spec only allows it at the output).
 */
export function denseBackward(
  act: i32,
  dz: usize,
  w: usize,
  dPrev: usize,
  zPrev: usize,
  aPrev: usize,
  nIn: i32,
  nOut: i32,
  n: i32,
): void {
  const rowBytes = (<usize>n) << 2;
  const stride = (<usize>nIn) << 2;
  for (let i = 0; i < nIn; i++) {
    const wi = w + ((<usize>i) << 2);
    const row = (<usize>i) * rowBytes;
    for (let e: usize = 0; e < rowBytes; e += 16) {
      let acc = f32x4.splat(0);
      let dj = dz + e;
      let wji = wi;
      for (let j = 0; j < nOut; j++) {
        acc = f32x4.add(acc, f32x4.mul(v128.load32_splat(wji), v128.load(dj)));
        dj += rowBytes;
        wji += stride;
      }
      const k = row + e;
      v128.store(dPrev + k, derivativev(act, acc, v128.load(zPrev + k), v128.load(aPrev + k)));
    }
  }
}

/** In place, d from ∂L/∂a to ∂L/∂z for `count` values (a multiple of 4) of a non-softmax layer. */
export function activationBackward(act: i32, z: usize, a: usize, d: usize, count: i32): void {
  if (act == SOFTMAX) return;
  const bytes = (<usize>count) << 2;
  for (let k: usize = 0; k < bytes; k += 16) {
    v128.store(d + k, derivativev(act, v128.load(d + k), v128.load(z + k), v128.load(a + k)));
  }
}

/** In place, d from ∂L/∂a to ∂L/∂z through a softmax over `width` units per example. */
export function softmaxBackward(a: usize, d: usize, width: i32, n: i32): void {
  for (let e = 0; e < n; e++) {
    let dot: f32 = 0;
    for (let j = 0; j < width; j++) {
      const k = (<usize>(j * n + e)) << 2;
      dot += load<f32>(a + k) * load<f32>(d + k);
    }
    for (let j = 0; j < width; j++) {
      const k = (<usize>(j * n + e)) << 2;
      store<f32>(d + k, load<f32>(a + k) * (load<f32>(d + k) - dot));
    }
  }
}
