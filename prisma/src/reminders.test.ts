import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "./client.ts";
import { createCohort, joinCohort, setAssignment, setCohortArchived } from "./cohorts.ts";
import {
  claimReminder,
  claimSummary,
  dueReminders,
  dueSummaries,
  releaseReminder,
  setMailChoices,
  summaryWeek,
} from "./reminders.ts";
import { createTestDb, type TestDb } from "./testing/test-db.ts";

/**
 * Who is due a reminder or a weekly summary, at a moment the test chooses (the clock is an
 * argument, never the machine's), and claims that make each mail once, with several workers.
 */

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

const DAY = 86_400_000;
const at = (day: number, hour = 12) => new Date(Date.UTC(2026, 2, day, hour));

let serial = 0;
async function person(name: string, email?: string) {
  const n = ++serial;
  return t.db.user.create({
    data: { email: email ?? `${name}-${String(n)}@example.com`, name, role: "LEARNER" },
    select: { id: true, email: true },
  });
}

async function educator() {
  const user = await person("teacher");
  await t.db.user.update({ where: { id: user.id }, data: { role: "EDUCATOR" } });
  return user;
}

async function cohortWith(teacherId: string, learners: number, name = "Class") {
  const cohort = await createCohort(t.db, teacherId, {
    name,
    description: null,
    locale: "de",
    timeZone: "Europe/Berlin",
  });
  const members = [];
  for (let i = 0; i < learners; i++) {
    const learner = await person(`learner${String(i)}`);
    expect(await joinCohort(t.db, learner.id, cohort.joinCode)).toMatchObject({ status: "joined" });
    members.push(learner);
  }
  return { cohort, members };
}

type Member = Awaited<ReturnType<typeof person>>;

function only<T>(items: T[]): T {
  const [item] = items;
  if (!item || items.length !== 1) throw new Error(`expected one, got ${String(items.length)}`);
  return item;
}

const forCohort = async (cohortId: string, now: Date) =>
  (await dueReminders(t.db, now)).filter((r) => r.cohort.id === cohortId);

describe("dueReminders", () => {
  it("names each unfinished learner once the due moment is within the cohort's reminder days", async () => {
    const teacher = await educator();
    const { cohort, members } = await cohortWith(teacher.id, 3);
    const dueAt = at(20, 22);
    await setAssignment(t.db, teacher.id, cohort.id, "neurons", dueAt);
    const [done, optedOut, open] = members as [
      (typeof members)[0],
      (typeof members)[0],
      (typeof members)[0],
    ];
    await t.db.lessonProgress.create({
      data: { userId: done.id, lessonSlug: "neurons", completedAt: at(1) },
    });
    await setMailChoices(t.db, optedOut.id, { mailReminders: false, mailSummary: true });

    // Two days before by default: not at three days and one hour, yes at one hour under two days.
    expect(await forCohort(cohort.id, new Date(dueAt.getTime() - 3 * DAY - 3_600_000))).toEqual([]);
    const due = await forCohort(cohort.id, new Date(dueAt.getTime() - 2 * DAY + 3_600_000));
    expect(due).toHaveLength(1);
    expect(due[0]).toMatchObject({
      lessonSlug: "neurons",
      dueAt,
      cohort: { id: cohort.id, timeZone: "Europe/Berlin", locale: "de" },
      learner: { id: open.id, email: open.email },
    });
    // After the due moment: nothing.
    expect(await forCohort(cohort.id, new Date(dueAt.getTime() + 1000))).toEqual([]);
  });

  it("follows the cohort's own reminder days, 0 meaning none", async () => {
    const teacher = await educator();
    const { cohort } = await cohortWith(teacher.id, 1);
    const dueAt = at(25);
    await setAssignment(t.db, teacher.id, cohort.id, "loss", dueAt);
    const fiveDaysBefore = new Date(dueAt.getTime() - 5 * DAY);
    expect(await forCohort(cohort.id, fiveDaysBefore)).toHaveLength(0);
    await t.db.cohort.update({ where: { id: cohort.id }, data: { reminderDays: 7 } });
    expect(await forCohort(cohort.id, fiveDaysBefore)).toHaveLength(1);
    await t.db.cohort.update({ where: { id: cohort.id }, data: { reminderDays: 0 } });
    expect(await forCohort(cohort.id, new Date(dueAt.getTime() - 3_600_000))).toHaveLength(0);
  });

  it("leaves out archived cohorts, pupils without e-mail and assignments without a due date", async () => {
    const teacher = await educator();
    const { cohort } = await cohortWith(teacher.id, 1);
    const pupil = await person("pupil", `pupil-${randomUUID()}@pupils.neuronlab.invalid`);
    await t.db.cohortMembership.create({ data: { cohortId: cohort.id, userId: pupil.id } });
    await setAssignment(t.db, teacher.id, cohort.id, "neurons", at(10));
    await setAssignment(t.db, teacher.id, cohort.id, "loss", null);
    const now = new Date(at(10).getTime() - DAY);
    const due = await forCohort(cohort.id, now);
    expect(due.map((r) => r.learner.id)).not.toContain(pupil.id);
    expect(due.map((r) => r.lessonSlug)).toEqual(["neurons"]);
    await setCohortArchived(t.db, teacher.id, cohort.id, true);
    expect(await forCohort(cohort.id, now)).toEqual([]);
  });

  it("a goal exercise is due until solved; a playground setup has nothing to remind of", async () => {
    const teacher = await educator();
    const { cohort, members } = await cohortWith(teacher.id, 2);
    const [solver, trier] = members as [(typeof members)[0], (typeof members)[0]];
    const dueAt = at(18);
    await setAssignment(
      t.db,
      teacher.id,
      cohort.id,
      { kind: "EXERCISE", lessonSlug: "neurons", exerciseId: "neuron-separate" },
      dueAt,
    );
    await setAssignment(
      t.db,
      teacher.id,
      cohort.id,
      { kind: "PLAYGROUND", lessonSlug: "deep", config: "v1_data-circle", note: "Try it" },
      dueAt,
    );
    // Finishing the lesson is not solving the exercise; a wrong answer is not either.
    await t.db.lessonProgress.create({
      data: { userId: trier.id, lessonSlug: "neurons", completedAt: at(1) },
    });
    await t.db.exerciseAttempt.createMany({
      data: [
        {
          id: randomUUID(),
          userId: solver.id,
          exerciseId: "neuron-separate",
          lessonSlug: "neurons",
          answer: {},
          correct: true,
        },
        {
          id: randomUUID(),
          userId: trier.id,
          exerciseId: "neuron-separate",
          lessonSlug: "neurons",
          answer: {},
          correct: false,
        },
      ],
    });
    const due = await forCohort(cohort.id, new Date(dueAt.getTime() - DAY));
    expect(due).toHaveLength(1);
    expect(due[0]).toMatchObject({
      kind: "EXERCISE",
      target: "neuron-separate",
      learner: { id: trier.id },
    });
  });

  it("a claimed reminder is not due again; moving the due date allows one more", async () => {
    const teacher = await educator();
    const { cohort, members } = await cohortWith(teacher.id, 1);
    const learner = only(members);
    await setAssignment(t.db, teacher.id, cohort.id, "neurons", at(12));
    const now = new Date(at(12).getTime() - DAY);
    const reminder = only(await forCohort(cohort.id, now));
    const key = { assignmentId: reminder.assignmentId, userId: learner.id, dueAt: at(12) };
    expect(await claimReminder(t.db, key)).toBe(true);
    expect(await claimReminder(t.db, key)).toBe(false);
    expect(await forCohort(cohort.id, now)).toEqual([]);

    await releaseReminder(t.db, key);
    expect(await forCohort(cohort.id, now)).toHaveLength(1);
    expect(await claimReminder(t.db, key)).toBe(true);

    await setAssignment(t.db, teacher.id, cohort.id, "neurons", at(13));
    const moved = await forCohort(cohort.id, now);
    expect(moved).toHaveLength(1);
    expect(moved[0]).toMatchObject({ dueAt: at(13), learner: { id: learner.id } });
  });

  it("two workers racing for the same reminders: each is claimed exactly once", async () => {
    const teacher = await educator();
    const { cohort } = await cohortWith(teacher.id, 6);
    await setAssignment(t.db, teacher.id, cohort.id, "neurons", at(15));
    const now = new Date(at(15).getTime() - DAY);
    const due = await forCohort(cohort.id, now);
    expect(due).toHaveLength(6);
    const other = createDb({ url: t.url, poolSize: 2 });
    try {
      const claims = await Promise.all(
        due.flatMap((r) =>
          [t.db, other].map((db) =>
            claimReminder(db, {
              assignmentId: r.assignmentId,
              userId: r.learner.id,
              dueAt: r.dueAt,
            }),
          ),
        ),
      );
      expect(claims.filter(Boolean)).toHaveLength(6);
    } finally {
      await other.$disconnect();
    }
  });
});

describe("weekly summaries", () => {
  it("the week summed up is the last full Monday-to-Monday week (UTC)", () => {
    // 2026-03-11 is a Wednesday.
    expect(summaryWeek(at(11))).toEqual({ from: at(2, 0), to: at(9, 0) });
    // On a Monday, the week that just ended.
    expect(summaryWeek(at(9, 6))).toEqual({ from: at(2, 0), to: at(9, 0) });
  });

  it("counts a cohort's week exactly and lists what is due in the next seven days", async () => {
    const teacher = await educator();
    const { cohort, members } = await cohortWith(teacher.id, 4, "Summary class");
    const [a, b, c] = members as [Member, Member, Member, Member];
    const week = summaryWeek(at(9, 6));
    await t.db.exerciseAttempt.createMany({
      data: [
        // In the week: two by a, one by b.
        {
          id: randomUUID(),
          userId: a.id,
          exerciseId: "x1",
          lessonSlug: "neurons",
          answer: 1,
          correct: false,
          createdAt: at(3),
        },
        {
          id: randomUUID(),
          userId: a.id,
          exerciseId: "x1",
          lessonSlug: "neurons",
          answer: 2,
          correct: true,
          createdAt: at(4),
        },
        {
          id: randomUUID(),
          userId: b.id,
          exerciseId: "x1",
          lessonSlug: "neurons",
          answer: 2,
          correct: true,
          createdAt: at(8, 23),
        },
        // Before and after the week: not counted.
        {
          id: randomUUID(),
          userId: c.id,
          exerciseId: "x1",
          lessonSlug: "neurons",
          answer: 2,
          correct: true,
          createdAt: at(1, 23),
        },
        {
          id: randomUUID(),
          userId: c.id,
          exerciseId: "x1",
          lessonSlug: "neurons",
          answer: 2,
          correct: true,
          createdAt: at(9, 1),
        },
      ],
    });
    await t.db.lessonProgress.createMany({
      data: [
        { userId: a.id, lessonSlug: "neurons", completedAt: at(4) },
        { userId: c.id, lessonSlug: "neurons", completedAt: at(1) },
      ],
    });
    await setAssignment(t.db, teacher.id, cohort.id, "neurons", at(12));
    await setAssignment(t.db, teacher.id, cohort.id, "loss", at(30));

    const due = await dueSummaries(t.db, week, at(9, 6));
    const mine = due.find((s) => s.educator.id === teacher.id);
    expect(mine?.cohorts).toEqual([
      {
        id: cohort.id,
        name: "Summary class",
        timeZone: "Europe/Berlin",
        learners: 4,
        active: 2,
        lessonsFinished: 1,
        attempts: 3,
        dueSoon: [
          { kind: "LESSON", lessonSlug: "neurons", target: "neurons", dueAt: at(12), finished: 2 },
        ],
      },
    ]);
  });

  it("once per educator and week; not to those who opted out or teach only archived cohorts", async () => {
    const teacher = await educator();
    const quiet = await educator();
    const retired = await educator();
    await cohortWith(teacher.id, 0);
    await cohortWith(quiet.id, 0);
    const { cohort } = await cohortWith(retired.id, 0);
    await setCohortArchived(t.db, retired.id, cohort.id, true);
    await setMailChoices(t.db, quiet.id, { mailReminders: true, mailSummary: false });
    const week = summaryWeek(at(16, 6));
    const ids = async () => (await dueSummaries(t.db, week, at(16, 6))).map((s) => s.educator.id);
    expect(await ids()).toContain(teacher.id);
    expect(await ids()).not.toContain(quiet.id);
    expect(await ids()).not.toContain(retired.id);
    expect(await claimSummary(t.db, teacher.id, week.from)).toBe(true);
    expect(await claimSummary(t.db, teacher.id, week.from)).toBe(false);
    expect(await ids()).not.toContain(teacher.id);
  });
});
