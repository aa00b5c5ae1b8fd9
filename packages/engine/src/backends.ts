import * as tf from "@tensorflow/tfjs-core";

/**
 * TensorFlow.js backends: which exist where, how to start one, and the order to fall back in.
 * Backend packages are imported only when asked for, so a page that never trains a big network
 * never downloads WebGPU or WebGL code.
 */

export type TensorBackend = "webgpu" | "webgl" | "wasm" | "cpu";

/** Fastest first, for workloads big enough to pay for a GPU's dispatch cost. */
export const FALLBACK_ORDER: readonly TensorBackend[] = ["webgpu", "webgl", "wasm", "cpu"];

export interface BackendOptions {
  /**
   * Where tfjs-backend-wasm finds its .wasm files: a URL prefix in a browser, a directory path in
   * Node (ending in "/"), or one URL per file. Without it the wasm backend is not offered.
   */
  wasmPaths?:
    | string
    | Partial<
        Record<
          | "tfjs-backend-wasm.wasm"
          | "tfjs-backend-wasm-simd.wasm"
          | "tfjs-backend-wasm-threaded-simd.wasm",
          string
        >
      >;
}

interface Environment {
  hasWebGpu: boolean;
  hasWebGl: boolean;
}

function environment(): Environment {
  const g = globalThis as {
    navigator?: { gpu?: unknown };
    OffscreenCanvas?: unknown;
    document?: unknown;
  };
  return {
    hasWebGpu: typeof g.navigator?.gpu === "object" && g.navigator.gpu !== null,
    hasWebGl: typeof g.OffscreenCanvas === "function" || typeof g.document === "object",
  };
}

/** Backends this runtime could have, before trying them: WebGPU/WebGL need a browser. */
export function candidateBackends(options: BackendOptions = {}): TensorBackend[] {
  const env = environment();
  return FALLBACK_ORDER.filter((name) => {
    if (name === "webgpu") return env.hasWebGpu;
    if (name === "webgl") return env.hasWebGl;
    if (name === "wasm") return options.wasmPaths !== undefined;
    return true;
  });
}

const registering = new Map<TensorBackend, Promise<void>>();

/** Imports a backend's package (once); importing registers it with TensorFlow.js. */
function register(name: TensorBackend, options: BackendOptions): Promise<void> {
  let pending = registering.get(name);
  if (!pending) {
    pending = (async () => {
      switch (name) {
        case "cpu":
          await import("@tensorflow/tfjs-backend-cpu");
          return;
        case "webgl":
          await import("@tensorflow/tfjs-backend-webgl");
          return;
        case "webgpu":
          await import("@tensorflow/tfjs-backend-webgpu");
          return;
        case "wasm": {
          const wasm = await import("@tensorflow/tfjs-backend-wasm");
          if (options.wasmPaths !== undefined) wasm.setWasmPaths(options.wasmPaths);
          return;
        }
      }
    })();
    registering.set(name, pending);
  }
  return pending;
}

/**
 * Makes `name` the active backend. Resolves to false (never throws) when it cannot start here —
 * no adapter, no WebGL context, the wasm file not found — so callers can fall back.
 */
export async function useBackend(
  name: TensorBackend,
  options: BackendOptions = {},
): Promise<boolean> {
  try {
    await register(name, options);
    const ok = await tf.setBackend(name);
    if (ok) await tf.ready();
    return ok && tf.getBackend() === name;
  } catch {
    return false;
  }
}

/** Tries each backend in order; resolves to the first that starts. */
export async function useFirstAvailable(
  order: readonly TensorBackend[],
  options: BackendOptions = {},
): Promise<{ backend: TensorBackend; failed: TensorBackend[] }> {
  const failed: TensorBackend[] = [];
  for (const name of order) {
    if (await useBackend(name, options)) return { backend: name, failed };
    failed.push(name);
  }
  throw new Error(`No TensorFlow.js backend could start (tried ${order.join(", ")}).`);
}

/** What a software renderer calls itself: Chromium's SwiftShader, Mesa's llvmpipe/lavapipe, Windows' WARP. */
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|lavapipe|softpipe|software|microsoft basic render/i;

/** Whether a WebGPU or WebGL renderer description names a CPU implementation. */
export function isSoftwareRenderer(description: string): boolean {
  return SOFTWARE_RENDERER.test(description);
}

async function webGpuIsSoftware(): Promise<boolean> {
  const gpu = (globalThis as { navigator?: { gpu?: GPU } }).navigator?.gpu;
  const adapter = await gpu?.requestAdapter();
  if (!adapter) return false;
  const { info } = adapter;
  return (
    info.isFallbackAdapter ||
    isSoftwareRenderer([info.vendor, info.architecture, info.device, info.description].join(" "))
  );
}

function webGlIsSoftware(): boolean {
  const g = globalThis as {
    OffscreenCanvas?: new (w: number, h: number) => { getContext(kind: "webgl2"): unknown };
    document?: { createElement(tag: "canvas"): { getContext(kind: "webgl2"): unknown } };
  };
  const canvas = g.OffscreenCanvas
    ? new g.OffscreenCanvas(1, 1)
    : g.document?.createElement("canvas");
  const gl = canvas?.getContext("webgl2") as WebGL2RenderingContext | null | undefined;
  if (!gl) return false;
  const debug = gl.getExtension("WEBGL_debug_renderer_info");
  const renderer = String(gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  gl.getExtension("WEBGL_lose_context")?.loseContext();
  return isSoftwareRenderer(renderer);
}

/**
 * The GPU backends among `available` that would run in software on the CPU (a browser without
 * a graphics driver falls back to SwiftShader): automatic engine choice treats them as absent.
 * Never throws; a backend it cannot inspect counts as hardware.
 */
export async function softwareGpuBackends(
  available: readonly TensorBackend[],
): Promise<TensorBackend[]> {
  const software: TensorBackend[] = [];
  try {
    if (available.includes("webgpu") && (await webGpuIsSoftware())) software.push("webgpu");
  } catch {
    // No adapter information: assume hardware.
  }
  try {
    if (available.includes("webgl") && webGlIsSoftware()) software.push("webgl");
  } catch {
    // No context: assume hardware.
  }
  return software;
}
