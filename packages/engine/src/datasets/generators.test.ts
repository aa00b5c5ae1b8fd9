import { describe, expect, it } from "vitest";
import type { Dataset } from "../dataset.ts";
import {
  CIRCLE_INNER_RADIUS,
  CIRCLE_OUTER_RADIUS_MIN,
  circle,
  clusterCenters,
  DATASETS,
  gaussianClusters,
  linearRegression,
  MOONS_SCALE,
  moons,
  nonlinearRegression,
  SPIRAL_START_RADIUS,
  spirals,
  xor,
  type DatasetName,
} from "./generators.ts";

const names = Object.keys(DATASETS) as DatasetName[];

function point(data: Dataset, i: number): [number, number] {
  return [data.x[2 * i] ?? NaN, data.x[2 * i + 1] ?? NaN];
}

function classCounts(data: Dataset): number[] {
  const counts = new Array<number>(data.classes ?? 0).fill(0);
  for (const label of data.labels ?? []) counts[label] = (counts[label] ?? 0) + 1;
  return counts;
}

/** Every target row agrees with its label: 0/1 for two classes, a one-hot row otherwise. */
function expectTargetsMatchLabels(data: Dataset): void {
  const labels = data.labels ?? new Int32Array();
  expect(labels).toHaveLength(data.size);
  for (let i = 0; i < data.size; i++) {
    const label = labels[i] ?? -1;
    expect(label).toBeGreaterThanOrEqual(0);
    expect(label).toBeLessThan(data.classes ?? 0);
    const row = Array.from(data.y.subarray(i * data.outputSize, (i + 1) * data.outputSize));
    if (data.outputSize === 1) {
      expect(row[0]).toBe(label);
    } else {
      expect(row.reduce((s, v) => s + v, 0)).toBe(1);
      expect(row[label]).toBe(1);
    }
  }
}

describe("dataset generators", () => {
  it.each(names)("%s: the same seed gives identical data, another seed different data", (name) => {
    const { generate } = DATASETS[name];
    const a = generate({ n: 60, noise: 0.3, seed: 5 });
    const b = generate({ n: 60, noise: 0.3, seed: 5 });
    const c = generate({ n: 60, noise: 0.3, seed: 6 });
    expect(b).toEqual(a);
    expect(c.x).not.toEqual(a.x);
  });

  it.each(names)("%s: has the declared kind and consistent shapes", (name) => {
    const { generate, kind } = DATASETS[name];
    const data = generate({ n: 101, seed: 1 });
    expect(data.kind).toBe(kind);
    expect(data.size).toBe(101);
    expect(data.inputSize).toBe(2);
    expect(data.x).toHaveLength(101 * 2);
    expect(data.y).toHaveLength(101 * data.outputSize);
    expect(data.x.every(Number.isFinite)).toBe(true);
    expect(data.y.every(Number.isFinite)).toBe(true);
    if (kind === "classification") {
      expect(data.outputSize).toBe(1);
      expect(data.classes).toBe(2);
      expectTargetsMatchLabels(data);
      // 101 examples over two classes: 51 and 50.
      expect(classCounts(data).sort()).toEqual([50, 51]);
    } else {
      expect(data.outputSize).toBe(1);
      expect(data.labels).toBeUndefined();
      expect(data.classes).toBeUndefined();
    }
  });

  it.each(names)("%s: noise moves the points or targets, seeded", (name) => {
    const { generate } = DATASETS[name];
    const clean = generate({ n: 50, seed: 2 });
    const noisy = generate({ n: 50, noise: 0.5, seed: 2 });
    const moved = clean.kind === "regression" ? [clean.y, noisy.y] : [clean.x, noisy.x];
    expect(moved[1]).not.toEqual(moved[0]);
    expect(noisy.labels).toEqual(clean.labels);
  });

  it("rejects bad options with a RangeError", () => {
    expect(() => xor({ n: 0, seed: 1 })).toThrow(RangeError);
    expect(() => xor({ n: 2.5, seed: 1 })).toThrow(/whole number/);
    expect(() => circle({ n: 10, noise: -0.1, seed: 1 })).toThrow(/noise/);
    expect(() => circle({ n: 10, noise: Number.NaN, seed: 1 })).toThrow(/noise/);
    expect(() => spirals({ n: 10, classes: 1, seed: 1 })).toThrow(/classes/);
    expect(() => gaussianClusters({ n: 3, classes: 4, seed: 1 })).toThrow(/one example per class/);
    expect(() => moons({ n: 10, seed: Number.NaN })).toThrow(RangeError);
  });

  it("xor: clean points sit in [-1, 1]² off the axes, label 1 exactly when x1·x2 > 0", () => {
    const data = xor({ n: 400, seed: 3, gap: 0.1 });
    for (let i = 0; i < data.size; i++) {
      const [a, b] = point(data, i);
      expect(Math.min(Math.abs(a), Math.abs(b))).toBeGreaterThanOrEqual(0.1);
      expect(Math.max(Math.abs(a), Math.abs(b))).toBeLessThanOrEqual(1);
      expect(data.labels?.[i]).toBe(a * b > 0 ? 1 : 0);
    }
  });

  it("xor: noise pushes some points across an axis, so their label breaks the rule", () => {
    const data = xor({ n: 400, noise: 1, seed: 3 });
    let broken = 0;
    for (let i = 0; i < data.size; i++) {
      const [a, b] = point(data, i);
      if (data.labels?.[i] !== (a * b > 0 ? 1 : 0)) broken++;
    }
    expect(broken).toBeGreaterThan(0);
    expect(broken).toBeLessThan(data.size / 2);
  });

  it("circle: clean class-1 points lie inside radius 0.5, class-0 points in the ring 0.7..1", () => {
    const data = circle({ n: 400, seed: 4 });
    for (let i = 0; i < data.size; i++) {
      const r = Math.hypot(...point(data, i));
      if (data.labels?.[i] === 1) {
        expect(r).toBeLessThanOrEqual(CIRCLE_INNER_RADIUS);
      } else {
        expect(r).toBeGreaterThanOrEqual(CIRCLE_OUTER_RADIUS_MIN - 1e-12);
        expect(r).toBeLessThanOrEqual(1);
      }
    }
  });

  it("spirals: clean points lie on their arm, for two and for three arms", () => {
    for (const classes of [2, 3]) {
      const turns = 1.75;
      const data = spirals({ n: 300, classes, turns, seed: 7 });
      expect(data.classes).toBe(classes);
      expect(data.outputSize).toBe(classes === 2 ? 1 : classes);
      expectTargetsMatchLabels(data);
      expect(classCounts(data)).toEqual(new Array<number>(classes).fill(300 / classes));
      for (let i = 0; i < data.size; i++) {
        const [a, b] = point(data, i);
        const r = Math.hypot(a, b);
        expect(r).toBeGreaterThanOrEqual(SPIRAL_START_RADIUS);
        expect(r).toBeLessThanOrEqual(1);
        const t = (r - SPIRAL_START_RADIUS) / (1 - SPIRAL_START_RADIUS);
        const angle = 2 * Math.PI * (turns * t + (data.labels?.[i] ?? 0) / classes);
        expect(a).toBeCloseTo(r * Math.cos(angle), 9);
        expect(b).toBeCloseTo(r * Math.sin(angle), 9);
      }
    }
  });

  it("gaussianClusters: k > 2 gives one-hot targets and balanced classes around their centres", () => {
    const classes = 4;
    const data = gaussianClusters({ n: 2000, classes, seed: 8 });
    expect(data.outputSize).toBe(4);
    expect(data.y).toHaveLength(2000 * 4);
    expectTargetsMatchLabels(data);
    expect(classCounts(data)).toEqual([500, 500, 500, 500]);
    const centers = clusterCenters(classes);
    for (let c = 0; c < classes; c++) {
      let sx = 0;
      let sy = 0;
      let count = 0;
      for (let i = 0; i < data.size; i++) {
        if (data.labels?.[i] !== c) continue;
        const [a, b] = point(data, i);
        sx += a;
        sy += b;
        count++;
      }
      const [cx, cy] = centers[c] ?? [NaN, NaN];
      expect(sx / count).toBeCloseTo(cx, 1);
      expect(sy / count).toBeCloseTo(cy, 1);
    }
    const inside = Array.from(data.x).filter((v) => Math.abs(v) <= 1).length;
    expect(inside / data.x.length).toBeGreaterThan(0.99);
  });

  it("gaussianClusters: two classes keep binary targets", () => {
    const data = gaussianClusters({ n: 40, seed: 9 });
    expect(data.outputSize).toBe(1);
    expect(data.classes).toBe(2);
    expectTargetsMatchLabels(data);
  });

  it("moons: clean points lie on their half circle, inside [-1, 1] × [-0.5, 0.5]", () => {
    const data = moons({ n: 300, seed: 10 });
    for (let i = 0; i < data.size; i++) {
      const [a, b] = point(data, i);
      expect(Math.abs(a)).toBeLessThanOrEqual(1 + 1e-12);
      expect(Math.abs(b)).toBeLessThanOrEqual(0.5 + 1e-12);
      // Undo the scaling to get back to the textbook unit half circles.
      const u = a / MOONS_SCALE + 0.5;
      const v = b / MOONS_SCALE + 0.25;
      if (data.labels?.[i] === 0) {
        expect(Math.hypot(u, v)).toBeCloseTo(1, 9);
        expect(v).toBeGreaterThanOrEqual(-1e-12);
      } else {
        expect(Math.hypot(u - 1, v - 0.5)).toBeCloseTo(1, 9);
        expect(v).toBeLessThanOrEqual(0.5 + 1e-12);
      }
    }
  });

  it("linearRegression: clean targets are exactly a·x1 + b·x2 + c, inputs in [-1, 1]²", () => {
    const data = linearRegression({ n: 200, seed: 11, weights: [2, -1], bias: 0.5 });
    for (let i = 0; i < data.size; i++) {
      const [a, b] = point(data, i);
      expect(Math.max(Math.abs(a), Math.abs(b))).toBeLessThanOrEqual(1);
      expect(data.y[i]).toBeCloseTo(2 * a - b + 0.5, 12);
    }
  });

  it("linearRegression: noise leaves residuals with the documented spread", () => {
    const data = linearRegression({ n: 4000, noise: 1, seed: 12 });
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < data.size; i++) {
      const [a, b] = point(data, i);
      const residual = (data.y[i] ?? NaN) - (0.5 * a - 0.3 * b + 0.2);
      sum += residual;
      sumSq += residual * residual;
    }
    expect(sum / data.size).toBeCloseTo(0, 1);
    expect(Math.sqrt(sumSq / data.size)).toBeCloseTo(0.2, 1);
  });

  it("nonlinearRegression: clean targets follow sin(π·x1)·cos(π·x2 / 2)", () => {
    const data = nonlinearRegression({ n: 200, seed: 13 });
    for (let i = 0; i < data.size; i++) {
      const [a, b] = point(data, i);
      expect(data.y[i]).toBeCloseTo(Math.sin(Math.PI * a) * Math.cos((Math.PI * b) / 2), 12);
    }
  });

  it("lists every generator with a title, a description and a kind", () => {
    expect(names).toEqual([
      "xor",
      "circle",
      "spirals",
      "gaussianClusters",
      "moons",
      "linearRegression",
      "nonlinearRegression",
    ]);
    for (const name of names) {
      const entry = DATASETS[name];
      expect(entry.title.length).toBeGreaterThan(0);
      expect(entry.description.length).toBeGreaterThan(10);
    }
    expect(names.filter((name) => DATASETS[name].multiclass)).toEqual([
      "spirals",
      "gaussianClusters",
    ]);
  });
});
