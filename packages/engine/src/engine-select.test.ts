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

  it("keeps a playground-sized network on the fused kernel even with a GPU, and says why", () => {
    const choice = selectEngine({ spec: playground, batchSize: 250, available: all });
    expect(choice.engine).toBe("js");
    expect(choice.reason).toContain(
      "2-8-8-1 network, 250 examples per step (66,000 multiply-adds)",
    );
    expect(choice.reason).toContain("webgpu");
  });

  it("sends a digits MLP to the best GPU backend there is", () => {
    expect(stepWorkload(mnist, 256)).toBeGreaterThan(GPU_MIN_WORKLOAD);
    expect(selectEngine({ spec: mnist, batchSize: 256, available: all }).engine).toBe("webgpu");
    expect(
      selectEngine({ spec: mnist, batchSize: 256, available: ["webgl", "wasm", "cpu"] }).engine,
    ).toBe("webgl");
  });

  it("uses wasm for big work without a GPU only when it is big enough", () => {
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
