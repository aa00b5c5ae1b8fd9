import { subset, type Dataset, type Split } from "../dataset.ts";
import { createRng } from "../rng.ts";

export interface SplitOptions {
  /** Share of the examples held out for testing, strictly between 0 and 1. */
  readonly testFraction: number;
  readonly seed: number;
  /**
   * Classification only: split each class on its own, so both parts keep the class proportions
   * and every class appears in both. Default false.
   */
  readonly stratify?: boolean;
}

/**
 * Holds out a seeded random share of `data` for testing. The test part gets round(size × f)
 * examples (per class when stratified), but never all or none of them, so neither part is empty.
 * Both parts come back in shuffled order, so stratified parts are not grouped by class.
 */
export function trainTestSplit(data: Dataset, options: SplitOptions): Split {
  const { testFraction, seed, stratify = false } = options;
  if (!(testFraction > 0 && testFraction < 1)) {
    throw new RangeError(`testFraction must be strictly between 0 and 1, got ${testFraction}.`);
  }
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}.`);
  if (data.size < 2) {
    throw new RangeError(
      `A split needs at least 2 examples (one for each part); this dataset has ${data.size}.`,
    );
  }
  const rng = createRng(seed);

  const groups: number[][] = [];
  if (stratify) {
    const { labels, classes } = data;
    if (data.kind !== "classification" || !labels || classes === undefined) {
      throw new RangeError("stratify needs a classification dataset with labels and classes.");
    }
    for (let c = 0; c < classes; c++) groups.push([]);
    labels.forEach((label, i) => groups[label]?.push(i));
    groups.forEach((members, c) => {
      if (members.length === 1) {
        throw new RangeError(
          `Cannot stratify: class ${c} has a single example, so it cannot appear in both parts.`,
        );
      }
    });
  } else {
    groups.push(Array.from({ length: data.size }, (_, i) => i));
  }

  const train: number[] = [];
  const test: number[] = [];
  for (const members of groups) {
    // A class with no examples at all stays absent from both parts.
    if (members.length === 0) continue;
    rng.shuffle(members);
    const held = Math.min(
      members.length - 1,
      Math.max(1, Math.round(members.length * testFraction)),
    );
    // A loop rather than push(...spread), which overflows the call stack on large datasets.
    members.forEach((index, k) => (k < held ? test : train).push(index));
  }
  return { train: subset(data, rng.shuffle(train)), test: subset(data, rng.shuffle(test)) };
}
