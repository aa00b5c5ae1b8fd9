import { describe, expect, it } from "vitest";
import {
  emptyProgress,
  markMerged,
  MAX_ATTEMPTS,
  parseProgress,
  unmerged,
  withAttempt,
  withLesson,
  withoutMerged,
  type AttemptRecord,
} from "./progress-store";
import { exerciseStatus, lessonSummary, viewOfBrowser } from "./progress-view";

let n = 0;
function attempt(exerciseId: string, correct: boolean, lesson = "a-single-neuron"): AttemptRecord {
  n += 1;
  const id = `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
  return {
    id,
    exerciseId,
    lesson,
    correct,
    at: new Date(2026, 0, 1, 0, 0, n).toISOString(),
    answer: { kind: "numeric", value: n },
  };
}

describe("the browser's progress record", () => {
  it("reads back what it wrote", () => {
    const progress = withLesson(withAttempt(emptyProgress(), attempt("q1", true)), "intro", {
      completedAt: new Date().toISOString(),
    });
    expect(parseProgress(JSON.stringify(progress))).toEqual(progress);
  });

  it("starts fresh from a missing, damaged or foreign value instead of failing", () => {
    for (const raw of [
      null,
      "",
      "{",
      "[]",
      '{"version":2,"attempts":[],"lessons":{}}',
      '{"version":1,"attempts":[{"id":"x"}],"lessons":{}}',
      '{"version":1,"attempts":[],"lessons":{"intro":{"completedAt":"yesterday"}}}',
      '{"version":1,"attempts":[],"lessons":{"intro":{"position":{"anchor":"","at":"2026-01-01T00:00:00.000Z"}}}}',
      '{"version":1,"attempts":[{"id":"00000000-0000-4000-8000-000000000001","exerciseId":"q","lesson":"l","correct":"yes","at":"2026-01-01T00:00:00.000Z","answer":1}],"lessons":{}}',
    ]) {
      expect(parseProgress(raw)).toEqual(emptyProgress());
    }
  });

  it("keeps every sound entry of a record and drops only the damaged ones", () => {
    const good = attempt("q1", true);
    const at = new Date().toISOString();
    const raw = JSON.stringify({
      version: 1,
      attempts: [good, { ...good, id: "not-a-uuid" }],
      lessons: { intro: { completedAt: at }, broken: { completedAt: 5 } },
    });
    expect(parseProgress(raw)).toEqual({
      version: 1,
      attempts: [good],
      lessons: { intro: { completedAt: at } },
    });
  });

  it("records an attempt once, however often the same id arrives", () => {
    const first = attempt("q1", false);
    const once = withAttempt(emptyProgress(), first);
    expect(withAttempt(once, first)).toBe(once);
    expect(once.attempts).toHaveLength(1);
  });

  it("keeps the newest attempts when the cap is reached", () => {
    let progress = emptyProgress();
    for (let i = 0; i < MAX_ATTEMPTS + 5; i++)
      progress = withAttempt(progress, attempt(`q${i}`, true));
    expect(progress.attempts).toHaveLength(MAX_ATTEMPTS);
    expect(progress.attempts[0]?.exerciseId).toBe("q5");
  });

  it("says whether an exercise is solved, even when a later answer was wrong", () => {
    let progress = withAttempt(emptyProgress(), attempt("q1", false));
    expect(exerciseStatus(viewOfBrowser(progress), "q1")).toEqual({
      lesson: "a-single-neuron",
      attempts: 1,
      solved: false,
      pending: 0,
    });
    progress = withAttempt(progress, attempt("q1", true));
    progress = withAttempt(progress, attempt("q1", false));
    expect(exerciseStatus(viewOfBrowser(progress), "q1")).toMatchObject({
      attempts: 3,
      solved: true,
    });
    expect(exerciseStatus(viewOfBrowser(progress), "q2")).toBeUndefined();
  });

  it("sums a lesson up: solved exercises, started, done", () => {
    let progress = emptyProgress();
    expect(lessonSummary(viewOfBrowser(progress), "intro", ["a", "b", "c"])).toEqual({
      solved: 0,
      total: 3,
      completed: false,
      started: false,
    });
    progress = withAttempt(progress, attempt("a", true, "intro"));
    progress = withAttempt(progress, attempt("b", false, "intro"));
    expect(lessonSummary(viewOfBrowser(progress), "intro", ["a", "b", "c"])).toEqual({
      solved: 1,
      total: 3,
      completed: false,
      started: true,
    });
    progress = withLesson(progress, "intro", { completedAt: new Date().toISOString() });
    expect(lessonSummary(viewOfBrowser(progress), "intro", ["a", "b", "c"]).completed).toBe(true);
  });

  it("updates one lesson without touching the rest of its record", () => {
    const at = new Date().toISOString();
    let progress = withLesson(emptyProgress(), "intro", { position: { anchor: "knobs", at } });
    progress = withLesson(progress, "intro", { completedAt: at });
    expect(progress.lessons.intro).toEqual({ position: { anchor: "knobs", at }, completedAt: at });
  });

  it("marks what an account acknowledged as merged; a lesson changed meanwhile goes next time", () => {
    const at = "2026-01-01T00:00:00.000Z";
    const a = attempt("q1", true);
    const b = attempt("q2", false);
    let progress = withAttempt(withAttempt(emptyProgress(), a), b);
    progress = withLesson(progress, "intro", { completedAt: at });
    progress = withLesson(progress, "loss", { position: { anchor: "x", at } });
    const sent = unmerged(progress);
    expect(sent.attempts).toEqual([a, b]);

    // While the merge was on its way, the learner read on in "loss".
    progress = withLesson(progress, "loss", { position: { anchor: "y", at } });
    progress = markMerged(progress, { attemptIds: [a.id], lessons: sent.lessons });
    expect(unmerged(progress)).toEqual({
      attempts: [b],
      lessons: { loss: { position: { anchor: "y", at } } },
    });
    // Merged entries stay in the browser (and read back), until the account is deleted.
    expect(parseProgress(JSON.stringify(progress))).toEqual(progress);
    expect(withoutMerged(progress)).toEqual({
      version: 1,
      attempts: [b],
      lessons: { loss: { position: { anchor: "y", at } } },
    });
    // A merged lesson changed later is unmerged again.
    progress = withLesson(progress, "intro", { position: { anchor: "z", at } });
    expect(Object.keys(unmerged(progress).lessons)).toEqual(["intro", "loss"]);
  });
});
