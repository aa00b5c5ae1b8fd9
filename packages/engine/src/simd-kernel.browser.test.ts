import { describe, expect, it } from "vitest";
import { xor } from "./datasets/generators.ts";
import { initWeights } from "./network-spec.ts";
import { simdKernelSupported } from "./simd-kernel.ts";
import { equivalenceCases, maxRelativeDifference } from "./testing/equivalence-cases.ts";
import { Trainer } from "./trainer.ts";

describe("the SIMD kernel in Chromium", () => {
  it("runs here", () => {
    expect(simdKernelSupported()).toBe(true);
  });

  for (const c of equivalenceCases) {
    it(`${c.name}: the float64 Trainer's weights after 100 steps, to float32 precision`, () => {
      const data = c.data();
      const config = {
        optimizer: c.optimizer,
        batchSize: c.batchSize,
        seed: 5,
        ...(c.l1 ? { l1: c.l1 } : {}),
        ...(c.l2 ? { l2: c.l2 } : {}),
      };
      const reference = new Trainer(c.spec, initWeights(c.spec, 4), data, config);
      const simd = new Trainer(c.spec, initWeights(c.spec, 4), data, config, { kernel: "simd" });
      for (let s = 0; s < 100; s++) {
        reference.trainStep();
        simd.trainStep();
      }
      expect(maxRelativeDifference(simd.getWeights(), reference.getWeights())).toBeLessThan(1e-4);
    });
  }

  it("learns XOR to 100% accuracy", () => {
    const spec = equivalenceCases[0]?.spec;
    if (!spec) throw new Error("no case");
    const trainer = new Trainer(
      spec,
      initWeights(spec, 1),
      xor({ n: 200, seed: 1 }),
      { optimizer: { kind: "adam", learningRate: 0.03 }, batchSize: 200, seed: 1 },
      { kernel: "simd" },
    );
    for (let s = 0; s < 600; s++) trainer.trainStep();
    expect(trainer.evaluate().accuracy).toBe(1);
  });
});
