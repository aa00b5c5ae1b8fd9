import { describe, expect, it } from "vitest";
import type { Dataset } from "../dataset.ts";
import { gaussianClusters, linearRegression, xor } from "./generators.ts";
import { trainTestSplit } from "./split.ts";

/** Each example as a string of its inputs and targets, to follow it through a split. */
function rows(data: Dataset): string[] {
  return Array.from({ length: data.size }, (_, i) =>
    [
      ...data.x.subarray(i * data.inputSize, (i + 1) * data.inputSize),
      "|",
      ...data.y.subarray(i * data.outputSize, (i + 1) * data.outputSize),
    ].join(","),
  );
}

function classCounts(data: Dataset): number[] {
  const counts = new Array<number>(data.classes ?? 0).fill(0);
  for (const label of data.labels ?? []) counts[label] = (counts[label] ?? 0) + 1;
  return counts;
}

describe("trainTestSplit", () => {
  const data = xor({ n: 100, seed: 1 });

  it("holds out round(size × testFraction) examples and keeps every example exactly once", () => {
    const { train, test } = trainTestSplit(data, { testFraction: 0.25, seed: 3 });
    expect(test.size).toBe(25);
    expect(train.size).toBe(75);
    expect([...rows(train), ...rows(test)].sort()).toEqual(rows(data).sort());
    expect(train.inputSize).toBe(2);
    expect(test.outputSize).toBe(1);
    expect(test.classes).toBe(2);
    expect(test.labels).toHaveLength(25);
  });

  it("is seeded: the same seed repeats the split, another seed changes it", () => {
    const a = trainTestSplit(data, { testFraction: 0.3, seed: 9 });
    const b = trainTestSplit(data, { testFraction: 0.3, seed: 9 });
    const c = trainTestSplit(data, { testFraction: 0.3, seed: 10 });
    expect(b).toEqual(a);
    expect(rows(c.test).sort()).not.toEqual(rows(a.test).sort());
  });

  it("stratified: keeps every class in both parts in proportion, and sizes add up", () => {
    // 3 + 3 + 3 + 51 examples: an unlucky plain split could leave a small class out of the test set.
    const base = gaussianClusters({ n: 12, classes: 4, seed: 2 });
    const labels = Int32Array.from({ length: 60 }, (_, i) => (i < 9 ? Math.floor(i / 3) : 3));
    const skewed: Dataset = {
      ...base,
      size: 60,
      x: Float64Array.from({ length: 120 }, (_, i) => i),
      y: Float64Array.from({ length: 240 }, (_, i) =>
        i % 4 === labels[Math.floor(i / 4)] ? 1 : 0,
      ),
      labels,
    };
    for (const seed of [1, 2, 3, 4, 5]) {
      const { train, test } = trainTestSplit(skewed, { testFraction: 0.2, seed, stratify: true });
      expect(train.size + test.size).toBe(60);
      expect(classCounts(test)).toEqual([1, 1, 1, 10]);
      expect(classCounts(train)).toEqual([2, 2, 2, 41]);
      expect([...rows(train), ...rows(test)].sort()).toEqual(rows(skewed).sort());
    }
  });

  it("stratified: does not leave the parts grouped by class", () => {
    const { train } = trainTestSplit(data, { testFraction: 0.5, seed: 4, stratify: true });
    const firstHalf = Array.from(train.labels?.subarray(0, 25) ?? []);
    expect(new Set(firstHalf).size).toBe(2);
  });

  it("splits regression data too", () => {
    const line = linearRegression({ n: 10, seed: 1 });
    const { train, test } = trainTestSplit(line, { testFraction: 0.5, seed: 1 });
    expect([train.size, test.size]).toEqual([5, 5]);
    expect(test.kind).toBe("regression");
    expect(test.labels).toBeUndefined();
  });

  it("never leaves a part empty", () => {
    const tiny = xor({ n: 3, seed: 1 });
    expect(trainTestSplit(tiny, { testFraction: 0.01, seed: 1 }).test.size).toBe(1);
    expect(trainTestSplit(tiny, { testFraction: 0.99, seed: 1 }).train.size).toBe(1);
  });

  it("rejects bad arguments with a RangeError that says what is wrong", () => {
    for (const testFraction of [0, 1, -0.2, 1.5, Number.NaN]) {
      expect(() => trainTestSplit(data, { testFraction, seed: 1 })).toThrow(
        /testFraction must be strictly between 0 and 1/,
      );
    }
    expect(() => trainTestSplit(data, { testFraction: 0.2, seed: Number.NaN })).toThrow(RangeError);
    expect(() =>
      trainTestSplit(linearRegression({ n: 1, seed: 1 }), { testFraction: 0.5, seed: 1 }),
    ).toThrow(/at least 2 examples/);
    expect(() =>
      trainTestSplit(linearRegression({ n: 10, seed: 1 }), {
        testFraction: 0.5,
        seed: 1,
        stratify: true,
      }),
    ).toThrow(/stratify needs a classification dataset/);
    const lonely: Dataset = {
      ...data,
      labels: Int32Array.from(data.labels ?? [], (_, i) => (i === 0 ? 1 : 0)),
    };
    expect(() => trainTestSplit(lonely, { testFraction: 0.5, seed: 1, stratify: true })).toThrow(
      /class 1 has a single example/,
    );
  });
});
