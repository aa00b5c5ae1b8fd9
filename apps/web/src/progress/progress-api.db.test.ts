import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { listAttempts, listLessonProgress } from "@neuronlab/db/progress";
import { countRows, createTestDb, type TestDb } from "../../../../prisma/src/testing/test-db.ts";
import { refusal } from "@/http/testing";

// `server-only` refuses to load outside a React server build; these tests are the server.
vi.mock("server-only", () => ({}));

const { getProgress, postAttempt, postMerge, putLessonProgress, MAX_MERGE_BODY_BYTES } =
  await import("./progress-api");
const { MAX_MERGE_TRAININGS } = await import("./progress-schemas");

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
}, 120_000);
afterAll(() => t.close());

let serial = 0;
async function newLearner(name = "learner") {
  const email = `${name}-${++serial}@example.com`;
  return t.db.user.create({ data: { email, name }, select: { id: true, email: true, name: true } });
}

function json(url: string, body: unknown, method = "POST", headers: Record<string, string> = {}) {
  return new Request(`http://localhost${url}`, {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

const attemptUrl = (id: string) => `/api/exercises/${id}/attempts`;
/** neuron-compute-z: z = 0.5·0.6 + (-2)·0.5 + 0 = -0.7. */
const right = { kind: "numeric", value: -0.7 } as const;
const wrong = { kind: "numeric", value: 0.7 } as const;

describe("POST /api/exercises/[id]/attempts", () => {
  it("grades an anonymous attempt without storing anything", async () => {
    const before = await countRows(t.db);
    const result = await postAttempt(
      "neuron-compute-z",
      json(attemptUrl("neuron-compute-z"), { attemptId: randomUUID(), answer: right }),
      null,
      t.db,
    );
    expect(result).toMatchObject({ exerciseId: "neuron-compute-z", correct: true, saved: false });
    expect(await countRows(t.db)).toEqual(before);
  });

  it("stores a signed-in learner's attempt with the server's grade, lesson and answer", async () => {
    const ana = await newLearner("ana");
    const attemptId = randomUUID();
    const result = await postAttempt(
      "neuron-compute-z",
      json(attemptUrl("neuron-compute-z"), { attemptId, answer: wrong }),
      ana,
      t.db,
    );
    expect(result).toMatchObject({ correct: false, saved: true, attemptId });
    expect(await listAttempts(t.db, ana.id)).toEqual([
      expect.objectContaining({
        id: attemptId,
        exerciseId: "neuron-compute-z",
        lessonSlug: "a-single-neuron",
        answer: wrong,
        correct: false,
      }),
    ]);
  });

  it("stores 50 concurrent submissions of one attempt once, and answers each with the same result", async () => {
    const ana = await newLearner("ana");
    const attemptId = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        postAttempt(
          "neuron-compute-z",
          json(attemptUrl("neuron-compute-z"), { attemptId, answer: right }),
          ana,
          t.db,
        ),
      ),
    );
    expect(new Set(results.map((r) => JSON.stringify(r)))).toHaveLength(1);
    expect(results[0]).toMatchObject({ correct: true, saved: true, attemptId });
    const stored = await t.db.exerciseAttempt.count({ where: { id: attemptId } });
    expect(stored).toBe(1);
    expect(await listAttempts(t.db, ana.id)).toHaveLength(1);
  });

  it("keeps an answer sent later (after being offline) at the time it was given, never in the future", async () => {
    const ana = await newLearner("ana");
    const now = new Date("2026-03-01T10:00:00.000Z");
    const earlier = await postAttempt(
      "neuron-compute-z",
      json(attemptUrl("neuron-compute-z"), {
        attemptId: randomUUID(),
        answer: right,
        answeredAt: "2026-03-01T09:00:00.000Z",
      }),
      ana,
      t.db,
      now,
    );
    const future = await postAttempt(
      "neuron-compute-z",
      json(attemptUrl("neuron-compute-z"), {
        attemptId: randomUUID(),
        answer: right,
        answeredAt: "2030-01-01T00:00:00.000Z",
      }),
      ana,
      t.db,
      now,
    );
    const times = (await listAttempts(t.db, ana.id)).map((a) => [a.id, a.createdAt.toISOString()]);
    expect(times).toEqual([
      [earlier.attemptId, "2026-03-01T09:00:00.000Z"],
      [future.attemptId, "2026-03-01T10:00:00.000Z"],
    ]);
  });

  it("refuses another learner's attempt id, and this learner's id for a different answer, changing nothing", async () => {
    const ana = await newLearner("ana");
    const ben = await newLearner("ben");
    const attemptId = randomUUID();
    await postAttempt(
      "neuron-compute-z",
      json(attemptUrl("neuron-compute-z"), { attemptId, answer: wrong }),
      ana,
      t.db,
    );
    const before = await countRows(t.db);
    const stolen = await refusal(
      postAttempt(
        "neuron-compute-z",
        json(attemptUrl("neuron-compute-z"), { attemptId, answer: wrong }),
        ben,
        t.db,
      ),
    );
    expect(stolen).toMatchObject({ status: 409, code: "attempt_id_taken" });
    // Nothing of Ana's attempt comes back to Ben.
    expect(stolen.message).not.toMatch(/0\.7|ana/i);
    const changed = await refusal(
      postAttempt(
        "neuron-compute-z",
        json(attemptUrl("neuron-compute-z"), { attemptId, answer: right }),
        ana,
        t.db,
      ),
    );
    expect(changed).toMatchObject({ status: 409 });
    expect(await countRows(t.db)).toEqual(before);
    expect(await listAttempts(t.db, ana.id)).toEqual([
      expect.objectContaining({ id: attemptId, answer: wrong, correct: false }),
    ]);
    expect(await listAttempts(t.db, ben.id)).toEqual([]);
  });

  it.each([
    ["an unknown exercise", "no-such-exercise", { attemptId: randomUUID(), answer: right }, 404],
    ["no attempt id", "neuron-compute-z", { answer: right }, 400],
    [
      "an answer time in the year 0000",
      "neuron-compute-z",
      { attemptId: randomUUID(), answer: right, answeredAt: "0000-01-01T00:00:00.000Z" },
      400,
    ],
    [
      "an attempt id that is not a UUID",
      "neuron-compute-z",
      { attemptId: "1", answer: right },
      400,
    ],
    [
      "a wrong kind of answer",
      "neuron-compute-z",
      { attemptId: randomUUID(), answer: { kind: "predict", selected: "a" } },
      400,
    ],
    [
      "a browser's claim of a grade",
      "neuron-compute-z",
      { attemptId: randomUUID(), answer: right, correct: true },
      400,
    ],
    [
      "a date that is not a date",
      "neuron-compute-z",
      { attemptId: randomUUID(), answer: right, answeredAt: "yesterday" },
      400,
    ],
    ["JSON that is not JSON", "neuron-compute-z", "{", 400],
    [
      "a body too large",
      "neuron-compute-z",
      { attemptId: randomUUID(), answer: right, pad: "x".repeat(9000) },
      413,
    ],
  ])("answers %s with a 4xx and stores nothing", async (_, exerciseId, body, status) => {
    const ana = await newLearner("ana");
    const before = await countRows(t.db);
    const error = await refusal(
      postAttempt(exerciseId, json(attemptUrl(exerciseId), body), ana, t.db),
    );
    expect(error.status).toBe(status);
    expect(error.message.length).toBeGreaterThan(10);
    expect(await countRows(t.db)).toEqual(before);
  });

  it("answers a form post with 415 and stores nothing", async () => {
    const ana = await newLearner("ana");
    const before = await countRows(t.db);
    const error = await refusal(
      postAttempt(
        "neuron-compute-z",
        json(attemptUrl("neuron-compute-z"), "value=1", "POST", {
          "content-type": "application/x-www-form-urlencoded",
        }),
        ana,
        t.db,
      ),
    );
    expect(error.status).toBe(415);
    expect(await countRows(t.db)).toEqual(before);
  });
});

describe("PUT /api/progress/lessons/[slug]", () => {
  const url = (slug: string) => `/api/progress/lessons/${slug}`;
  const put = (
    slug: string,
    body: unknown,
    learner: { id: string; email: string } | null,
    now?: Date,
  ) => putLessonProgress(slug, json(url(slug), body, "PUT"), learner, t.db, now);

  it("records completion and reading position; the earliest completion and the newest position win", async () => {
    const ana = await newLearner("ana");
    const first = await put(
      "a-single-neuron",
      {
        position: { anchor: "step-1-weigh-each-input", at: "2026-03-01T09:10:00.000Z" },
      },
      ana,
    );
    expect(first).toEqual({
      slug: "a-single-neuron",
      completedAt: null,
      position: { anchor: "step-1-weigh-each-input", at: "2026-03-01T09:10:00.000Z" },
    });
    await put("a-single-neuron", { completedAt: "2026-03-01T09:30:00.000Z" }, ana);
    // An older position (a retried write that arrives late) and a later completion change nothing.
    const after = await put(
      "a-single-neuron",
      {
        completedAt: "2026-03-02T09:30:00.000Z",
        position: { anchor: "one-neuron-three-steps", at: "2026-03-01T09:00:00.000Z" },
      },
      ana,
    );
    expect(after).toEqual({
      slug: "a-single-neuron",
      completedAt: "2026-03-01T09:30:00.000Z",
      position: { anchor: "step-1-weigh-each-input", at: "2026-03-01T09:10:00.000Z" },
    });
  });

  it("moves a time in the future back to now", async () => {
    const ana = await newLearner("ana");
    const now = new Date("2026-03-01T10:00:00.000Z");
    const row = await put("introduction", { completedAt: "2031-01-01T00:00:00.000Z" }, ana, now);
    expect(row.completedAt).toBe("2026-03-01T10:00:00.000Z");
  });

  it("writes only the signed-in learner's own record: another learner's stays as it was", async () => {
    const ana = await newLearner("ana");
    const ben = await newLearner("ben");
    await put("introduction", { completedAt: "2026-03-01T09:00:00.000Z" }, ana);
    const anaBefore = await listLessonProgress(t.db, ana.id);
    await put(
      "introduction",
      {
        completedAt: "2026-01-01T00:00:00.000Z",
        position: { anchor: "a-function-with-knobs", at: "2026-03-01T09:00:00.000Z" },
      },
      ben,
    );
    expect(await listLessonProgress(t.db, ana.id)).toEqual(anaBefore);
    expect(
      (await listLessonProgress(t.db, ben.id)).map((l) => l.completedAt?.toISOString()),
    ).toEqual(["2026-01-01T00:00:00.000Z"]);
  });

  it.each([
    ["nobody signed in", "introduction", { completedAt: "2026-03-01T09:00:00.000Z" }, null, 401],
    [
      "a lesson that does not exist",
      "no-such-lesson",
      { completedAt: "2026-03-01T09:00:00.000Z" },
      "ana",
      404,
    ],
    [
      "an anchor that is not a heading of the lesson",
      "introduction",
      { position: { anchor: "nowhere", at: "2026-03-01T09:00:00.000Z" } },
      "ana",
      400,
    ],
    ["an empty write", "introduction", {}, "ana", 400],
    [
      "a completion in the year 0000",
      "introduction",
      { completedAt: "0000-01-01T00:00:00.000Z" },
      "ana",
      400,
    ],
    [
      "a reading position in the year 1900",
      "introduction",
      { position: { anchor: "x", at: "1900-01-01T00:00:00.000Z" } },
      "ana",
      400,
    ],
    ["a completion that is not a time", "introduction", { completedAt: 5 }, "ana", 400],
    [
      "a field the API does not know",
      "introduction",
      { completedAt: "2026-03-01T09:00:00.000Z", userId: "x" },
      "ana",
      400,
    ],
    ["an array", "introduction", [], "ana", 400],
    [
      "a body too large",
      "introduction",
      { position: { anchor: "x".repeat(3000), at: "2026-03-01T09:00:00.000Z" } },
      "ana",
      413,
    ],
  ])("answers %s with a 4xx and writes nothing", async (_, slug, body, who, status) => {
    const learner = who === null ? null : await newLearner(who);
    const before = await countRows(t.db);
    const error = await refusal(put(slug, body, learner));
    expect(error.status).toBe(status);
    expect(await countRows(t.db)).toEqual(before);
  });
});

describe("GET /api/progress", () => {
  it("sums up the learner's own progress and nobody else's", async () => {
    const ana = await newLearner("ana");
    const ben = await newLearner("ben");
    for (const [learner, answer] of [
      [ana, wrong],
      [ana, right],
      [ben, right],
    ] as const) {
      await postAttempt(
        "neuron-compute-z",
        json(attemptUrl("neuron-compute-z"), { attemptId: randomUUID(), answer }),
        learner,
        t.db,
      );
    }
    await putLessonProgress(
      "introduction",
      json("/x", { completedAt: "2026-03-01T09:00:00.000Z" }, "PUT"),
      ben,
      t.db,
    );
    const mine = await getProgress(ana, t.db);
    expect(mine.user).toEqual({ id: ana.id, email: ana.email, name: "ana" });
    expect(mine.totals).toEqual({ lessonsCompleted: 0, exercisesAttempted: 1, exercisesSolved: 1 });
    expect(mine.exercises).toEqual([
      expect.objectContaining({ exerciseId: "neuron-compute-z", attempts: 2, solved: true }),
    ]);
    expect(mine.lessons).toEqual([]);
    expect(mine.recentAttempts.map((a) => a.correct)).toEqual([true, false]);
    const bens = await getProgress(ben, t.db);
    expect(bens.totals).toEqual({ lessonsCompleted: 1, exercisesAttempted: 1, exercisesSolved: 1 });
    expect(bens.recentAttempts).toHaveLength(1);
  });
});

describe("POST /api/progress/merge", () => {
  const merge = (body: unknown, learner: { id: string; email: string } | null, now?: Date) =>
    postMerge(json("/api/progress/merge", body), learner, t.db, now);

  const record = () => ({
    attempts: [
      {
        id: randomUUID(),
        exerciseId: "neuron-compute-z",
        at: "2026-03-01T09:00:00.000Z",
        answer: wrong,
      },
      {
        id: randomUUID(),
        exerciseId: "neuron-compute-z",
        at: "2026-03-01T09:01:00.000Z",
        answer: right,
      },
      {
        id: randomUUID(),
        exerciseId: "intro-big-picture",
        at: "2026-03-01T09:02:00.000Z",
        answer: { kind: "choice", selected: ["nope"] },
      },
    ],
    lessons: {
      introduction: { completedAt: "2026-03-01T09:05:00.000Z" },
      "a-single-neuron": {
        position: { anchor: "step-1-weigh-each-input", at: "2026-03-01T09:06:00.000Z" },
      },
    },
  });

  it("moves the browser's record into the account once: a second run changes nothing", async () => {
    const ana = await newLearner("ana");
    const sent = record();
    const first = await merge(sent, ana);
    expect(first).toEqual({ attemptsAdded: 3, attemptsSkipped: 0, lessonsChanged: 2, ignored: 0 });
    const rows = await countRows(t.db);
    const attempts = await listAttempts(t.db, ana.id);
    const lessons = await listLessonProgress(t.db, ana.id);

    const second = await merge(sent, ana);
    expect(second).toEqual({ attemptsAdded: 0, attemptsSkipped: 3, lessonsChanged: 0, ignored: 0 });
    expect(await countRows(t.db)).toEqual(rows);
    expect(await listAttempts(t.db, ana.id)).toEqual(attempts);
    expect(await listLessonProgress(t.db, ana.id)).toEqual(lessons);

    // Graded here: the browser's record says nothing about correctness.
    expect(attempts.map((a) => [a.exerciseId, a.correct, a.createdAt.toISOString()])).toEqual([
      ["neuron-compute-z", false, "2026-03-01T09:00:00.000Z"],
      ["neuron-compute-z", true, "2026-03-01T09:01:00.000Z"],
      ["intro-big-picture", false, "2026-03-01T09:02:00.000Z"],
    ]);
    expect(attempts.map((a) => a.lessonSlug)).toEqual([
      "a-single-neuron",
      "a-single-neuron",
      "introduction",
    ]);
  });

  it("never touches another learner's attempts, even when the browser sends their ids", async () => {
    const ana = await newLearner("ana");
    const ben = await newLearner("ben");
    const bens = randomUUID();
    await postAttempt(
      "neuron-compute-z",
      json(attemptUrl("neuron-compute-z"), { attemptId: bens, answer: wrong }),
      ben,
      t.db,
    );
    const benBefore = await listAttempts(t.db, ben.id);
    const result = await merge(
      {
        attempts: [
          {
            id: bens,
            exerciseId: "neuron-compute-z",
            at: "2026-03-01T09:00:00.000Z",
            answer: right,
          },
        ],
        lessons: {},
      },
      ana,
    );
    expect(result).toMatchObject({ attemptsAdded: 0, attemptsSkipped: 1 });
    expect(await listAttempts(t.db, ben.id)).toEqual(benBefore);
    expect(await listAttempts(t.db, ana.id)).toEqual([]);
  });

  it("leaves out, and counts, entries about exercises, lessons or headings the course does not have", async () => {
    const ana = await newLearner("ana");
    const result = await merge(
      {
        attempts: [
          {
            id: randomUUID(),
            exerciseId: "retired-exercise",
            at: "2026-03-01T09:00:00.000Z",
            answer: right,
          },
        ],
        lessons: {
          "retired-lesson": { completedAt: "2026-03-01T09:00:00.000Z" },
          introduction: {
            completedAt: "2026-03-01T09:00:00.000Z",
            position: { anchor: "retired-heading", at: "2026-03-01T09:00:00.000Z" },
          },
        },
      },
      ana,
    );
    expect(result).toEqual({ attemptsAdded: 0, attemptsSkipped: 0, lessonsChanged: 1, ignored: 3 });
    expect(await listLessonProgress(t.db, ana.id)).toEqual([
      expect.objectContaining({ lessonSlug: "introduction", positionAnchor: null }),
    ]);
  });

  it("grades a playground goal again, but only a few per request", async () => {
    const ana = await newLearner("ana");
    const goal = (hiddenLayers: number[], seed = 1) => ({
      id: randomUUID(),
      exerciseId: "deep-circle-goal",
      at: "2026-03-01T09:00:00.000Z",
      answer: { kind: "goal", config: { hiddenLayers, seed } },
    });
    const sent = [goal([4]), goal([4]), goal([1])];
    const ok = await merge({ attempts: sent, lessons: {} }, ana);
    expect(ok.attemptsAdded).toBe(3);
    const stored = new Map((await listAttempts(t.db, ana.id)).map((a) => [a.id, a.correct]));
    expect(sent.map((a) => stored.get(a.id))).toEqual([true, true, false]);

    const before = await countRows(t.db);
    // Distinct set-ups within the goal's limits (each a training); set-ups over the neuron limit
    // are graded without one and do not count.
    const tooMany = Array.from({ length: MAX_MERGE_TRAININGS + 1 }, (_, i) => goal([4], 100 + i));
    const error = await refusal(merge({ attempts: tooMany, lessons: {} }, ana));
    expect(error).toMatchObject({ status: 413, code: "too_many_to_grade" });
    expect(await countRows(t.db)).toEqual(before);
  });

  it.each([
    ["nobody signed in", () => record(), null, 401],
    ["no lessons field", () => ({ attempts: [] }), "ana", 400],
    [
      "an attempt in the year 0000",
      () => ({
        attempts: [{ ...record().attempts[0], at: "0000-01-01T00:00:00.000Z" }],
        lessons: {},
      }),
      "ana",
      400,
    ],
    [
      "a completion in the year 0000",
      () => ({
        attempts: [],
        lessons: { introduction: { completedAt: "0000-01-01T00:00:00.000Z" } },
      }),
      "ana",
      400,
    ],
    [
      "an attempt without an id",
      () => ({
        attempts: [
          { exerciseId: "neuron-compute-z", at: "2026-03-01T09:00:00.000Z", answer: right },
        ],
        lessons: {},
      }),
      "ana",
      400,
    ],
    [
      "an attempt with a grade of its own",
      () => ({ attempts: [{ ...record().attempts[0], correct: true }], lessons: {} }),
      "ana",
      400,
    ],
    [
      "a malformed answer among good ones",
      () => ({
        ...record(),
        attempts: [
          ...record().attempts,
          {
            id: randomUUID(),
            exerciseId: "neuron-compute-z",
            at: "2026-03-01T09:00:00.000Z",
            answer: { kind: "numeric", value: "1" },
          },
        ],
      }),
      "ana",
      400,
    ],
    [
      "a lesson with an unknown field",
      () => ({ attempts: [], lessons: { introduction: { done: true } } }),
      "ana",
      400,
    ],
    [
      "too many attempts",
      () => ({
        attempts: Array.from({ length: 201 }, () => ({
          id: randomUUID(),
          exerciseId: "neuron-compute-z",
          at: "2026-03-01T09:00:00.000Z",
          answer: right,
        })),
        lessons: {},
      }),
      "ana",
      400,
    ],
    [
      "a body too large",
      () => ({ ...record(), pad: "x".repeat(MAX_MERGE_BODY_BYTES) }),
      "ana",
      413,
    ],
  ])("answers %s with a 4xx and writes nothing", async (_, body, who, status) => {
    const learner = who === null ? null : await newLearner(who);
    const before = await countRows(t.db);
    const error = await refusal(merge(body(), learner));
    expect(error.status).toBe(status);
    expect(await countRows(t.db)).toEqual(before);
  });
});
