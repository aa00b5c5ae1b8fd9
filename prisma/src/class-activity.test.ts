import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  classActivity,
  learnerAttemptsForTeacher,
  type LearnerExercise,
} from "./class-activity.ts";
import { createTestDb, type TestDb } from "./testing/test-db.ts";

let t: TestDb;

/** 9:mm on 1 March 2026 (UTC). */
const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 9, minute));

const EX1 = "a-single-neuron-ex1";
const EX2 = "a-single-neuron-ex2";
const INTRO1 = "introduction-ex1";
const LESSON_OF: Record<string, string> = {
  [EX1]: "a-single-neuron",
  [EX2]: "a-single-neuron",
  [INTRO1]: "introduction",
  "why-deep-works-ex1": "why-deep-works",
};

interface Seeded {
  teacher: string;
  coTeacher: string;
  otherTeacher: string;
  ana: string;
  ben: string;
  cleo: string;
  dan: string;
  eve: string;
  cohort: string;
  otherCohort: string;
}
let s: Seeded;
/** Each learner's name by id, to read results by name. */
const nameOf = new Map<string, string>();

/** [exerciseId, answer, correct, minute] */
type Answer = [string, number, boolean, number];

async function answers(userId: string, list: Answer[]) {
  // One row at a time, in the order given: insertion order is not createdAt order on purpose.
  for (const [exerciseId, v, correct, minute] of list) {
    await t.db.exerciseAttempt.create({
      data: {
        id: randomUUID(),
        userId,
        exerciseId,
        lessonSlug: LESSON_OF[exerciseId] ?? "unknown",
        answer: { v },
        correct,
        createdAt: at(minute),
      },
      select: { id: true },
    });
  }
}

beforeAll(async () => {
  t = await createTestDb();
  const make = async (name: string, role: "LEARNER" | "EDUCATOR" = "LEARNER") => {
    const user = await t.db.user.create({
      data: { email: `${name}@example.com`, name, role },
      select: { id: true },
    });
    nameOf.set(user.id, name);
    return user.id;
  };
  const teacher = await make("teacher", "EDUCATOR");
  const coTeacher = await make("co-teacher", "EDUCATOR");
  const otherTeacher = await make("other-teacher", "EDUCATOR");
  const [ana, ben, cleo, dan, eve] = [
    await make("ana"),
    await make("ben"),
    await make("cleo"),
    await make("dan"),
    await make("eve"),
  ];

  const cohort = await t.db.cohort.create({
    data: {
      name: "Class",
      joinCode: "AAAA-BBBB",
      ownerId: teacher,
      teachers: { create: [{ userId: teacher }, { userId: coTeacher }] },
      memberships: {
        create: [
          { userId: ben, joinedAt: at(3) },
          { userId: ana, joinedAt: at(2) },
          { userId: cleo, joinedAt: at(1) },
        ],
      },
    },
    select: { id: true },
  });
  // Dan is in another teacher's cohort; Eve is in none. Neither may show up in Class.
  const otherCohort = await t.db.cohort.create({
    data: {
      name: "Other class",
      joinCode: "CCCC-DDDD",
      ownerId: otherTeacher,
      teachers: { create: { userId: otherTeacher } },
      memberships: { create: { userId: dan } },
    },
    select: { id: true },
  });

  await answers(ana, [
    [EX1, 3, true, 30],
    [EX1, 1, false, 10],
    [EX1, 4, false, 20],
    [EX1, 4, false, 25],
    [EX2, 7, true, 12],
  ]);
  await answers(ben, [
    [EX1, 1, false, 41],
    [EX1, 3, true, 40],
    [EX1, 4, false, 42],
    [EX1, 2, false, 43],
    [EX1, 5, false, 44],
    [INTRO1, 9, false, 5],
    [INTRO1, 9, false, 6],
  ]);
  // Outsiders: had they been counted, {"v": 5} would be EX1's most given wrong answer.
  await answers(dan, [
    [EX1, 5, false, 1],
    [EX1, 5, false, 2],
    [EX1, 5, false, 3],
    [INTRO1, 0, true, 0],
  ]);
  await answers(eve, [
    [EX1, 5, false, 4],
    [EX1, 5, false, 5],
    [EX1, 5, false, 6],
    ["why-deep-works-ex1", 0, false, 7],
  ]);

  await t.db.lessonProgress.createMany({
    data: [
      {
        userId: ana,
        lessonSlug: "a-single-neuron",
        completedAt: at(31),
        positionAnchor: "end",
        positionAt: at(31),
        updatedAt: at(32),
      },
      {
        userId: ana,
        lessonSlug: "introduction",
        positionAnchor: "intro",
        positionAt: at(8),
        updatedAt: at(8),
      },
      { userId: ben, lessonSlug: "introduction", updatedAt: at(7) },
      { userId: dan, lessonSlug: "a-single-neuron", completedAt: at(50), updatedAt: at(50) },
      { userId: eve, lessonSlug: "summary", completedAt: at(51), updatedAt: at(51) },
    ],
  });

  s = {
    teacher,
    coTeacher,
    otherTeacher,
    ana,
    ben,
    cleo,
    dan,
    eve,
    cohort: cohort.id,
    otherCohort: otherCohort.id,
  };
});
afterAll(() => t.close());

const byName = (rows: { userId: string }[]) => rows.map((r) => nameOf.get(r.userId) ?? r.userId);

function exerciseRows(rows: LearnerExercise[]) {
  return rows
    .map((r) => ({ ...r, learner: nameOf.get(r.userId) ?? r.userId }))
    .sort((a, b) => `${a.learner} ${a.exerciseId}`.localeCompare(`${b.learner} ${b.exerciseId}`))
    .map(({ learner, exerciseId, lessonSlug, attempts, wrong, solved, firstCorrect, lastAt }) => ({
      learner,
      exerciseId,
      lessonSlug,
      attempts,
      wrong,
      solved,
      firstCorrect,
      lastAt,
    }));
}

describe("classActivity", () => {
  it("lists the cohort's learners in the order they joined", async () => {
    const activity = await classActivity(t.db, s.teacher, s.cohort);
    expect(activity?.learners).toEqual([
      { id: s.cleo, name: "cleo", email: "cleo@example.com", joinedAt: at(1) },
      { id: s.ana, name: "ana", email: "ana@example.com", joinedAt: at(2) },
      { id: s.ben, name: "ben", email: "ben@example.com", joinedAt: at(3) },
    ]);
  });

  it("sums each member's attempts per exercise, first answer by time, and nobody else's", async () => {
    const activity = await classActivity(t.db, s.teacher, s.cohort);
    if (!activity) throw new Error("no activity");
    expect(activity.exercises).toHaveLength(4);
    expect(exerciseRows(activity.exercises)).toEqual([
      {
        learner: "ana",
        exerciseId: EX1,
        lessonSlug: "a-single-neuron",
        attempts: 4,
        wrong: 3,
        solved: true,
        // Stored first, but answered last: the first answer (9:10) was wrong.
        firstCorrect: false,
        lastAt: at(30),
      },
      {
        learner: "ana",
        exerciseId: EX2,
        lessonSlug: "a-single-neuron",
        attempts: 1,
        wrong: 0,
        solved: true,
        firstCorrect: true,
        lastAt: at(12),
      },
      {
        learner: "ben",
        exerciseId: EX1,
        lessonSlug: "a-single-neuron",
        attempts: 5,
        wrong: 4,
        solved: true,
        // Stored second, but answered first (9:40), and right.
        firstCorrect: true,
        lastAt: at(44),
      },
      {
        learner: "ben",
        exerciseId: INTRO1,
        lessonSlug: "introduction",
        attempts: 2,
        wrong: 2,
        solved: false,
        firstCorrect: false,
        lastAt: at(6),
      },
    ]);
    // The types the dashboard relies on, not strings or bigints.
    const [row] = activity.exercises;
    expect(typeof row?.attempts).toBe("number");
    expect(typeof row?.wrong).toBe("number");
    expect(typeof row?.solved).toBe("boolean");
    expect(typeof row?.firstCorrect).toBe("boolean");
    expect(row?.lastAt).toBeInstanceOf(Date);
  });

  it("gives the three most given wrong answers per exercise, most given first", async () => {
    const activity = await classActivity(t.db, s.teacher, s.cohort);
    expect(activity?.wrongAnswers).toEqual([
      { exerciseId: EX1, answer: '{"v": 4}', count: 3 },
      { exerciseId: EX1, answer: '{"v": 1}', count: 2 },
      // {"v": 2} and {"v": 5} were each given once by members: the tie goes by answer text.
      { exerciseId: EX1, answer: '{"v": 2}', count: 1 },
      { exerciseId: INTRO1, answer: '{"v": 9}', count: 2 },
    ]);
  });

  it("gives the members' lesson progress and nobody else's", async () => {
    const activity = await classActivity(t.db, s.teacher, s.cohort);
    const lessons = [...(activity?.lessons ?? [])]
      .map((l) => ({ ...l, learner: nameOf.get(l.userId) }))
      .sort((a, b) =>
        `${a.learner ?? ""} ${a.lessonSlug}`.localeCompare(`${b.learner ?? ""} ${b.lessonSlug}`),
      );
    expect(lessons).toEqual([
      {
        learner: "ana",
        userId: s.ana,
        lessonSlug: "a-single-neuron",
        completedAt: at(31),
        updatedAt: at(32),
      },
      {
        learner: "ana",
        userId: s.ana,
        lessonSlug: "introduction",
        completedAt: null,
        updatedAt: at(8),
      },
      {
        learner: "ben",
        userId: s.ben,
        lessonSlug: "introduction",
        completedAt: null,
        updatedAt: at(7),
      },
    ]);
  });

  it("shows the same to every teacher of the cohort, archived or not", async () => {
    const mine = await classActivity(t.db, s.teacher, s.cohort);
    const theirs = await classActivity(t.db, s.coTeacher, s.cohort);
    expect(theirs?.learners).toEqual(mine?.learners);
    expect(exerciseRows(theirs?.exercises ?? [])).toEqual(exerciseRows(mine?.exercises ?? []));
    expect(theirs?.wrongAnswers).toEqual(mine?.wrongAnswers);
    await t.db.cohort.update({ where: { id: s.cohort }, data: { archivedAt: at(59) } });
    try {
      const archived = await classActivity(t.db, s.teacher, s.cohort);
      expect(archived?.learners).toEqual(mine?.learners);
      expect(archived?.exercises).toHaveLength(4);
    } finally {
      await t.db.cohort.update({ where: { id: s.cohort }, data: { archivedAt: null } });
    }
  });

  it("is null for anyone who does not teach the cohort", async () => {
    for (const outsider of [s.otherTeacher, s.ana, s.dan, s.eve]) {
      expect(await classActivity(t.db, outsider, s.cohort), nameOf.get(outsider)).toBeNull();
    }
    expect(await classActivity(t.db, s.teacher, s.otherCohort)).toBeNull();
    expect(await classActivity(t.db, s.teacher, "no-such-cohort")).toBeNull();
  });

  it("reads the other cohort for its own teacher, with only its own member", async () => {
    const other = await classActivity(t.db, s.otherTeacher, s.otherCohort);
    expect(other?.learners.map((l) => l.name)).toEqual(["dan"]);
    expect(byName(other?.exercises ?? []).sort()).toEqual(["dan", "dan"]);
    expect(other?.wrongAnswers).toEqual([{ exerciseId: EX1, answer: '{"v": 5}', count: 3 }]);
    expect(byName(other?.lessons ?? [])).toEqual(["dan"]);
  });

  it("is empty, not null, for a cohort without learners", async () => {
    const empty = await t.db.cohort.create({
      data: {
        name: "Empty",
        joinCode: "EEEE-FFFF",
        ownerId: s.teacher,
        teachers: { create: { userId: s.teacher } },
      },
      select: { id: true },
    });
    expect(await classActivity(t.db, s.teacher, empty.id)).toEqual({
      learners: [],
      lessons: [],
      exercises: [],
      wrongAnswers: [],
    });
  });
});

describe("learnerAttemptsForTeacher", () => {
  it("gives a teacher the learner's answers, newest first, and lessons", async () => {
    const result = await learnerAttemptsForTeacher(t.db, s.coTeacher, s.cohort, s.ana);
    expect(result?.learner).toEqual({
      id: s.ana,
      name: "ana",
      email: "ana@example.com",
      joinedAt: at(2),
    });
    expect(
      result?.attempts.map((a) => [a.exerciseId, a.lessonSlug, a.answer, a.correct, a.createdAt]),
    ).toEqual([
      [EX1, "a-single-neuron", { v: 3 }, true, at(30)],
      [EX1, "a-single-neuron", { v: 4 }, false, at(25)],
      [EX1, "a-single-neuron", { v: 4 }, false, at(20)],
      [EX2, "a-single-neuron", { v: 7 }, true, at(12)],
      [EX1, "a-single-neuron", { v: 1 }, false, at(10)],
    ]);
    expect(
      [...(result?.lessons ?? [])].sort((a, b) => a.lessonSlug.localeCompare(b.lessonSlug)),
    ).toEqual([
      { lessonSlug: "a-single-neuron", completedAt: at(31), updatedAt: at(32) },
      { lessonSlug: "introduction", completedAt: null, updatedAt: at(8) },
    ]);
  });

  it("gives a learner with no answers an empty list", async () => {
    const result = await learnerAttemptsForTeacher(t.db, s.teacher, s.cohort, s.cleo);
    expect(result).toMatchObject({ learner: { id: s.cleo }, attempts: [], lessons: [] });
  });

  it("is null unless the teacher teaches the learner in that cohort", async () => {
    const refused: [string, string, string][] = [
      // A teacher of another cohort, about a learner of this one.
      [s.otherTeacher, s.cohort, s.ana],
      [s.otherTeacher, s.otherCohort, s.ana],
      // This cohort's teacher, about learners who are not in it.
      [s.teacher, s.cohort, s.dan],
      [s.teacher, s.cohort, s.eve],
      [s.teacher, s.otherCohort, s.dan],
      // The teacher of Ana's cohort, naming a cohort they do not teach.
      [s.teacher, s.otherCohort, s.ana],
      // A learner of the cohort, about a classmate.
      [s.ben, s.cohort, s.ana],
      // Nobody at all.
      [s.teacher, s.cohort, "no-such-user"],
    ];
    for (const [teacher, cohort, learner] of refused) {
      expect(
        await learnerAttemptsForTeacher(t.db, teacher, cohort, learner),
        `${nameOf.get(teacher) ?? teacher} / ${nameOf.get(learner) ?? learner}`,
      ).toBeNull();
    }
    expect(
      await learnerAttemptsForTeacher(t.db, s.otherTeacher, s.otherCohort, s.dan),
    ).not.toBeNull();
  });
});
