import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  listAttempts,
  progressSummary,
  recordAttempt,
  summariseProgress,
  upsertLessonProgress,
  type AttemptInput,
} from "./progress.ts";
import { createTestDb, type TestDb } from "./testing/test-db.ts";

let t: TestDb;
let ana: string;
let ben: string;

beforeAll(async () => {
  t = await createTestDb();
  const users = await Promise.all(
    ["ana@example.com", "ben@example.com"].map((email) =>
      t.db.user.create({ data: { email }, select: { id: true } }),
    ),
  );
  [ana, ben] = users.map((u) => u.id) as [string, string];
});
afterAll(() => t.close());

const attempt = (userId: string, over: Partial<AttemptInput> = {}): AttemptInput => ({
  id: randomUUID(),
  userId,
  exerciseId: "neuron-1",
  lessonSlug: "the-neuron",
  answer: { value: 0.5 },
  correct: true,
  ...over,
});

describe("recordAttempt", () => {
  it("stores 50 concurrent submissions of one attempt once", async () => {
    const input = attempt(ana);
    const results = await Promise.all(Array.from({ length: 50 }, () => recordAttempt(t.db, input)));

    expect(results.filter((r) => r.status === "created")).toHaveLength(1);
    expect(results.filter((r) => r.status === "duplicate")).toHaveLength(49);
    expect(await t.db.exerciseAttempt.count({ where: { id: input.id } })).toBe(1);
    for (const r of results) {
      expect(r.status === "conflict" ? null : r.attempt).toMatchObject({
        id: input.id,
        exerciseId: "neuron-1",
        answer: { value: 0.5 },
        correct: true,
      });
    }
  });

  it("keeps the first stored attempt when a retry carries other content", async () => {
    const input = attempt(ana, { correct: false, answer: { value: 1 } });
    await recordAttempt(t.db, input);
    const again = await recordAttempt(t.db, { ...input, correct: true, answer: { value: 2 } });
    expect(again).toMatchObject({
      status: "duplicate",
      attempt: { correct: false, answer: { value: 1 } },
    });
  });

  it("refuses an id that is another learner's attempt, and shows nothing of it", async () => {
    const mine = attempt(ana);
    await recordAttempt(t.db, mine);
    const theirs = await recordAttempt(t.db, { ...mine, userId: ben, answer: { value: 9 } });
    expect(theirs).toEqual({ status: "conflict" });
    expect(await listAttempts(t.db, ben)).toEqual([]);
    const stored = await t.db.exerciseAttempt.findUniqueOrThrow({
      where: { id: mine.id },
      select: { userId: true, answer: true },
    });
    expect(stored).toEqual({ userId: ana, answer: { value: 0.5 } });
  });

  it("refuses an attempt for a user that does not exist, and stores nothing", async () => {
    await expect(recordAttempt(t.db, attempt("no-such-user"))).rejects.toThrow();
  });
});

describe("listAttempts", () => {
  it("lists one learner's attempts oldest first, per lesson when asked", async () => {
    const user = await t.db.user.create({
      data: { email: "list@example.com" },
      select: { id: true },
    });
    const times = [3, 1, 2].map((m) => new Date(Date.UTC(2026, 0, 1, 10, m)));
    for (const [i, createdAt] of times.entries()) {
      await recordAttempt(
        t.db,
        attempt(user.id, { createdAt, lessonSlug: i === 0 ? "loss" : "the-neuron" }),
      );
    }
    const all = await listAttempts(t.db, user.id);
    expect(all.map((a) => a.createdAt.toISOString())).toEqual([
      "2026-01-01T10:01:00.000Z",
      "2026-01-01T10:02:00.000Z",
      "2026-01-01T10:03:00.000Z",
    ]);
    expect(await listAttempts(t.db, user.id, { lessonSlug: "loss" })).toHaveLength(1);
  });
});

describe("upsertLessonProgress", () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 12, minute));

  it("keeps the earliest completion and the newest position, whatever the order", async () => {
    const user = await t.db.user.create({
      data: { email: "up@example.com" },
      select: { id: true },
    });
    await upsertLessonProgress(t.db, user.id, "loss", { position: { anchor: "b", at: at(5) } });
    await upsertLessonProgress(t.db, user.id, "loss", { position: { anchor: "a", at: at(3) } });
    await upsertLessonProgress(t.db, user.id, "loss", { completedAt: at(10) });
    const row = await upsertLessonProgress(t.db, user.id, "loss", { completedAt: at(20) });
    expect(row).toMatchObject({
      lessonSlug: "loss",
      completedAt: at(10),
      positionAnchor: "b",
      positionAt: at(5),
    });
  });

  it("leaves the row, updatedAt included, as it was when nothing moves forward", async () => {
    const user = await t.db.user.create({
      data: { email: "same@example.com" },
      select: { id: true },
    });
    const first = await upsertLessonProgress(
      t.db,
      user.id,
      "loss",
      { completedAt: at(1), position: { anchor: "x", at: at(2) } },
      at(2),
    );
    const second = await upsertLessonProgress(
      t.db,
      user.id,
      "loss",
      { completedAt: at(9), position: { anchor: "y", at: at(1) } },
      at(30),
    );
    expect(second).toEqual(first);
  });

  it("records concurrent writes without losing the completion or the newest position", async () => {
    const user = await t.db.user.create({
      data: { email: "race@example.com" },
      select: { id: true },
    });
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        upsertLessonProgress(t.db, user.id, "race", {
          position: { anchor: `h${i}`, at: at(i) },
          ...(i === 7 ? { completedAt: at(7) } : {}),
        }),
      ),
    );
    const [row] = await t.db.lessonProgress.findMany({
      where: { userId: user.id },
      select: { completedAt: true, positionAnchor: true, positionAt: true },
    });
    expect(row).toEqual({ completedAt: at(7), positionAnchor: "h19", positionAt: at(19) });
  });
});

describe("progressSummary", () => {
  it("sums attempts per exercise and counts completed lessons", async () => {
    const user = await t.db.user.create({
      data: { email: "sum@example.com" },
      select: { id: true },
    });
    await recordAttempt(t.db, attempt(user.id, { exerciseId: "e1", correct: false }));
    await recordAttempt(t.db, attempt(user.id, { exerciseId: "e1", correct: true }));
    await recordAttempt(t.db, attempt(user.id, { exerciseId: "e2", correct: false }));
    await upsertLessonProgress(t.db, user.id, "the-neuron", { completedAt: new Date() });
    await upsertLessonProgress(t.db, user.id, "loss", {
      position: { anchor: "intro", at: new Date() },
    });

    const summary = await progressSummary(t.db, user.id);
    expect(summary.totals).toEqual({
      lessonsCompleted: 1,
      exercisesAttempted: 2,
      exercisesSolved: 1,
    });
    expect(summary.exercises.map((e) => [e.exerciseId, e.attempts, e.correctAttempts])).toEqual([
      ["e1", 2, 1],
      ["e2", 1, 0],
    ]);
  });
});

describe("summariseProgress (no database)", () => {
  it("folds right and wrong attempts of one exercise into one line", () => {
    const d = (n: number) => new Date(Date.UTC(2026, 0, n));
    const summary = summariseProgress(
      [],
      [
        { exerciseId: "e", lessonSlug: "l", correct: true, count: 2, first: d(3), last: d(5) },
        { exerciseId: "e", lessonSlug: "l", correct: false, count: 3, first: d(1), last: d(4) },
      ],
    );
    expect(summary.exercises).toEqual([
      {
        exerciseId: "e",
        lessonSlug: "l",
        attempts: 5,
        correctAttempts: 2,
        solved: true,
        firstAttemptAt: d(1),
        lastAttemptAt: d(5),
      },
    ]);
    expect(summary.totals).toEqual({
      lessonsCompleted: 0,
      exercisesAttempted: 1,
      exercisesSolved: 1,
    });
  });
});
