import { describe, expect, it } from "vitest";
import type { Dataset } from "../dataset.ts";
import { loadMnist, MNIST_PIXELS, MNIST_SAMPLES_PER_DIGIT } from "./mnist.ts";

/** Each image's pixels as a string, to compare images across parts and loads. */
function images(data: Dataset): string[] {
  return Array.from({ length: data.size }, (_, i) =>
    data.x.subarray(i * MNIST_PIXELS, (i + 1) * MNIST_PIXELS).join(","),
  );
}

// Two digits and small counts keep this short, but the first load still transforms two 2 MB JSON
// files, which takes seconds on a busy machine; later loads reuse the module cache.
const digits = [3, 7];

describe("loadMnist", { timeout: 120_000 }, () => {
  it("gives 784 pixels in [0, 1] and one-hot targets of width 10 that match the labels", async () => {
    const { train, test } = await loadMnist({
      trainPerDigit: 20,
      testPerDigit: 5,
      seed: 1,
      digits,
    });
    expect(train.size).toBe(40);
    expect(test.size).toBe(10);
    for (const part of [train, test]) {
      expect(part.kind).toBe("classification");
      expect(part.inputSize).toBe(784);
      expect(part.outputSize).toBe(10);
      expect(part.classes).toBe(10);
      expect(part.x).toHaveLength(part.size * 784);
      expect(part.y).toHaveLength(part.size * 10);
      expect(part.x.every((v) => v >= 0 && v <= 1)).toBe(true);
      for (let i = 0; i < part.size; i++) {
        const label = part.labels?.[i] ?? -1;
        expect(digits).toContain(label);
        const row = Array.from(part.y.subarray(i * 10, (i + 1) * 10));
        expect(row.reduce((s, v) => s + v, 0)).toBe(1);
        expect(row[label]).toBe(1);
        // A real handwritten digit: some ink on a mostly blank background.
        const pixels = part.x.subarray(i * 784, (i + 1) * 784);
        const inked = pixels.filter((v) => v > 0.5).length;
        expect(inked).toBeGreaterThan(20);
        expect(inked).toBeLessThan(400);
      }
    }
    const trainCounts = digits.map((d) => Array.from(train.labels ?? []).filter((l) => l === d));
    expect(trainCounts.map((c) => c.length)).toEqual([20, 20]);
  });

  it("never puts the same image in both parts, and keeps the test set when training grows", async () => {
    const small = await loadMnist({ trainPerDigit: 10, testPerDigit: 5, seed: 2, digits });
    const large = await loadMnist({ trainPerDigit: 30, testPerDigit: 5, seed: 2, digits });
    const testImages = new Set(images(small.test));
    expect(images(small.train).some((image) => testImages.has(image))).toBe(false);
    expect(images(large.test).sort()).toEqual([...testImages].sort());
  });

  it("is seeded: the same seed repeats the order, another seed reorders the same images", async () => {
    const options = { trainPerDigit: 15, testPerDigit: 3, digits };
    const a = await loadMnist({ ...options, seed: 4 });
    const b = await loadMnist({ ...options, seed: 4 });
    const c = await loadMnist({ ...options, seed: 5 });
    expect(b).toEqual(a);
    expect(Array.from(c.train.labels ?? [])).not.toEqual(Array.from(a.train.labels ?? []));
    expect(images(c.train).sort()).toEqual(images(a.train).sort());
  });

  it("rejects counts the package cannot supply, before loading anything", async () => {
    expect(MNIST_SAMPLES_PER_DIGIT.reduce((s, n) => s + n, 0)).toBe(10_000);
    await expect(
      loadMnist({ trainPerDigit: 800, testPerDigit: 100, seed: 1, digits: [5] }),
    ).rejects.toThrow(/863 images of the digit 5/);
    await expect(loadMnist({ trainPerDigit: 0, testPerDigit: 1, seed: 1 })).rejects.toThrow(
      RangeError,
    );
    await expect(
      loadMnist({ trainPerDigit: 1, testPerDigit: 1, seed: 1, digits: [3, 3] }),
    ).rejects.toThrow(/distinct/);
    await expect(
      loadMnist({ trainPerDigit: 1, testPerDigit: 1, seed: 1, digits: [10] }),
    ).rejects.toThrow(/0–9/);
  });
});
