import { describe, expect, it } from "vitest";
import type { ClassActivity, LearnerExercise } from "@neuronlab/db/class-activity";
import {
  classView,
  displayName,
  STUCK_INACTIVE_DAYS,
  STUCK_WRONG_ANSWERS,
  type CourseShape,
  type LearnerRow,
} from "./class-view";

const at = (iso: string) => new Date(iso);

const course: CourseShape[] = [
  { slug: "l1", exercises: ["e1a", "e1b", "e1c"] },
  { slug: "l2", exercises: ["e2a", "e2b"] },
  { slug: "l3", exercises: ["e3a", "e3b"] },
];

/** Friday 20 March 2026, noon UTC. */
const now = at("2026-03-20T12:00:00.000Z");

const assignments = [
  {
    kind: "LESSON" as const,
    lessonSlug: "l1",
    target: "l1",
    dueAt: at("2026-03-25T22:59:59.999Z"),
  },
  {
    kind: "LESSON" as const,
    lessonSlug: "l2",
    target: "l2",
    dueAt: at("2026-03-27T22:59:59.999Z"),
  },
  // Already past: nobody is stuck on it any more.
  {
    kind: "LESSON" as const,
    lessonSlug: "l3",
    target: "l3",
    dueAt: at("2026-03-15T22:59:59.999Z"),
  },
];

function answered(
  userId: string,
  exerciseId: string,
  lessonSlug: string,
  row: Omit<LearnerExercise, "userId" | "exerciseId" | "lessonSlug" | "lastAt"> & {
    lastAt: string;
  },
): LearnerExercise {
  return { userId, exerciseId, lessonSlug, ...row, lastAt: at(row.lastAt) };
}

/**
 * Ada: finished l1, quiet in l2 for exactly 7 days with 4 wrong answers on e2a.
 * Bo (no name): no progress rows, only answers; 5 wrong on e1b (unsolved), 6 wrong on e3a
 *   (solved; recorded under an old lesson slug), one answer to an exercise the course no longer
 *   has; last seen exactly 6 days ago.
 * Cy (blank name): joined 19 days ago, never did anything.
 * Dee: finished l1 and l2 yesterday, opened l3 without answering.
 */
const activity: ClassActivity = {
  learners: [
    {
      id: "u-ada",
      name: "Ada Lovelace",
      email: "ada@example.org",
      joinedAt: at("2026-02-01T08:00:00.000Z"),
    },
    { id: "u-bo", name: null, email: "bo@example.org", joinedAt: at("2026-02-01T09:00:00.000Z") },
    { id: "u-cy", name: "   ", email: "cy@example.org", joinedAt: at("2026-03-01T09:00:00.000Z") },
    {
      id: "u-dee",
      name: " Dee ",
      email: "dee@example.org",
      joinedAt: at("2026-03-02T09:00:00.000Z"),
    },
  ],
  lessons: [
    {
      userId: "u-ada",
      lessonSlug: "l1",
      completedAt: at("2026-03-10T10:00:00.000Z"),
      updatedAt: at("2026-03-10T10:00:00.000Z"),
    },
    {
      userId: "u-ada",
      lessonSlug: "l2",
      completedAt: null,
      updatedAt: at("2026-03-13T12:00:00.000Z"),
    },
    {
      userId: "u-dee",
      lessonSlug: "l1",
      completedAt: at("2026-03-19T10:00:00.000Z"),
      updatedAt: at("2026-03-19T10:00:00.000Z"),
    },
    {
      userId: "u-dee",
      lessonSlug: "l2",
      completedAt: at("2026-03-19T11:00:00.000Z"),
      updatedAt: at("2026-03-19T11:30:00.000Z"),
    },
    {
      userId: "u-dee",
      lessonSlug: "l3",
      completedAt: null,
      updatedAt: at("2026-03-19T12:00:00.000Z"),
    },
  ],
  exercises: [
    answered("u-ada", "e1a", "l1", {
      attempts: 1,
      wrong: 0,
      solved: true,
      firstCorrect: true,
      lastAt: "2026-03-10T09:50:00.000Z",
    }),
    answered("u-ada", "e1b", "l1", {
      attempts: 3,
      wrong: 2,
      solved: true,
      firstCorrect: false,
      lastAt: "2026-03-10T09:55:00.000Z",
    }),
    answered("u-ada", "e1c", "l1", {
      attempts: 1,
      wrong: 0,
      solved: true,
      firstCorrect: true,
      lastAt: "2026-03-10T09:58:00.000Z",
    }),
    answered("u-ada", "e2a", "l2", {
      attempts: 4,
      wrong: 4,
      solved: false,
      firstCorrect: false,
      lastAt: "2026-03-13T11:30:00.000Z",
    }),
    answered("u-bo", "e1a", "l1", {
      attempts: 2,
      wrong: 1,
      solved: true,
      firstCorrect: false,
      lastAt: "2026-03-14T11:00:00.000Z",
    }),
    answered("u-bo", "e1b", "l1", {
      attempts: 5,
      wrong: 5,
      solved: false,
      firstCorrect: false,
      lastAt: "2026-03-14T12:00:00.000Z",
    }),
    answered("u-bo", "e1-retired", "l1", {
      attempts: 1,
      wrong: 0,
      solved: true,
      firstCorrect: true,
      lastAt: "2026-03-11T00:00:00.000Z",
    }),
    answered("u-bo", "e3a", "l3-draft", {
      attempts: 7,
      wrong: 6,
      solved: true,
      firstCorrect: false,
      lastAt: "2026-03-12T00:00:00.000Z",
    }),
    answered("u-dee", "e1a", "l1", {
      attempts: 1,
      wrong: 0,
      solved: true,
      firstCorrect: true,
      lastAt: "2026-03-19T09:00:00.000Z",
    }),
    answered("u-dee", "e1b", "l1", {
      attempts: 2,
      wrong: 1,
      solved: true,
      firstCorrect: false,
      lastAt: "2026-03-19T09:10:00.000Z",
    }),
    answered("u-dee", "e1c", "l1", {
      attempts: 1,
      wrong: 0,
      solved: true,
      firstCorrect: true,
      lastAt: "2026-03-19T09:20:00.000Z",
    }),
    answered("u-dee", "e2a", "l2", {
      attempts: 1,
      wrong: 0,
      solved: true,
      firstCorrect: true,
      lastAt: "2026-03-19T10:40:00.000Z",
    }),
    answered("u-dee", "e2b", "l2", {
      attempts: 2,
      wrong: 1,
      solved: true,
      firstCorrect: false,
      // After the lesson's own updatedAt (11:30): the later of the two counts.
      lastAt: "2026-03-19T11:45:00.000Z",
    }),
  ],
  wrongAnswers: [
    { exerciseId: "e1b", answer: '"4"', count: 4 },
    { exerciseId: "e1b", answer: '"5"', count: 3 },
    { exerciseId: "e2a", answer: "12", count: 4 },
    { exerciseId: "e3a", answer: '"x"', count: 6 },
    { exerciseId: "gone", answer: "1", count: 9 },
  ],
};

function learner(view: ReturnType<typeof classView>, id: string): LearnerRow {
  const row = view.learners.find((l) => l.id === id);
  if (!row) throw new Error(`no learner ${id}`);
  return row;
}

describe("classView: learners × lessons", () => {
  const view = classView(course, activity, assignments, now);

  it("keeps the learners in the order given, with their display names and join dates", () => {
    expect(view.learners.map((l) => [l.id, l.displayName, l.joinedAt])).toEqual([
      ["u-ada", "Ada Lovelace", at("2026-02-01T08:00:00.000Z")],
      ["u-bo", "bo@example.org", at("2026-02-01T09:00:00.000Z")],
      ["u-cy", "cy@example.org", at("2026-03-01T09:00:00.000Z")],
      ["u-dee", "Dee", at("2026-03-02T09:00:00.000Z")],
    ]);
  });

  it("Ada: l1 done, l2 in progress from its progress row, l3 not started", () => {
    const ada = learner(view, "u-ada");
    expect(ada.lessons).toEqual({
      l1: {
        state: "done",
        solved: 3,
        total: 3,
        attempts: 5,
        // The progress row (10:00) is later than her last answer there (09:58).
        lastActivity: at("2026-03-10T10:00:00.000Z"),
      },
      l2: {
        state: "in_progress",
        solved: 0,
        total: 2,
        attempts: 4,
        lastActivity: at("2026-03-13T12:00:00.000Z"),
      },
      l3: { state: "not_started", solved: 0, total: 2, attempts: 0, lastActivity: null },
    });
    expect(ada.lessonsDone).toBe(1);
    expect(ada.solved).toBe(3);
    expect(ada.lastActivity).toEqual(at("2026-03-13T12:00:00.000Z"));
  });

  it("Bo: in progress from answers alone; a retired exercise is not solved in the lesson", () => {
    const bo = learner(view, "u-bo");
    expect(bo.lessons).toEqual({
      l1: {
        state: "in_progress",
        // e1a only: e1-retired is answered right but no longer in the lesson.
        solved: 1,
        total: 3,
        // 2 (e1a) + 5 (e1b) + 1 (e1-retired, given in l1)
        attempts: 8,
        lastActivity: at("2026-03-14T12:00:00.000Z"),
      },
      l2: { state: "not_started", solved: 0, total: 2, attempts: 0, lastActivity: null },
      l3: {
        // e3a was recorded under "l3-draft"; the course says it belongs to l3.
        state: "in_progress",
        solved: 1,
        total: 2,
        attempts: 7,
        lastActivity: at("2026-03-12T00:00:00.000Z"),
      },
    });
    expect(bo.lessonsDone).toBe(0);
    expect(bo.solved).toBe(2);
    expect(bo.lastActivity).toEqual(at("2026-03-14T12:00:00.000Z"));
  });

  it("Cy: nothing started, no last activity", () => {
    const cy = learner(view, "u-cy");
    expect(cy.lessons).toEqual({
      l1: { state: "not_started", solved: 0, total: 3, attempts: 0, lastActivity: null },
      l2: { state: "not_started", solved: 0, total: 2, attempts: 0, lastActivity: null },
      l3: { state: "not_started", solved: 0, total: 2, attempts: 0, lastActivity: null },
    });
    expect(cy.lessonsDone).toBe(0);
    expect(cy.solved).toBe(0);
    expect(cy.lastActivity).toBeNull();
  });

  it("Dee: two lessons done, one opened without answers; last answer later than progress", () => {
    const dee = learner(view, "u-dee");
    expect(dee.lessons).toEqual({
      l1: {
        state: "done",
        solved: 3,
        total: 3,
        attempts: 4,
        lastActivity: at("2026-03-19T10:00:00.000Z"),
      },
      l2: {
        state: "done",
        solved: 2,
        total: 2,
        attempts: 3,
        // e2b's last answer (11:45) is after the lesson row's updatedAt (11:30).
        lastActivity: at("2026-03-19T11:45:00.000Z"),
      },
      l3: {
        state: "in_progress",
        solved: 0,
        total: 2,
        attempts: 0,
        lastActivity: at("2026-03-19T12:00:00.000Z"),
      },
    });
    expect(dee.lessonsDone).toBe(2);
    expect(dee.solved).toBe(5);
    expect(dee.lastActivity).toEqual(at("2026-03-19T12:00:00.000Z"));
  });

  it("flags exactly who may be stuck, and why", () => {
    expect(Object.fromEntries(view.learners.map((l) => [l.id, l.stuck]))).toEqual({
      // Quiet exactly 7 days; l1 is done and l3's due date has passed, so only l2 is listed.
      // Her 4 wrong answers on e2a are one short of the threshold.
      "u-ada": [{ kind: "inactive", lessonSlug: "l2", dueAt: at("2026-03-27T22:59:59.999Z") }],
      // 5 wrong on unsolved e1b; 6 wrong on e3a do not count, she solved it; 6 days quiet is fine.
      "u-bo": [{ kind: "many_wrong", exerciseId: "e1b", wrong: 5 }],
      // Never active: quiet since joining 19 days ago, both open assignments are listed.
      "u-cy": [
        { kind: "inactive", lessonSlug: "l1", dueAt: at("2026-03-25T22:59:59.999Z") },
        { kind: "inactive", lessonSlug: "l2", dueAt: at("2026-03-27T22:59:59.999Z") },
      ],
      "u-dee": [],
    });
  });
});

describe("classView: per exercise", () => {
  const view = classView(course, activity, assignments, now);

  it("lists the course's exercises in order, with their lessons; unknown ones are left out", () => {
    expect(view.exercises.map((e) => [e.exerciseId, e.lessonSlug])).toEqual([
      ["e1a", "l1"],
      ["e1b", "l1"],
      ["e1c", "l1"],
      ["e2a", "l2"],
      ["e2b", "l2"],
      ["e3a", "l3"],
      ["e3b", "l3"],
    ]);
  });

  it("counts tried, solved, first-try share, attempts and the wrong answers", () => {
    const stats = Object.fromEntries(
      view.exercises.map((e) => [
        e.exerciseId,
        {
          tried: e.tried,
          solved: e.solved,
          firstTryShare: e.firstTryShare,
          attempts: e.attempts,
          wrongAnswers: e.wrongAnswers,
        },
      ]),
    );
    expect(stats).toEqual({
      // Ada right first, Bo wrong first, Dee right first.
      e1a: { tried: 3, solved: 3, firstTryShare: 2 / 3, attempts: 4, wrongAnswers: [] },
      e1b: {
        tried: 3,
        solved: 2,
        firstTryShare: 0,
        attempts: 10,
        wrongAnswers: [
          { answer: '"4"', count: 4 },
          { answer: '"5"', count: 3 },
        ],
      },
      e1c: { tried: 2, solved: 2, firstTryShare: 1, attempts: 2, wrongAnswers: [] },
      e2a: {
        tried: 2,
        solved: 1,
        firstTryShare: 0.5,
        attempts: 5,
        wrongAnswers: [{ answer: "12", count: 4 }],
      },
      e2b: { tried: 1, solved: 1, firstTryShare: 0, attempts: 2, wrongAnswers: [] },
      e3a: {
        tried: 1,
        solved: 1,
        firstTryShare: 0,
        attempts: 7,
        wrongAnswers: [{ answer: '"x"', count: 6 }],
      },
      e3b: { tried: 0, solved: 0, firstTryShare: null, attempts: 0, wrongAnswers: [] },
    });
  });
});

describe("classView: stuck", () => {
  const DAY = 24 * 60 * 60 * 1000;
  const shape: CourseShape[] = [{ slug: "a", exercises: ["x", "y"] }];
  const dueSoon = [{ lessonSlug: "a", dueAt: at("2026-03-25T23:00:00.000Z") }];

  function one(
    exercises: Omit<LearnerExercise, "userId" | "lessonSlug">[],
    options: {
      joinedAt?: Date;
      completedAt?: Date | null;
      updatedAt?: Date;
      assignments?: { lessonSlug: string; dueAt: Date | null }[];
    } = {},
  ): LearnerRow {
    const lessons =
      options.updatedAt === undefined
        ? []
        : [
            {
              userId: "u",
              lessonSlug: "a",
              completedAt: options.completedAt ?? null,
              updatedAt: options.updatedAt,
            },
          ];
    const view = classView(
      shape,
      {
        learners: [
          {
            id: "u",
            name: "U",
            email: "u@example.org",
            joinedAt: options.joinedAt ?? at("2026-01-01T00:00:00.000Z"),
          },
        ],
        lessons,
        exercises: exercises.map((e) => ({ ...e, userId: "u", lessonSlug: "a" })),
        wrongAnswers: [],
      },
      (options.assignments ?? []).map((a) => ({
        kind: "LESSON" as const,
        target: a.lessonSlug,
        ...a,
      })),
      now,
    );
    return learner(view, "u");
  }

  const wrongOn = (exerciseId: string, wrong: number, solved: boolean) => ({
    exerciseId,
    attempts: wrong + (solved ? 1 : 0),
    wrong,
    solved,
    firstCorrect: false,
    lastAt: at("2026-03-20T11:00:00.000Z"),
  });

  it("uses thresholds of 5 wrong answers and 7 quiet days", () => {
    expect(STUCK_WRONG_ANSWERS).toBe(5);
    expect(STUCK_INACTIVE_DAYS).toBe(7);
  });

  it("flags an unsolved exercise exactly at the threshold of wrong answers", () => {
    expect(one([wrongOn("x", 5, false)]).stuck).toEqual([
      { kind: "many_wrong", exerciseId: "x", wrong: 5 },
    ]);
  });

  it("does not flag one wrong answer below the threshold", () => {
    expect(one([wrongOn("x", 4, false)]).stuck).toEqual([]);
  });

  it("does not flag a solved exercise, however many wrong answers it took", () => {
    expect(one([wrongOn("x", 12, true)]).stuck).toEqual([]);
  });

  it("lists every unsolved exercise past the threshold", () => {
    expect(one([wrongOn("x", 6, false), wrongOn("y", 9, false)]).stuck).toEqual([
      { kind: "many_wrong", exerciseId: "x", wrong: 6 },
      { kind: "many_wrong", exerciseId: "y", wrong: 9 },
    ]);
  });

  it("flags 7 quiet days while an assignment due later is not done", () => {
    const quiet = new Date(now.getTime() - 7 * DAY);
    expect(one([], { updatedAt: quiet, assignments: dueSoon }).stuck).toEqual([
      { kind: "inactive", lessonSlug: "a", dueAt: at("2026-03-25T23:00:00.000Z") },
    ]);
  });

  it("does not flag quiet days when the assigned lesson is done", () => {
    const quiet = new Date(now.getTime() - 10 * DAY);
    expect(one([], { updatedAt: quiet, completedAt: quiet, assignments: dueSoon }).stuck).toEqual(
      [],
    );
  });

  it("does not flag quiet days when the due date has passed, or there is none", () => {
    const quiet = new Date(now.getTime() - 10 * DAY);
    expect(
      one([], {
        updatedAt: quiet,
        assignments: [
          { lessonSlug: "a", dueAt: at("2026-03-19T23:00:00.000Z") },
          { lessonSlug: "a", dueAt: null },
        ],
      }).stuck,
    ).toEqual([]);
  });

  it("does not flag 6 quiet days, nor a millisecond short of 7", () => {
    const sixDays = new Date(now.getTime() - 6 * DAY);
    expect(one([], { updatedAt: sixDays, assignments: dueSoon }).stuck).toEqual([]);
    const almost = new Date(now.getTime() - 7 * DAY + 1);
    expect(one([], { updatedAt: almost, assignments: dueSoon }).stuck).toEqual([]);
  });

  it("counts a recent answer as activity even when the lesson row is old", () => {
    const old = new Date(now.getTime() - 30 * DAY);
    const recent = { ...wrongOn("x", 1, false), lastAt: new Date(now.getTime() - 2 * DAY) };
    expect(one([recent], { updatedAt: old, assignments: dueSoon }).stuck).toEqual([]);
  });

  it("measures a learner who never did anything from when they joined", () => {
    expect(
      one([], { joinedAt: new Date(now.getTime() - 8 * DAY), assignments: dueSoon }).stuck,
    ).toEqual([{ kind: "inactive", lessonSlug: "a", dueAt: at("2026-03-25T23:00:00.000Z") }]);
    expect(
      one([], { joinedAt: new Date(now.getTime() - 3 * DAY), assignments: dueSoon }).stuck,
    ).toEqual([]);
  });

  it("gives both reasons when both apply", () => {
    const old = { ...wrongOn("y", 5, false), lastAt: new Date(now.getTime() - 9 * DAY) };
    expect(one([old], { assignments: dueSoon }).stuck).toEqual([
      { kind: "many_wrong", exerciseId: "y", wrong: 5 },
      { kind: "inactive", lessonSlug: "a", dueAt: at("2026-03-25T23:00:00.000Z") },
    ]);
  });
});

describe("displayName", () => {
  it("uses the chosen name, trimmed", () => {
    expect(displayName({ name: "Zoë Brandt", email: "zoe@example.org" })).toBe("Zoë Brandt");
    expect(displayName({ name: "  Zoë  ", email: "zoe@example.org" })).toBe("Zoë");
  });

  it("falls back to the address for a missing, empty or blank name", () => {
    expect(displayName({ name: null, email: "zoe@example.org" })).toBe("zoe@example.org");
    expect(displayName({ name: "", email: "zoe@example.org" })).toBe("zoe@example.org");
    expect(displayName({ name: " \t\n ", email: "zoe@example.org" })).toBe("zoe@example.org");
  });
});
