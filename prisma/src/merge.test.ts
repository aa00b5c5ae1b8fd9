import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mergeAnonymousProgress, planMerge, type AnonymousProgress } from "./merge.ts";
import {
  listAttempts,
  listLessonProgress,
  recordAttempt,
  upsertLessonProgress,
} from "./progress.ts";
import { countRows, createTestDb, type TestDb } from "./testing/test-db.ts";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 9, minute));
const NOW = at(59);

async function newUser(email: string) {
  return (await t.db.user.create({ data: { email }, select: { id: true } })).id;
}

describe("mergeAnonymousProgress", () => {
  it("adds the browser's progress to the account's, loses nothing from either side, and a second run changes nothing", async () => {
    const userId = await newUser("merge@example.com");
    // Already in the account: one attempt, lesson "loss" read up to "b" at minute 20, lesson
    // "neuron" completed at minute 10.
    const stored = randomUUID();
    await recordAttempt(t.db, {
      id: stored,
      userId,
      exerciseId: "loss-1",
      lessonSlug: "loss",
      answer: { choice: 2 },
      correct: true,
      createdAt: at(1),
    });
    await upsertLessonProgress(t.db, userId, "loss", { position: { anchor: "b", at: at(20) } });
    await upsertLessonProgress(t.db, userId, "neuron", { completedAt: at(10) });

    const fresh = [randomUUID(), randomUUID()];
    const browser: AnonymousProgress = {
      attempts: [
        // The same attempt, already moved in by an earlier sign-in that was cut short.
        {
          id: stored,
          exerciseId: "loss-1",
          lessonSlug: "loss",
          answer: { choice: 2 },
          correct: true,
          createdAt: at(1),
        },
        ...fresh.map((id, i) => ({
          id,
          exerciseId: `neuron-${i}`,
          lessonSlug: "neuron",
          answer: { value: i },
          correct: i === 0,
          createdAt: at(2 + i),
        })),
      ],
      lessons: {
        // Older position than the account's: the account's stays. Completion is new: it is added.
        loss: { completedAt: at(30), position: { anchor: "a", at: at(15) } },
        // Later completion than the account's: the earlier one stays. Newer position: it is taken.
        neuron: { completedAt: at(40), position: { anchor: "end", at: at(41) } },
        // Only in the browser.
        activations: { position: { anchor: "relu", at: at(5) } },
      },
    };

    const first = await mergeAnonymousProgress(t.db, userId, browser, NOW);
    expect(first).toEqual({ attemptsAdded: 2, attemptsSkipped: 1, lessonsChanged: 3 });

    const attempts = await listAttempts(t.db, userId);
    expect(attempts.map((a) => a.id).sort()).toEqual([stored, ...fresh].sort());
    const lessons = await listLessonProgress(t.db, userId);
    expect(
      lessons.map((l) => [l.lessonSlug, l.completedAt, l.positionAnchor, l.positionAt]),
    ).toEqual([
      ["activations", null, "relu", at(5)],
      ["loss", at(30), "b", at(20)],
      ["neuron", at(10), "end", at(41)],
    ]);

    const rowsBefore = await countRows(t.db);
    const snapshot = { attempts, lessons };
    const second = await mergeAnonymousProgress(t.db, userId, browser, at(59));
    expect(second).toEqual({ attemptsAdded: 0, attemptsSkipped: 3, lessonsChanged: 0 });
    expect(await countRows(t.db)).toEqual(rowsBefore);
    expect({
      attempts: await listAttempts(t.db, userId),
      lessons: await listLessonProgress(t.db, userId),
    }).toEqual(snapshot);
  });

  it("never takes over another learner's attempt that has the same id", async () => {
    const owner = await newUser("owner@example.com");
    const other = await newUser("other@example.com");
    const id = randomUUID();
    await recordAttempt(t.db, {
      id,
      userId: owner,
      exerciseId: "e",
      lessonSlug: "l",
      answer: 1,
      correct: true,
    });
    const result = await mergeAnonymousProgress(
      t.db,
      other,
      {
        attempts: [
          { id, exerciseId: "e", lessonSlug: "l", answer: 2, correct: false, createdAt: at(1) },
        ],
        lessons: {},
      },
      NOW,
    );
    expect(result).toEqual({ attemptsAdded: 0, attemptsSkipped: 1, lessonsChanged: 0 });
    expect(await listAttempts(t.db, other)).toEqual([]);
    expect((await listAttempts(t.db, owner)).map((a) => a.answer)).toEqual([1]);
  });

  it("gives the same result when two sign-ins merge the same progress at once", async () => {
    const userId = await newUser("twice@example.com");
    const browser: AnonymousProgress = {
      attempts: Array.from({ length: 20 }, (_, i) => ({
        id: randomUUID(),
        exerciseId: `e${i}`,
        lessonSlug: "l",
        answer: i,
        correct: i % 2 === 0,
        createdAt: at(i),
      })),
      lessons: { l: { completedAt: at(30), position: { anchor: "x", at: at(31) } } },
    };
    const results = await Promise.all([
      mergeAnonymousProgress(t.db, userId, browser, NOW),
      mergeAnonymousProgress(t.db, userId, browser, NOW),
    ]);
    expect(results.reduce((n, r) => n + r.attemptsAdded, 0)).toBe(20);
    expect(await listAttempts(t.db, userId)).toHaveLength(20);
    expect(await listLessonProgress(t.db, userId)).toMatchObject([
      { lessonSlug: "l", completedAt: at(30), positionAnchor: "x", positionAt: at(31) },
    ]);
  });
});

describe("planMerge (no database)", () => {
  it("moves dates from a clock that runs ahead back to now, and keeps the first of repeated attempts", () => {
    const id = randomUUID();
    const future = new Date(NOW.getTime() + 86_400_000);
    const plan = planMerge(
      {
        attempts: [
          { id, exerciseId: "e", lessonSlug: "l", answer: 1, correct: true, createdAt: future },
          { id, exerciseId: "e", lessonSlug: "l", answer: 2, correct: false, createdAt: at(1) },
        ],
        lessons: { l: { completedAt: future, position: { anchor: "a", at: future } } },
      },
      NOW,
    );
    expect(plan.attempts).toEqual([
      { id, exerciseId: "e", lessonSlug: "l", answer: 1, correct: true, createdAt: NOW },
    ]);
    expect(plan.lessons).toEqual({ l: { completedAt: NOW, position: { anchor: "a", at: NOW } } });
  });

  it("drops lessons with nothing in them", () => {
    expect(planMerge({ attempts: [], lessons: { empty: {} } }, NOW)).toEqual({
      attempts: [],
      lessons: {},
    });
  });
});
