import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { trainGoal, type GoalTraining } from "@neuronlab/content/exercises/goal";
import { listAttempts } from "@neuronlab/db/progress";
import { createTestDb, type TestDb } from "../../../../prisma/src/testing/test-db.ts";
import { fromClient, refusal } from "@/http/testing";
import { GoalGrader } from "./goal-grader";
import { gradingErrorResponse } from "@/http/retry-later";

// Each request carries the client address the platform's server would have stamped on it.
// `server-only` refuses to load outside a React server build; these tests are the server.
vi.mock("server-only", () => ({}));
const { postAttempt, postMerge } = await import("@/progress/progress-api");

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
}, 120_000);
afterAll(() => t.close());

const GOAL = "deep-circle-goal";
const LIMIT = 3;

/** A grader that trains on this thread, counts its trainings and allows LIMIT per address. */
function countingGrader() {
  const trained: GoalTraining[] = [];
  const grader = new GoalGrader({
    threads: 1,
    limit: { limit: LIMIT, windowMs: 60_000 },
    train: (training) => {
      trained.push(training);
      return Promise.resolve(trainGoal(training));
    },
  });
  return { grader, trained };
}

function request(url: string, body: unknown, ip: string) {
  return new Request(`http://localhost${url}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...fromClient(ip) },
    body: JSON.stringify(body),
  });
}

const goalAnswer = (seed: number, hiddenLayers = [4]) => ({
  kind: "goal",
  config: { hiddenLayers, seed },
});

describe("the grading rate limit", () => {
  it("refuses an address's trainings past the limit (429, Retry-After), not another address's", async () => {
    const { grader, trained } = countingGrader();
    const post = (ip: string, seed: number, hiddenLayers?: number[]) =>
      postAttempt(
        GOAL,
        request(
          `/api/exercises/${GOAL}/attempts`,
          { attemptId: randomUUID(), answer: goalAnswer(seed, hiddenLayers) },
          ip,
        ),
        null,
        t.db,
        new Date(),
        grader,
      );
    for (let seed = 1; seed <= LIMIT; seed++) {
      await expect(post("10.0.0.1", seed)).resolves.toMatchObject({ exerciseId: GOAL });
    }
    expect(trained).toHaveLength(LIMIT);

    const error = await refusal(post("10.0.0.1", LIMIT + 1));
    expect(error).toMatchObject({ status: 429, code: "grading_rate_limited" });
    const response = await gradingErrorResponse(error, "en");
    expect(Number(response.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(Number(response.headers.get("Retry-After"))).toBeLessThanOrEqual(60);
    expect(trained).toHaveLength(LIMIT);

    // Still refused, and still without a training.
    expect(await refusal(post("10.0.0.1", LIMIT + 2))).toMatchObject({ status: 429 });
    // Answers that need no training are not limited: one already trained, one over the limit.
    await expect(post("10.0.0.1", 1)).resolves.toMatchObject({ exerciseId: GOAL });
    await expect(post("10.0.0.1", 1, [8])).resolves.toMatchObject({ correct: false });
    expect(trained).toHaveLength(LIMIT);

    // Another address has its own allowance.
    await expect(post("10.0.0.2", LIMIT + 1)).resolves.toMatchObject({ exerciseId: GOAL });
    expect(trained).toHaveLength(LIMIT + 1);
  });

  it("grades the merge's playground answers the same way: cached, counted and limited", async () => {
    const { grader, trained } = countingGrader();
    const ana = await t.db.user.create({
      data: { email: `ana-${randomUUID()}@example.com` },
      select: { id: true, email: true },
    });
    const attempt = (seed: number, hiddenLayers?: number[]) => ({
      id: randomUUID(),
      exerciseId: GOAL,
      at: "2026-03-01T09:00:00.000Z",
      answer: goalAnswer(seed, hiddenLayers),
    });
    const merge = (attempts: unknown[], ip: string) =>
      postMerge(
        request("/api/progress/merge", { attempts, lessons: {} }, ip),
        ana,
        t.db,
        new Date(),
        grader,
      );

    // One training per distinct set-up; the one over the neuron limit needs none.
    const sent = [attempt(1), attempt(1), attempt(2, [1]), attempt(3, [8])];
    await expect(merge(sent, "10.0.1.1")).resolves.toMatchObject({ attemptsAdded: 4 });
    expect(trained).toHaveLength(2);
    const stored = new Map((await listAttempts(t.db, ana.id)).map((a) => [a.id, a.correct]));
    expect(sent.map((a) => stored.get(a.id))).toEqual([true, true, false, false]);

    // The attempts route shares the cache: the merged set-up is not trained again.
    await postAttempt(
      GOAL,
      request(
        `/api/exercises/${GOAL}/attempts`,
        { attemptId: randomUUID(), answer: goalAnswer(1) },
        "10.0.1.2",
      ),
      null,
      t.db,
      new Date(),
      grader,
    );
    expect(trained).toHaveLength(2);

    // The merge's trainings count against the address: a third is the last one allowed.
    const refused = await refusal(merge([attempt(4), attempt(5)], "10.0.1.1"));
    expect(refused).toMatchObject({ status: 429, code: "grading_rate_limited" });
    expect(trained).toHaveLength(LIMIT);
  });
});
