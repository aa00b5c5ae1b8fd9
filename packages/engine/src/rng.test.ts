import { describe, expect, it } from "vitest";
import { createRng } from "./rng.ts";

describe("createRng", () => {
  it("repeats the same sequence for the same seed and differs for another", () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
  });

  it("draws uniforms in [0, 1) with the right mean", () => {
    const rng = createRng(1);
    let sum = 0;
    for (let i = 0; i < 20000; i++) {
      const x = rng.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      sum += x;
    }
    expect(sum / 20000).toBeCloseTo(0.5, 2);
  });

  it("draws standard normals with mean 0 and variance 1", () => {
    const rng = createRng(7);
    const n = 40000;
    const xs = Array.from({ length: n }, () => rng.normal());
    const mean = xs.reduce((s, x) => s + x, 0) / n;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / n;
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(variance).toBeCloseTo(1, 1);
  });

  it("shuffles into a permutation, reproducibly", () => {
    const shuffled = createRng(3).shuffle([0, 1, 2, 3, 4, 5, 6, 7]);
    expect([...shuffled].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(createRng(3).shuffle([0, 1, 2, 3, 4, 5, 6, 7])).toEqual(shuffled);
  });

  it("draws integers below n", () => {
    const rng = createRng(9);
    const seen = new Set(Array.from({ length: 200 }, () => rng.int(4)));
    expect([...seen].sort()).toEqual([0, 1, 2, 3]);
  });
});
