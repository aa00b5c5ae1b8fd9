import { FALLBACK_ORDER, type TensorBackend } from "./backends.ts";
import { layerInputSizes, type NetworkSpec } from "./network-spec.ts";

/**
 * Which engine trains a network: a fused kernel — "simd" (float32 WebAssembly SIMD) or "js"
 * (float64 typed-array JavaScript, where WebAssembly SIMD is missing) — or a TensorFlow.js
 * backend. A GPU pays a fixed cost per dispatched op (tens of microseconds, several ops per layer
 * per step), so for the small networks of most lessons a fused kernel wins; past a few million
 * multiply-adds per step a real GPU's throughput takes over. A "GPU" that is software on the CPU
 * (SwiftShader, llvmpipe: what a browser offers without a graphics driver) never wins, so the
 * automatic choice treats it as absent. The thresholds come from the engine benchmark
 * (packages/engine/BENCHMARKS.md) and are deliberately conservative.
 */

export type KernelEngine = "simd" | "js";
export type EngineName = KernelEngine | TensorBackend;

export interface EngineChoice {
  engine: EngineName;
  /** One sentence a developer panel (or a curious learner) can show. */
  reason: string;
}

/** Multiply-adds per training step (forward and both backward products) at or above which a GPU backend is used. */
export const GPU_MIN_WORKLOAD = 5_000_000;
/**
 * …and at or above which TensorFlow.js's wasm backend is preferred to the float64 kernel when
 * there is no GPU backend and no WebAssembly SIMD kernel (which beats the wasm backend at every
 * size measured: 3.5× on the MNIST MLP in BENCHMARKS.md).
 */
export const WASM_MIN_WORKLOAD = 50_000_000;

/** Multiply-adds of one training step: three products (forward, ∂W, ∂a) per layer per example. */
export function stepWorkload(spec: NetworkSpec, batchSize: number): number {
  const sizes = layerInputSizes(spec);
  const perExample = spec.layers.reduce((sum, layer, l) => sum + (sizes[l] ?? 0) * layer.units, 0);
  return 3 * perExample * batchSize;
}

export interface SelectOptions {
  spec: NetworkSpec;
  /** Examples per step (already capped at the training set's size). */
  batchSize: number;
  /** Backends that can run here (see `candidateBackends`). */
  available: readonly TensorBackend[];
  /** Whether the WebAssembly SIMD kernel runs here (see `simdKernelSupported`). */
  simd?: boolean;
  /** GPU backends of `available` that run in software on the CPU (see `softwareGpuBackends`). */
  softwareGpus?: readonly TensorBackend[];
  /** An explicit choice, honoured when it can run here. */
  override?: EngineName | "auto";
}

const shape = (spec: NetworkSpec) => [spec.inputs, ...spec.layers.map((l) => l.units)].join("-");

export function selectEngine({
  spec,
  batchSize,
  available,
  simd = false,
  softwareGpus = [],
  override = "auto",
}: SelectOptions): EngineChoice {
  const work = stepWorkload(spec, batchSize);
  const size = `${shape(spec)} network, ${batchSize} examples per step (${work.toLocaleString("en")} multiply-adds)`;
  if (override !== "auto") {
    if (override === "js" || (override === "simd" ? simd : available.includes(override))) {
      return { engine: override, reason: `Chosen explicitly for a ${size}.` };
    }
    const fallback = selectEngine({ spec, batchSize, available, simd, softwareGpus });
    return {
      engine: fallback.engine,
      reason: `${override} was asked for but cannot run here; ${fallback.reason.charAt(0).toLowerCase()}${fallback.reason.slice(1)}`,
    };
  }
  const isGpu = (b: TensorBackend) => b === "webgpu" || b === "webgl";
  const gpu = FALLBACK_ORDER.find(
    (b) => isGpu(b) && available.includes(b) && !softwareGpus.includes(b),
  );
  const software = available.filter((b) => isGpu(b) && softwareGpus.includes(b));
  if (gpu && work >= GPU_MIN_WORKLOAD) {
    return {
      engine: gpu,
      reason: `${gpu} for a ${size}: enough work per step to pay for GPU dispatch.`,
    };
  }
  const noGpu =
    software.length > 0
      ? `the only GPU backend${software.length > 1 ? "s" : ""} (${software.join(", ")}) run${software.length > 1 ? "" : "s"} in software on the CPU`
      : "no GPU backend is available";
  if (!simd && available.includes("wasm") && work >= WASM_MIN_WORKLOAD) {
    return { engine: "wasm", reason: `wasm for a ${size}: large, and ${noGpu}.` };
  }
  const kernel = simd
    ? "Fused WebAssembly SIMD kernel (float32)"
    : "Fused JavaScript kernel (float64; this runtime has no WebAssembly SIMD)";
  return {
    engine: simd ? "simd" : "js",
    reason: `${kernel} for a ${size}: ${gpu ? `below the ${GPU_MIN_WORKLOAD.toLocaleString("en")} where ${gpu} starts to win` : noGpu}.`,
  };
}
