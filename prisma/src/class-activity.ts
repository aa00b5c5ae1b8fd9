import type { Db } from "./client.ts";

/**
 * What a cohort's learners did, for its teachers' dashboard: three queries whatever the class size,
 * each reading the attempts through the (userId, exerciseId, createdAt) index of the members.
 * The course's structure (which exercises a lesson has) is the caller's: this package knows rows.
 */

export interface LearnerExercise {
  userId: string;
  exerciseId: string;
  lessonSlug: string;
  attempts: number;
  wrong: number;
  solved: boolean;
  /** Whether the first answer was right. */
  firstCorrect: boolean;
  lastAt: Date;
}

export interface LearnerLesson {
  userId: string;
  lessonSlug: string;
  completedAt: Date | null;
  updatedAt: Date;
}

export interface WrongAnswer {
  exerciseId: string;
  /** The answer as stored (JSON text). */
  answer: string;
  count: number;
}

export interface ClassActivity {
  learners: { id: string; name: string | null; email: string; joinedAt: Date }[];
  lessons: LearnerLesson[];
  exercises: LearnerExercise[];
  /** The three most given wrong answers per exercise, most given first. */
  wrongAnswers: WrongAnswer[];
}

/** A cohort's learners and what they did; null when `teacherId` does not teach the cohort. */
export async function classActivity(
  db: Db,
  teacherId: string,
  cohortId: string,
): Promise<ClassActivity | null> {
  const cohort = await db.cohort.findFirst({
    where: { id: cohortId, teachers: { some: { userId: teacherId } } },
    select: {
      memberships: {
        select: { joinedAt: true, user: { select: { id: true, name: true, email: true } } },
        orderBy: [{ joinedAt: "asc" }, { userId: "asc" }],
      },
    },
  });
  if (!cohort) return null;
  const [lessons, exercises, wrongAnswers] = await Promise.all([
    db.lessonProgress.findMany({
      where: { user: { memberships: { some: { cohortId } } } },
      select: { userId: true, lessonSlug: true, completedAt: true, updatedAt: true },
    }),
    db.$queryRaw<LearnerExercise[]>`
      SELECT a."userId", a."exerciseId", min(a."lessonSlug") AS "lessonSlug",
        count(*)::int AS attempts,
        (count(*) FILTER (WHERE NOT a.correct))::int AS wrong,
        bool_or(a.correct) AS solved,
        (array_agg(a.correct ORDER BY a."createdAt", a.id))[1] AS "firstCorrect",
        max(a."createdAt") AS "lastAt"
      FROM "CohortMembership" m
      JOIN "ExerciseAttempt" a ON a."userId" = m."userId"
      WHERE m."cohortId" = ${cohortId}
      GROUP BY a."userId", a."exerciseId"`,
    db.$queryRaw<WrongAnswer[]>`
      SELECT "exerciseId", answer, count FROM (
        SELECT a."exerciseId", a.answer::text AS answer, count(*)::int AS count,
          row_number() OVER (
            PARTITION BY a."exerciseId" ORDER BY count(*) DESC, a.answer::text
          ) AS rank
        FROM "CohortMembership" m
        JOIN "ExerciseAttempt" a ON a."userId" = m."userId"
        WHERE m."cohortId" = ${cohortId} AND NOT a.correct
        GROUP BY a."exerciseId", a.answer::text
      ) ranked
      WHERE rank <= 3
      ORDER BY "exerciseId", count DESC, answer`,
  ]);
  return {
    learners: cohort.memberships.map(({ user, joinedAt }) => ({ ...user, joinedAt })),
    lessons,
    exercises,
    wrongAnswers,
  };
}

/**
 * One learner's answers, for a teacher of a cohort they are in; null when the teacher does not
 * teach them there.
 */
export async function learnerAttemptsForTeacher(
  db: Db,
  teacherId: string,
  cohortId: string,
  learnerId: string,
) {
  const membership = await db.cohortMembership.findFirst({
    where: { cohortId, userId: learnerId, cohort: { teachers: { some: { userId: teacherId } } } },
    select: { joinedAt: true, user: { select: { id: true, name: true, email: true } } },
  });
  if (!membership) return null;
  const [attempts, lessons] = await Promise.all([
    db.exerciseAttempt.findMany({
      where: { userId: learnerId },
      select: {
        id: true,
        exerciseId: true,
        lessonSlug: true,
        answer: true,
        correct: true,
        createdAt: true,
      },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take: 500,
    }),
    db.lessonProgress.findMany({
      where: { userId: learnerId },
      select: { lessonSlug: true, completedAt: true, updatedAt: true },
    }),
  ]);
  return { learner: { ...membership.user, joinedAt: membership.joinedAt }, attempts, lessons };
}
