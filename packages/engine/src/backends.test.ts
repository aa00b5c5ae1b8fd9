import { createRequire } from "node:module";
import { dirname } from "node:path";
import * as tf from "@tensorflow/tfjs-core";
import { describe, expect, it } from "vitest";
import {
  candidateBackends,
  isSoftwareRenderer,
  softwareGpuBackends,
  useBackend,
  useFirstAvailable,
} from "./backends.ts";

const require = createRequire(import.meta.url);
const wasmPaths = `${dirname(require.resolve("@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm"))}/`;

describe("backends in Node", () => {
  it("offers cpu always, wasm only with its files, and no GPU backends without a browser", () => {
    expect(candidateBackends()).toEqual(["cpu"]);
    expect(candidateBackends({ wasmPaths })).toEqual(["wasm", "cpu"]);
  });

  it("starts cpu and wasm, and computes the same matmul on both", async () => {
    const a = [1, 2, 3, 4, 5, 6];
    const b = [0.5, -1, 2, 0, 1, 1];
    const results: number[][] = [];
    for (const name of ["cpu", "wasm"] as const) {
      expect(await useBackend(name, { wasmPaths })).toBe(true);
      expect(tf.getBackend()).toBe(name);
      const product = tf.matMul(tf.tensor2d(a, [2, 3]), tf.tensor2d(b, [3, 2]));
      results.push(Array.from(await product.data()));
      tf.disposeVariables();
    }
    expect(results[0]).toEqual([7.5, 2, 18, 2]);
    expect(results[1]).toEqual(results[0]);
  });

  it("falls back past backends that cannot start here", async () => {
    const { backend, failed } = await useFirstAvailable(["webgpu", "webgl", "cpu"]);
    expect(backend).toBe("cpu");
    expect(failed).toEqual(["webgpu", "webgl"]);
  });
});

describe("isSoftwareRenderer", () => {
  it("recognises CPU implementations of WebGPU and WebGL by name", () => {
    for (const name of [
      "google swiftshader",
      "ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)",
      "llvmpipe (LLVM 15.0.6, 256 bits)",
      "Microsoft Basic Render Driver",
    ])
      expect(isSoftwareRenderer(name)).toBe(true);
    for (const name of [
      "nvidia hopper",
      "ANGLE (NVIDIA, NVIDIA H100 80GB HBM3, Vulkan)",
      "apple m2",
    ])
      expect(isSoftwareRenderer(name)).toBe(false);
  });

  it("finds no software GPU among backends that have no GPU", async () => {
    expect(await softwareGpuBackends(["wasm", "cpu"])).toEqual([]);
  });
});
