import type { Db } from "./client.ts";
import { Prisma } from "../generated/prisma/client.ts";

/**
 * What the scheduled mails need: which learners are due a reminder of an assignment, which
 * educators a weekly summary, and a claim per mail so that it goes out once, whichever of several
 * workers gets there first (the claim's primary key decides, inside the database).
 */

const DAY_MS = 86_400_000;

/** Placeholder addresses of pupils without e-mail (pupils.ts) and other reserved ones. */
const UNDELIVERABLE = ".invalid";

export interface DueReminder {
  assignmentId: string;
  /** A lesson to finish, or a goal exercise (`target`: its id) to solve. */
  kind: "LESSON" | "EXERCISE";
  lessonSlug: string;
  target: string;
  dueAt: Date;
  cohort: { id: string; name: string; timeZone: string; locale: string };
  learner: { id: string; email: string; name: string | null; locale: string | null };
}

/**
 * The reminders due at `now`: for each assignment of an open cohort whose due moment is ahead but
 * within the cohort's reminder days, each member who has not finished the lesson (or solved the
 * exercise), has not turned reminders off, has a real address and has not had this reminder (for
 * this due moment) yet. A playground setup has nothing to finish: no reminders.
 */
export async function dueReminders(db: Db, now: Date): Promise<DueReminder[]> {
  const assignments = await db.assignment.findMany({
    where: {
      dueAt: { gt: now, lte: new Date(now.getTime() + 14 * DAY_MS) },
      kind: { in: ["LESSON", "EXERCISE"] },
      cohort: { archivedAt: null, reminderDays: { gt: 0 } },
    },
    select: {
      id: true,
      kind: true,
      lessonSlug: true,
      target: true,
      dueAt: true,
      cohort: {
        select: { id: true, name: true, timeZone: true, locale: true, reminderDays: true },
      },
    },
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
  });
  const due: DueReminder[] = [];
  for (const assignment of assignments) {
    const { reminderDays, ...cohort } = assignment.cohort;
    const dueAt = assignment.dueAt;
    if (!dueAt || dueAt.getTime() - reminderDays * DAY_MS > now.getTime()) continue;
    const members = await db.cohortMembership.findMany({
      where: {
        cohortId: cohort.id,
        user: {
          mailReminders: true,
          NOT: { email: { endsWith: UNDELIVERABLE } },
          ...(assignment.kind === "EXERCISE"
            ? { attempts: { none: { exerciseId: assignment.target, correct: true } } }
            : {
                lessonProgress: {
                  none: { lessonSlug: assignment.lessonSlug, completedAt: { not: null } },
                },
              }),
          reminders: { none: { assignmentId: assignment.id, dueAt } },
        },
      },
      select: { user: { select: { id: true, email: true, name: true, locale: true } } },
      orderBy: { joinedAt: "asc" },
    });
    for (const { user } of members) {
      if (assignment.kind === "PLAYGROUND") continue;
      due.push({
        assignmentId: assignment.id,
        kind: assignment.kind,
        lessonSlug: assignment.lessonSlug,
        target: assignment.target,
        dueAt,
        cohort,
        learner: user,
      });
    }
  }
  return due;
}

export interface ReminderKey {
  assignmentId: string;
  userId: string;
  dueAt: Date;
}

/** Claims one reminder; false when another worker (or an earlier run) already has. */
export async function claimReminder(db: Db, key: ReminderKey): Promise<boolean> {
  return claimed(db.assignmentReminder.create({ data: key, select: { userId: true } }));
}

/** Gives a claim back when its mail could not be sent, so that the next run tries again. */
export async function releaseReminder(db: Db, key: ReminderKey): Promise<void> {
  await db.assignmentReminder.deleteMany({ where: key });
}

/** The Monday (UTC) of the week before the one `now` is in: the week a summary sums up. */
export function summaryWeek(now: Date): { from: Date; to: Date } {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const sinceMonday = (new Date(today).getUTCDay() + 6) % 7;
  const to = new Date(today - sinceMonday * DAY_MS);
  return { from: new Date(to.getTime() - 7 * DAY_MS), to };
}

export interface CohortWeek {
  id: string;
  name: string;
  timeZone: string;
  learners: number;
  /** Learners with an attempt or a finished lesson in the week. */
  active: number;
  lessonsFinished: number;
  attempts: number;
  /** Assignments due in the week after the summed-up one, with how many learners finished each. */
  dueSoon: {
    kind: "LESSON" | "EXERCISE";
    lessonSlug: string;
    target: string;
    dueAt: Date;
    finished: number;
  }[];
}

export interface EducatorWeek {
  educator: { id: string; email: string; name: string | null; locale: string | null };
  cohorts: CohortWeek[];
}

/**
 * Educators due the summary of the week `from`–`to`: everyone who teaches at least one open cohort,
 * has a real address and has not turned the summary off nor had this week's yet; with each open
 * cohort's figures for the week. Counted in the database, as the class dashboard counts them.
 */
export async function dueSummaries(
  db: Db,
  week: { from: Date; to: Date },
  now: Date,
): Promise<EducatorWeek[]> {
  const educators = await db.user.findMany({
    where: {
      mailSummary: true,
      NOT: { email: { endsWith: UNDELIVERABLE } },
      teaching: { some: { cohort: { archivedAt: null } } },
      summaries: { none: { weekOf: week.from } },
    },
    select: {
      id: true,
      email: true,
      name: true,
      locale: true,
      teaching: {
        where: { cohort: { archivedAt: null } },
        select: { cohort: { select: { id: true, name: true, timeZone: true } } },
        orderBy: { cohort: { name: "asc" } },
      },
    },
    orderBy: { id: "asc" },
  });
  const soonUntil = new Date(now.getTime() + 7 * DAY_MS);
  // Several educators teaching one cohort share its figures.
  const figures = new Map<string, Promise<CohortWeek>>();
  const weekOf = (cohort: { id: string; name: string; timeZone: string }) => {
    let figure = figures.get(cohort.id);
    if (!figure) {
      figure = cohortWeek(db, cohort, { ...week, now, soonUntil });
      figures.set(cohort.id, figure);
    }
    return figure;
  };
  const result: EducatorWeek[] = [];
  for (const { teaching, ...educator } of educators) {
    result.push({
      educator,
      cohorts: await Promise.all(teaching.map(({ cohort }) => weekOf(cohort))),
    });
  }
  return result;
}

async function cohortWeek(
  db: Db,
  cohort: { id: string; name: string; timeZone: string },
  { from, to, now, soonUntil }: { from: Date; to: Date; now: Date; soonUntil: Date },
): Promise<CohortWeek> {
  const [counts] = await db.$queryRaw<
    { learners: number; active: number; lessons: number; attempts: number }[]
  >(
    Prisma.sql`
      SELECT
        (SELECT count(*)::int FROM "CohortMembership" m WHERE m."cohortId" = ${cohort.id}) AS learners,
        (SELECT count(DISTINCT m."userId")::int FROM "CohortMembership" m
          WHERE m."cohortId" = ${cohort.id} AND (
            EXISTS (SELECT 1 FROM "ExerciseAttempt" a
                    WHERE a."userId" = m."userId" AND a."createdAt" >= ${from} AND a."createdAt" < ${to})
            OR EXISTS (SELECT 1 FROM "LessonProgress" p
                    WHERE p."userId" = m."userId" AND p."completedAt" >= ${from} AND p."completedAt" < ${to})
          )) AS active,
        (SELECT count(*)::int FROM "LessonProgress" p JOIN "CohortMembership" m ON m."userId" = p."userId"
          WHERE m."cohortId" = ${cohort.id} AND p."completedAt" >= ${from} AND p."completedAt" < ${to}) AS lessons,
        (SELECT count(*)::int FROM "ExerciseAttempt" a JOIN "CohortMembership" m ON m."userId" = a."userId"
          WHERE m."cohortId" = ${cohort.id} AND a."createdAt" >= ${from} AND a."createdAt" < ${to}) AS attempts
    `,
  );
  const assignments = await db.assignment.findMany({
    where: {
      cohortId: cohort.id,
      dueAt: { gt: now, lte: soonUntil },
      kind: { in: ["LESSON", "EXERCISE"] },
    },
    select: { kind: true, lessonSlug: true, target: true, dueAt: true },
    orderBy: [{ dueAt: "asc" }, { lessonSlug: "asc" }, { target: "asc" }],
  });
  const member = { memberships: { some: { cohortId: cohort.id } } };
  const dueSoon = await Promise.all(
    assignments.map(async ({ kind, lessonSlug, target, dueAt }) => ({
      kind: kind === "EXERCISE" ? ("EXERCISE" as const) : ("LESSON" as const),
      lessonSlug,
      target,
      dueAt: dueAt ?? now,
      finished:
        kind === "EXERCISE"
          ? await db.user.count({
              where: { ...member, attempts: { some: { exerciseId: target, correct: true } } },
            })
          : await db.lessonProgress.count({
              where: { lessonSlug, completedAt: { not: null }, user: member },
            }),
    })),
  );
  return {
    ...cohort,
    learners: counts?.learners ?? 0,
    active: counts?.active ?? 0,
    lessonsFinished: counts?.lessons ?? 0,
    attempts: counts?.attempts ?? 0,
    dueSoon,
  };
}

/** Claims one educator's summary of one week; false when it was already claimed. */
export async function claimSummary(db: Db, userId: string, weekOf: Date): Promise<boolean> {
  return claimed(db.educatorSummary.create({ data: { userId, weekOf }, select: { userId: true } }));
}

export async function releaseSummary(db: Db, userId: string, weekOf: Date): Promise<void> {
  await db.educatorSummary.deleteMany({ where: { userId, weekOf } });
}

/** A person's mail choices, as the account page shows them. */
export async function mailChoices(db: Db, userId: string) {
  return db.user.findUnique({
    where: { id: userId },
    select: { mailReminders: true, mailSummary: true },
  });
}

export async function setMailChoices(
  db: Db,
  userId: string,
  choices: { mailReminders: boolean; mailSummary: boolean },
): Promise<boolean> {
  const { count } = await db.user.updateMany({ where: { id: userId }, data: choices });
  return count === 1;
}

async function claimed(insert: Promise<unknown>): Promise<boolean> {
  try {
    await insert;
    return true;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return false;
    }
    throw error;
  }
}
