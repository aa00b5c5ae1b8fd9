import { createRng, type Rng } from "./rng.ts";

/**
 * Which examples each training step uses: the whole set (full batch), or consecutive slices of a
 * seeded shuffle, reshuffled every epoch. Every engine draws its batches from this one class, so
 * the fused kernel and the tensor engine see the same examples in the same order for one seed.
 */
export class BatchSampler {
  readonly size: number;
  readonly batchSize: number;
  private readonly rng: Rng;
  private readonly order: Int32Array;
  private cursor = 0;
  private steps = 0;
  private epochs = 0;

  constructor(size: number, batchSize: number, seed: number) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError("The training set is empty.");
    if (!Number.isInteger(batchSize) || batchSize < 1) {
      throw new RangeError("The batch size must be a positive whole number.");
    }
    this.size = size;
    this.batchSize = Math.min(batchSize, size);
    this.rng = createRng(seed);
    this.order = Int32Array.from({ length: size }, (_, i) => i);
    this.shuffle();
  }

  get fullBatch(): boolean {
    return this.batchSize >= this.size;
  }

  get step(): number {
    return this.steps;
  }

  get epoch(): number {
    return this.epochs;
  }

  private shuffle(): void {
    if (this.fullBatch) return;
    const o = this.order;
    for (let i = o.length - 1; i > 0; i--) {
      const j = this.rng.int(i + 1);
      const t = o[i] as number;
      o[i] = o[j] as number;
      o[j] = t;
    }
  }

  /** The example indices of the next batch (a view, valid until the next call to `advance`). */
  peek(): Int32Array {
    const n = Math.min(this.batchSize, this.size - this.cursor);
    return this.order.subarray(this.cursor, this.cursor + n);
  }

  /** Marks the batch from `peek` as used. */
  advance(): void {
    this.steps++;
    this.cursor += Math.min(this.batchSize, this.size - this.cursor);
    if (this.cursor >= this.size) {
      this.cursor = 0;
      this.epochs++;
      this.shuffle();
    }
  }
}
