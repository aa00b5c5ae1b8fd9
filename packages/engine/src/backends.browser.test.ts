import * as tf from "@tensorflow/tfjs-core";
import wasmUrl from "@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url";
import wasmSimdUrl from "@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url";
import wasmThreadedSimdUrl from "@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url";
import { afterAll, describe, expect, it } from "vitest";
import {
  candidateBackends,
  softwareGpuBackends,
  useBackend,
  type BackendOptions,
} from "./backends.ts";
import { createRng } from "./rng.ts";

// In a browser the wasm binaries are fetched by URL; Vite serves each file and gives its address.
const wasmPaths: BackendOptions["wasmPaths"] = {
  "tfjs-backend-wasm.wasm": wasmUrl,
  "tfjs-backend-wasm-simd.wasm": wasmSimdUrl,
  "tfjs-backend-wasm-threaded-simd.wasm": wasmThreadedSimdUrl,
};

const N = 64;

function randomMatrix(seed: number): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length: N * N }, () => rng.uniform(-1, 1));
}

/** The reference: a textbook triple loop in float64, row-major. */
function matMul64(a: Float64Array, b: Float64Array): Float64Array {
  const c = new Float64Array(N * N);
  for (let i = 0; i < N; i++) {
    for (let k = 0; k < N; k++) {
      const aik = a[i * N + k] as number;
      for (let j = 0; j < N; j++)
        c[i * N + j] = (c[i * N + j] as number) + aik * (b[k * N + j] as number);
    }
  }
  return c;
}

function maxAbsDifference(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < x.length; i++)
    worst = Math.max(worst, Math.abs((x[i] as number) - (y[i] as number)));
  return worst;
}

describe("backends in Chromium", () => {
  afterAll(() => {
    tf.disposeVariables();
  });

  it("finds a WebGPU adapter and says which", async () => {
    expect(navigator.gpu).toBeDefined();
    const adapter = await navigator.gpu.requestAdapter();
    expect(adapter).not.toBeNull();
    const info = adapter?.info;
    // Recorded so a run's log says what WebGPU ran on (SwiftShader on machines without a GPU).
    const { vendor, architecture, device, description } = info ?? {};
    console.info(
      `WebGPU adapter: ${JSON.stringify({ vendor, architecture, device, description })}`,
    );
  });

  it("tells a software GPU from a real one", async () => {
    const adapter = await navigator.gpu.requestAdapter();
    const onSwiftShader = /swiftshader/i.test(adapter?.info.architecture ?? "");
    const software = await softwareGpuBackends(["webgpu", "webgl", "wasm", "cpu"]);
    console.info(`Software GPU backends here: ${JSON.stringify(software)}`);
    // Without a graphics driver both of Chromium's GPU paths are SwiftShader; with one, neither.
    expect(software).toEqual(onSwiftShader ? ["webgpu", "webgl"] : []);
  });

  it("offers all four backends here", () => {
    expect(candidateBackends({ wasmPaths })).toEqual(["webgpu", "webgl", "wasm", "cpu"]);
  });

  it.each(["webgpu", "webgl", "wasm", "cpu"] as const)(
    "%s starts and multiplies 64×64 matrices like float64 JavaScript (within 1e-3)",
    async (name) => {
      const a = randomMatrix(1);
      const b = randomMatrix(2);
      const expected = matMul64(a, b);

      expect(await useBackend(name, { wasmPaths })).toBe(true);
      expect(tf.getBackend()).toBe(name);
      const product = tf.tidy(() =>
        tf.matMul(
          tf.tensor2d(Float32Array.from(a), [N, N]),
          tf.tensor2d(Float32Array.from(b), [N, N]),
        ),
      );
      const actual = await product.data();
      product.dispose();

      expect(actual).toHaveLength(N * N);
      const error = maxAbsDifference(actual, expected);
      console.info(`${name}: max |error| vs float64 = ${error.toExponential(2)}`);
      expect(error).toBeLessThan(1e-3);
    },
  );
});
