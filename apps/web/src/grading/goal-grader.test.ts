import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import { findExercise } from "@neuronlab/content/exercises/catalog";
import { trainGoal, type GoalTraining } from "@neuronlab/content/exercises/goal";
import { gradeAnswer } from "@neuronlab/content/exercises/grade";
import type { Answer, Exercise } from "@neuronlab/content/exercises/schema";
import { refusal } from "@/http/testing";
import { GoalGrader } from "./goal-grader";
import { createGradingPool, defaultThreads, MAX_THREADS } from "./pool";
import { gradingErrorResponse, RetryLaterError, THROTTLE_HEADER } from "@/http/retry-later";

// `server-only` refuses to load outside a React server build; these tests are the server.
vi.mock("server-only", () => ({}));
const { postAttempt } = await import("@/progress/progress-api");

const GOAL = "deep-circle-goal";
const exercise = findExercise(GOAL)?.exercise as Exercise;
const answer = (config: Record<string, unknown>): Answer => ({ kind: "goal", config });
const anonymous = { client: "10.0.0.1" };

/** A grader that trains on this thread and counts its trainings. */
function countingGrader(options: Partial<ConstructorParameters<typeof GoalGrader>[0]> = {}) {
  const trained: GoalTraining[] = [];
  const grader = new GoalGrader({
    threads: 1,
    train: (training) => {
      trained.push(training);
      return Promise.resolve(trainGoal(training));
    },
    ...options,
  });
  return { grader, trained };
}

/** Trainings that finish only when the test says so. */
function heldTrainings() {
  const waiting: (() => void)[] = [];
  const train = (training: GoalTraining) =>
    new Promise<ReturnType<typeof trainGoal>>((resolve) => {
      waiting.push(() => {
        resolve(trainGoal(training));
      });
    });
  return {
    train,
    releaseAll: () => {
      waiting.splice(0).forEach((release) => {
        release();
      });
    },
  };
}

describe("the worker pool", () => {
  const pool = createGradingPool({ threads: 1 });
  afterAll(() => pool.close());

  it("grades a goal answer on a worker thread, exactly as inline grading does", async () => {
    const grader = new GoalGrader({ threads: pool.threads, train: (t) => pool.train(t) });
    for (const config of [{ hiddenLayers: [4] }, { hiddenLayers: [1] }]) {
      const inWorker = await grader.grade(exercise, answer(config), anonymous);
      expect(inWorker).toEqual(gradeAnswer(exercise, answer(config)));
    }
    expect((await grader.grade(exercise, answer({ hiddenLayers: [4] }), anonymous)).correct).toBe(
      true,
    );
    // Two trainings, both by the pool's worker (the third answer was the first one again).
    expect(pool.completed).toBe(2);
    expect(grader.trainings).toBe(2);
  });

  it("is small: one thread per spare core, at least one, at most a few", () => {
    expect(defaultThreads(1)).toBe(1);
    expect(defaultThreads(2)).toBe(1);
    expect(defaultThreads(4)).toBe(3);
    expect(defaultThreads(64)).toBe(MAX_THREADS);
  });
});

describe("the grading cache", () => {
  it("answers a set-up it has trained without training it again", async () => {
    const { grader, trained } = countingGrader();
    const first = await grader.grade(exercise, answer({ hiddenLayers: [3], seed: 7 }), anonymous);
    // The same set-up: view-only fields and the order of the features do not matter.
    const again = await grader.grade(
      exercise,
      answer({ hiddenLayers: [3], seed: 7, discretize: true, features: ["x2", "x1"] }),
      { client: "10.0.0.2" },
    );
    expect(again).toEqual(first);
    expect(trained).toHaveLength(1);
    // Another seed is another training.
    await grader.grade(exercise, answer({ hiddenLayers: [3], seed: 8 }), anonymous);
    expect(trained).toHaveLength(2);
  });

  it("lets identical concurrent answers share one training", async () => {
    const held = heldTrainings();
    const { grader, trained } = countingGrader({
      train: (training) => {
        trained.push(training);
        return held.train(training);
      },
    });
    const grading = Array.from({ length: 5 }, () =>
      grader.grade(exercise, answer({ hiddenLayers: [4], seed: 3 }), anonymous),
    );
    await vi.waitFor(() => {
      expect(trained).toHaveLength(1);
    });
    held.releaseAll();
    const results = await Promise.all(grading);
    expect(new Set(results.map((r) => JSON.stringify(r))).size).toBe(1);
    expect(trained).toHaveLength(1);
  });
});

describe("the goal's limits", () => {
  it("grades a set-up with more hidden neurons than the goal allows wrong, without training", async () => {
    const { grader, trained } = countingGrader();
    const result = await grader.grade(
      exercise,
      answer({ hiddenLayers: [8, 8, 8, 8, 8, 8], batchSize: 100 }),
      anonymous,
    );
    expect(result.correct).toBe(false);
    expect(result.feedback).toEqual({ key: "tooManyNeurons", values: { neurons: 48, limit: 4 } });
    expect(trained).toHaveLength(0);
  });

  it("grades an invalid set-up wrong, without training", async () => {
    const { grader, trained } = countingGrader();
    const result = await grader.grade(exercise, answer({ batchSize: 10_000 }), anonymous);
    expect(result.correct).toBe(false);
    expect(result.feedback).toEqual({ key: "setupInvalid" });
    expect(trained).toHaveLength(0);
  });
});

describe("the bounded queue", () => {
  it("announces the wait from the time a training takes on a thread, not its time in the queue", async () => {
    let clock = 0;
    const waiting: (() => void)[] = [];
    const grader = new GoalGrader({
      threads: 1,
      capacity: 10,
      now: () => clock,
      train: (training) =>
        new Promise((resolve) => {
          waiting.push(() => {
            resolve(trainGoal(training));
          });
        }),
    });
    // Ten trainings queued at once on one thread, each taking one second of it: the last has
    // waited nine seconds for the others.
    const queued = Array.from({ length: 10 }, (_, seed) =>
      grader.grade(exercise, answer({ hiddenLayers: [4], seed }), anonymous),
    );
    for (let n = 0; n < 10; n++) {
      await Promise.resolve();
      clock += 1000;
      waiting.shift()?.();
      await queued[n];
    }
    const more = Array.from({ length: 10 }, (_, seed) =>
      grader.grade(exercise, answer({ hiddenLayers: [4], seed: 100 + seed }), anonymous),
    );
    const error = await refusal(
      grader.grade(exercise, answer({ hiddenLayers: [4], seed: 999 }), anonymous),
    );
    // Ten trainings ahead at about a second each: about ten seconds, not minutes.
    if (!(error instanceof RetryLaterError)) throw new Error("expected a RetryLaterError");
    const seconds = error.retryAfterSeconds;
    expect(seconds).toBeGreaterThanOrEqual(8);
    expect(seconds).toBeLessThanOrEqual(12);
    waiting.splice(0).forEach((release) => {
      release();
    });
    await Promise.all(more);
  });

  it("refuses a training beyond its capacity with a 429 and Retry-After, never a longer queue", async () => {
    const held = heldTrainings();
    const grader = new GoalGrader({ threads: 1, capacity: 2, train: held.train });
    const running = [1, 2].map((seed) =>
      grader.grade(exercise, answer({ hiddenLayers: [4], seed }), anonymous),
    );
    expect(grader.busy).toBe(2);

    const error = await refusal(
      grader.grade(exercise, answer({ hiddenLayers: [4], seed: 3 }), anonymous),
    );
    expect(error).toBeInstanceOf(RetryLaterError);
    expect(error).toMatchObject({ status: 429, code: "grading_busy" });
    const response = await gradingErrorResponse(error, "en");
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("Retry-After"))).toBeGreaterThanOrEqual(1);
    // The server turns this client away until then (src/http/front-door.ts).
    expect(response.headers.get(THROTTLE_HEADER)).toBe("grading_busy");
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(
      /Send yours again in/,
    );

    // An answer already being trained waits for it instead; answers that need none pass.
    const shared = grader.grade(exercise, answer({ hiddenLayers: [4], seed: 1 }), anonymous);
    const tooBig = await grader.grade(exercise, answer({ hiddenLayers: [8] }), anonymous);
    expect(tooBig.correct).toBe(false);
    held.releaseAll();
    await Promise.all([...running, shared]);
    expect(grader.busy).toBe(0);
    // Room again once the pool has drained.
    const later = grader.grade(exercise, answer({ hiddenLayers: [4], seed: 3 }), anonymous);
    held.releaseAll();
    await expect(later).resolves.toMatchObject({ exerciseId: GOAL });
  });

  it("answers an anonymous attempt with 429 when the pool is full (no database)", async () => {
    const held = heldTrainings();
    const grader = new GoalGrader({ threads: 1, capacity: 1, train: held.train });
    const post = (seed: number) =>
      postAttempt(
        GOAL,
        new Request(`http://localhost/api/exercises/${GOAL}/attempts`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ attemptId: randomUUID(), answer: answer({ seed }) }),
        }),
        null,
        undefined,
        new Date(),
        grader,
      );
    const first = post(1);
    expect(await refusal(post(2))).toMatchObject({ status: 429, code: "grading_busy" });
    held.releaseAll();
    await expect(first).resolves.toMatchObject({ exerciseId: GOAL, saved: false });
  });
});
