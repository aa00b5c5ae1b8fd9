import { FALLBACK_ORDER, type TensorBackend } from "./backends.ts";
import { layerInputSizes, type NetworkSpec } from "./network-spec.ts";

/**
 * Which engine trains a network: the fused typed-array kernel ("js") or a TensorFlow.js backend.
 * A GPU pays a fixed cost per dispatched op (tens of microseconds, several ops per layer per
 * step), so for the small networks of most lessons the kernel wins; past a few million
 * multiply-adds per step the GPU's throughput takes over. The thresholds come from the engine
 * benchmark (packages/engine/BENCHMARKS.md) and are deliberately conservative.
 */

export type EngineName = "js" | TensorBackend;

export interface EngineChoice {
  engine: EngineName;
  /** One sentence a developer panel (or a curious learner) can show. */
  reason: string;
}

/** Multiply-adds per training step (forward and both backward products) at or above which a GPU backend is used. */
export const GPU_MIN_WORKLOAD = 5_000_000;
/** …and at or above which WASM (SIMD) is preferred to the kernel when there is no GPU backend. */
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
  /** An explicit choice, honoured when it can run here. */
  override?: EngineName | "auto";
}

const shape = (spec: NetworkSpec) => [spec.inputs, ...spec.layers.map((l) => l.units)].join("-");

export function selectEngine({
  spec,
  batchSize,
  available,
  override = "auto",
}: SelectOptions): EngineChoice {
  const work = stepWorkload(spec, batchSize);
  const size = `${shape(spec)} network, ${batchSize} examples per step (${work.toLocaleString("en")} multiply-adds)`;
  if (override !== "auto") {
    if (override === "js" || available.includes(override)) {
      return { engine: override, reason: `Chosen explicitly for a ${size}.` };
    }
    const fallback = selectEngine({ spec, batchSize, available });
    return {
      engine: fallback.engine,
      reason: `${override} was asked for but cannot run here; ${fallback.reason.charAt(0).toLowerCase()}${fallback.reason.slice(1)}`,
    };
  }
  const gpu = FALLBACK_ORDER.find(
    (b) => (b === "webgpu" || b === "webgl") && available.includes(b),
  );
  if (gpu && work >= GPU_MIN_WORKLOAD) {
    return {
      engine: gpu,
      reason: `${gpu} for a ${size}: enough work per step to pay for GPU dispatch.`,
    };
  }
  if (available.includes("wasm") && work >= WASM_MIN_WORKLOAD) {
    return {
      engine: "wasm",
      reason: `wasm for a ${size}: large, and no GPU backend is available.`,
    };
  }
  return {
    engine: "js",
    reason: `Fused JavaScript kernel for a ${size}: ${gpu ? `below the ${GPU_MIN_WORKLOAD.toLocaleString("en")} where ${gpu} starts to win` : "no GPU backend is available"}.`,
  };
}
