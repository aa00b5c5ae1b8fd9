import { LRUCache } from "lru-cache";
import {
  goalTrainingKey,
  gradeGoalRun,
  type GoalTraining,
  type PlaygroundResult,
} from "@neuronlab/content/exercises/goal";
import { planGrade } from "@neuronlab/content/exercises/grade";
import type { Answer, Exercise, GradeResult } from "@neuronlab/content/exercises/schema";
import type { Db } from "@neuronlab/db/client";
import { consumeRateLimit, type RateLimit, type RateLimitResult } from "@neuronlab/db/rate-limit";
import { RetryLaterError } from "@/http/retry-later";

const MINUTE = 60_000;

/**
 * Trainings one client address may start (cache misses only: an answer someone already sent,
 * from anywhere, costs nothing and is never counted). A classroom or an office shares one
 * address: 30 pupils each trying two set-ups of their own within ten minutes is about 60, while
 * the set-ups most of them send (the hints' [3] and [4]) are answered from the cache. One training
 * takes 0.1 s of a worker thread, so one address can hold at most about 1% of a thread over the
 * window: hammering from one address cannot take the site down, and a class is rarely refused.
 */
export const GRADING_LIMIT = { bucket: "grading:ip", limit: 60, windowMs: 10 * MINUTE } as const;

/** Trainings waiting for a thread, besides those running: about a second and a half of work. */
export const QUEUED_PER_THREAD = 16;

/** Finished trainings kept: each is a few numbers under a key of about 200 characters. */
const CACHE_ENTRIES = 5_000;

/** Addresses remembered as refused by the rate limit, so hammering stays off the database. */
const REFUSED_ENTRIES = 10_000;

export interface GradeContext {
  /** Who is asking, for the rate limit: the client's address (`clientIp`). */
  client: string;
  /** Without a database there is no shared rate limit; the pool's own bound still holds. */
  db?: Db | undefined;
}

export interface GoalGraderOptions {
  /** Runs one training, somewhere else than the event loop (the worker pool). */
  train: (training: GoalTraining) => Promise<PlaygroundResult>;
  /** Threads training at once, for the wait a refusal announces. */
  threads: number;
  /** Trainings at once, running or waiting; one more is refused (429). */
  capacity?: number;
  limit?: { limit: number; windowMs: number };
  consume?: (db: Db, limit: RateLimit) => Promise<RateLimitResult>;
  cacheEntries?: number;
  now?: () => number;
}

/**
 * Grades answers, sending the trainings that playground goals need to the pool: one training per
 * distinct set-up (finished ones are cached, identical concurrent ones share one), a bounded
 * number at once (more is a 429, never a queue that grows), and a limited number per client
 * address over time (429 too). Everything else is graded at once, as `gradeAnswer` does.
 */
export class GoalGrader {
  readonly #train: GoalGraderOptions["train"];
  readonly #threads: number;
  readonly #capacity: number;
  readonly #limit: { limit: number; windowMs: number };
  readonly #consume: NonNullable<GoalGraderOptions["consume"]>;
  readonly #now: () => number;
  readonly #done: LRUCache<string, PlaygroundResult>;
  readonly #inFlight = new Map<string, Promise<PlaygroundResult>>();
  /** Client address → when the rate limit lets it train again (ms since the epoch). */
  readonly #refusedUntil = new LRUCache<string, number>({ max: REFUSED_ENTRIES });
  #running = 0;
  /** How long one training takes on a thread, smoothed (ms): for the wait a full pool announces. */
  #trainingMs = 200;
  /** Trainings started here (cache misses), for tests and the benchmark. */
  trainings = 0;

  constructor(options: GoalGraderOptions) {
    this.#train = options.train;
    this.#threads = Math.max(1, options.threads);
    this.#capacity = options.capacity ?? this.#threads * (1 + QUEUED_PER_THREAD);
    this.#limit = options.limit ?? GRADING_LIMIT;
    this.#consume = options.consume ?? consumeRateLimit;
    this.#now = options.now ?? Date.now;
    this.#done = new LRUCache({ max: options.cacheEntries ?? CACHE_ENTRIES });
  }

  /** Trainings running or waiting for a thread now. */
  get busy(): number {
    return this.#running;
  }

  async grade(exercise: Exercise, answer: Answer, context: GradeContext): Promise<GradeResult> {
    const plan = planGrade(exercise, answer);
    if ("graded" in plan) return plan.graded;
    const key = goalTrainingKey(exercise.id, plan.training);
    const run = await this.#trained(key, plan.training, context);
    return gradeGoalRun(plan.exercise, run);
  }

  /**
   * Whether answering this takes a training that is not cached or under way: what a batch
   * (the merge) counts against its own bound before grading any of it.
   */
  needsTraining(exercise: Exercise, answer: Answer): string | undefined {
    const plan = planGrade(exercise, answer);
    if ("graded" in plan) return undefined;
    const key = goalTrainingKey(exercise.id, plan.training);
    return this.#known(key) ? undefined : key;
  }

  async #trained(
    key: string,
    training: GoalTraining,
    { client, db }: GradeContext,
  ): Promise<PlaygroundResult> {
    const known = this.#known(key);
    if (known) return known;
    this.#checkRefused(client);
    this.#checkCapacity();
    if (db) {
      const counted = await this.#consume(db, {
        ...this.#limit,
        bucket: GRADING_LIMIT.bucket,
        key: client,
      });
      if (!counted.allowed) {
        this.#refusedUntil.set(client, this.#now() + counted.retryAfterMs);
        throw this.#rateLimited(counted.retryAfterMs);
      }
      // Someone may have started (or finished) the same training while this one was counted.
      const meanwhile = this.#known(key);
      if (meanwhile) return meanwhile;
      this.#checkCapacity();
    }
    return this.#start(key, training);
  }

  #known(key: string): Promise<PlaygroundResult> | undefined {
    const done = this.#done.get(key);
    if (done) return Promise.resolve(done);
    return this.#inFlight.get(key);
  }

  #start(key: string, training: GoalTraining): Promise<PlaygroundResult> {
    // The trainings ahead of this one share the threads: it waits for about ahead/threads of
    // them before its own runs, so its time is split over that many rounds.
    const rounds = 1 + this.#running / this.#threads;
    this.#running += 1;
    this.trainings += 1;
    const started = this.#now();
    const promise = this.#train(training)
      .then((run) => {
        this.#done.set(key, run);
        const took = Math.max(1, this.#now() - started);
        this.#trainingMs = 0.8 * this.#trainingMs + 0.2 * (took / rounds);
        return run;
      })
      .finally(() => {
        this.#running -= 1;
        this.#inFlight.delete(key);
      });
    this.#inFlight.set(key, promise);
    return promise;
  }

  #checkRefused(client: string): void {
    const until = this.#refusedUntil.get(client);
    if (until === undefined) return;
    const left = until - this.#now();
    if (left > 0) throw this.#rateLimited(left);
    this.#refusedUntil.delete(client);
  }

  #checkCapacity(): void {
    if (this.#running < this.#capacity) return;
    // The time the trainings ahead take on the threads there are (the queue only ever drains).
    const seconds = Math.max(
      1,
      Math.ceil((this.#running * this.#trainingMs) / this.#threads / 1000),
    );
    throw new RetryLaterError("grading_busy", seconds);
  }

  #rateLimited(retryAfterMs: number): RetryLaterError {
    const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    return new RetryLaterError("grading_rate_limited", seconds);
  }
}
