import { describe, expect, it } from "vitest";
import { GPU_MIN_WORKLOAD, selectEngine, stepWorkload } from "./engine-select.ts";
import type { NetworkSpec } from "./network-spec.ts";

const playground: NetworkSpec = {
  inputs: 2,
  layers: [
    { units: 8, activation: "tanh" },
    { units: 8, activation: "tanh" },
    { units: 1, activation: "tanh" },
  ],
  loss: "mse",
};
const mnist: NetworkSpec = {
  inputs: 784,
  layers: [
    { units: 128, activation: "relu" },
    { units: 64, activation: "relu" },
    { units: 10, activation: "softmax" },
  ],
  loss: "categoricalCrossEntropy",
};

describe("stepWorkload", () => {
  it("counts three products per weight per example", () => {
    expect(stepWorkload(playground, 250)).toBe(3 * (16 + 64 + 8) * 250);
  });
});

describe("selectEngine", () => {
  const all = ["webgpu", "webgl", "wasm", "cpu"] as const;

  it("keeps a playground-sized network on the SIMD kernel even with a GPU, and says why", () => {
    const choice = selectEngine({ spec: playground, batchSize: 250, available: all, simd: true });
    expect(choice.engine).toBe("simd");
    expect(choice.reason).toBe(
      "Fused WebAssembly SIMD kernel (float32) for a 2-8-8-1 network, 250 examples per step (66,000 multiply-adds): below the 5,000,000 where webgpu starts to win.",
    );
  });

  it("falls back to the float64 kernel where WebAssembly SIMD is missing", () => {
    const choice = selectEngine({ spec: playground, batchSize: 250, available: all });
    expect(choice.engine).toBe("js");
    expect(choice.reason).toMatch(
      /^Fused JavaScript kernel \(float64; this runtime has no WebAssembly SIMD\)/,
    );
  });

  it("treats a software GPU (SwiftShader) as no GPU at all", () => {
    const choice = selectEngine({
      spec: mnist,
      batchSize: 256,
      available: all,
      simd: true,
      softwareGpus: ["webgpu", "webgl"],
    });
    expect(choice.engine).toBe("simd");
    expect(choice.reason).toMatch(
      /the only GPU backends \(webgpu, webgl\) run in software on the CPU\.$/,
    );
    // A hardware WebGL beside a software WebGPU still wins.
    expect(
      selectEngine({ spec: mnist, batchSize: 256, available: all, softwareGpus: ["webgpu"] })
        .engine,
    ).toBe("webgl");
    // And a small network says why it stays on the kernel.
    expect(
      selectEngine({
        spec: playground,
        batchSize: 250,
        available: ["webgpu", "cpu"],
        simd: true,
        softwareGpus: ["webgpu"],
      }).reason,
    ).toMatch(/: the only GPU backend \(webgpu\) runs in software on the CPU\.$/);
  });

  it("honours an explicit software GPU (a test may want WebGPU on SwiftShader)", () => {
    expect(
      selectEngine({
        spec: playground,
        batchSize: 250,
        available: all,
        softwareGpus: ["webgpu"],
        override: "webgpu",
      }).engine,
    ).toBe("webgpu");
    expect(
      selectEngine({ spec: playground, batchSize: 250, available: all, override: "simd" }).engine,
    ).toBe("js");
  });

  it("sends a digits MLP to the best GPU backend there is", () => {
    expect(stepWorkload(mnist, 256)).toBeGreaterThan(GPU_MIN_WORKLOAD);
    expect(selectEngine({ spec: mnist, batchSize: 256, available: all }).engine).toBe("webgpu");
    expect(
      selectEngine({ spec: mnist, batchSize: 256, available: ["webgl", "wasm", "cpu"] }).engine,
    ).toBe("webgl");
  });

  it("keeps big work without a GPU on the SIMD kernel, which beats the wasm backend", () => {
    expect(
      selectEngine({ spec: mnist, batchSize: 256, available: ["wasm", "cpu"], simd: true }).engine,
    ).toBe("simd");
  });

  it("without SIMD, uses wasm for big work without a GPU only when it is big enough", () => {
    expect(selectEngine({ spec: mnist, batchSize: 256, available: ["wasm", "cpu"] }).engine).toBe(
      "wasm",
    );
    expect(selectEngine({ spec: mnist, batchSize: 8, available: ["wasm", "cpu"] }).engine).toBe(
      "js",
    );
  });

  it("honours an override that can run, and explains one that cannot", () => {
    expect(
      selectEngine({ spec: playground, batchSize: 250, available: all, override: "webgl" }),
    ).toMatchObject({
      engine: "webgl",
      reason: expect.stringContaining("Chosen explicitly") as unknown,
    });
    const refused = selectEngine({
      spec: playground,
      batchSize: 250,
      available: ["cpu"],
      override: "webgpu",
    });
    expect(refused.engine).toBe("js");
    expect(refused.reason).toMatch(
      /^webgpu was asked for but cannot run here; fused JavaScript kernel/,
    );
  });
});
