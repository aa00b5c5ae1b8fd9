import type { Db } from "./client.ts";
import { Prisma } from "../generated/prisma/client.ts";

/** A JSON value as stored in a `Json` column (an answer), top-level null excluded. */
export type AnswerJson = Prisma.InputJsonValue;

export interface AttemptInput {
  /** The attempt's UUID, made by the browser once and resent with every retry. */
  id: string;
  userId: string;
  exerciseId: string;
  lessonSlug: string;
  answer: AnswerJson;
  /** Graded on the server: never take this from the browser. */
  correct: boolean;
  /** When the learner answered; now when left out. */
  createdAt?: Date;
}

export interface Attempt {
  id: string;
  exerciseId: string;
  lessonSlug: string;
  answer: Prisma.JsonValue;
  correct: boolean;
  createdAt: Date;
}

export type RecordAttemptResult =
  /** Stored now. */
  | { status: "created"; attempt: Attempt }
  /** This learner's attempt with that id was already stored: nothing changed. */
  | { status: "duplicate"; attempt: Attempt }
  /** The id belongs to another learner's attempt: nothing changed, nothing of theirs returned. */
  | { status: "conflict" };

const attemptSelect = {
  id: true,
  exerciseId: true,
  lessonSlug: true,
  answer: true,
  correct: true,
  createdAt: true,
} as const satisfies Prisma.ExerciseAttemptSelect;

/**
 * Stores one graded attempt, once: the insert skips an id already stored (ON CONFLICT DO NOTHING),
 * so any number of concurrent or repeated submissions of one attempt leave one row, and the first
 * one stored is the one kept.
 */
export async function recordAttempt(db: Db, input: AttemptInput): Promise<RecordAttemptResult> {
  const created = await db.exerciseAttempt.createManyAndReturn({
    data: [
      {
        id: input.id,
        userId: input.userId,
        exerciseId: input.exerciseId,
        lessonSlug: input.lessonSlug,
        answer: input.answer,
        correct: input.correct,
        ...(input.createdAt ? { createdAt: input.createdAt } : {}),
      },
    ],
    skipDuplicates: true,
    select: attemptSelect,
  });
  const [attempt] = created;
  if (attempt) return { status: "created", attempt };

  const existing = await db.exerciseAttempt.findUnique({
    where: { id: input.id },
    select: { ...attemptSelect, userId: true },
  });
  if (existing?.userId !== input.userId) return { status: "conflict" };
  const { userId: _owner, ...mine } = existing;
  return { status: "duplicate", attempt: mine };
}

/** A learner's attempts, oldest first; one lesson's when `lessonSlug` is given. */
export function listAttempts(
  db: Db,
  userId: string,
  { lessonSlug, take = 1000 }: { lessonSlug?: string; take?: number } = {},
): Promise<Attempt[]> {
  return db.exerciseAttempt.findMany({
    where: { userId, ...(lessonSlug === undefined ? {} : { lessonSlug }) },
    select: attemptSelect,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take,
  });
}

/** What the learner did in one lesson; every field is optional and only ever moves forward. */
export interface LessonUpdate {
  /** When the lesson was completed. The earliest completion is kept; it is never cleared. */
  completedAt?: Date;
  /** Where the learner was reading, and when: a position older than the stored one is ignored. */
  position?: { anchor: string; at: Date };
}

export interface LessonProgressRow {
  lessonSlug: string;
  completedAt: Date | null;
  positionAnchor: string | null;
  positionAt: Date | null;
  updatedAt: Date;
}

const lessonSelect = {
  lessonSlug: true,
  completedAt: true,
  positionAnchor: true,
  positionAt: true,
  updatedAt: true,
} as const satisfies Prisma.LessonProgressSelect;

/**
 * The one statement that writes lesson progress, with the rules of {@link LessonUpdate} applied
 * inside PostgreSQL, so concurrent writers cannot lose each other's completion or newer position.
 * A write that changes nothing leaves the row, `updatedAt` included, as it was.
 */
export function lessonUpsertSql(
  userId: string,
  lessonSlug: string,
  update: LessonUpdate,
  now: Date,
) {
  const completedAt = update.completedAt ?? null;
  const anchor = update.position?.anchor ?? null;
  const positionAt = update.position?.at ?? null;
  return Prisma.sql`
    INSERT INTO "LessonProgress"
      ("userId", "lessonSlug", "completedAt", "positionAnchor", "positionAt", "createdAt", "updatedAt")
    VALUES (${userId}, ${lessonSlug}, ${completedAt}::timestamp(3), ${anchor},
            ${positionAt}::timestamp(3), ${now}::timestamp(3), ${now}::timestamp(3))
    ON CONFLICT ("userId", "lessonSlug") DO UPDATE SET
      "completedAt" = LEAST("LessonProgress"."completedAt", EXCLUDED."completedAt"),
      "positionAnchor" = CASE
        WHEN EXCLUDED."positionAt" > "LessonProgress"."positionAt"
          OR ("LessonProgress"."positionAt" IS NULL AND EXCLUDED."positionAt" IS NOT NULL)
        THEN EXCLUDED."positionAnchor" ELSE "LessonProgress"."positionAnchor" END,
      "positionAt" = GREATEST("LessonProgress"."positionAt", EXCLUDED."positionAt"),
      "updatedAt" = EXCLUDED."updatedAt"
    WHERE LEAST("LessonProgress"."completedAt", EXCLUDED."completedAt")
            IS DISTINCT FROM "LessonProgress"."completedAt"
       OR GREATEST("LessonProgress"."positionAt", EXCLUDED."positionAt")
            IS DISTINCT FROM "LessonProgress"."positionAt"`;
}

/** Records a completion and/or a reading position (see {@link LessonUpdate} for the rules). */
export async function upsertLessonProgress(
  db: Db,
  userId: string,
  lessonSlug: string,
  update: LessonUpdate,
  now: Date = new Date(),
): Promise<LessonProgressRow> {
  await db.$executeRaw(lessonUpsertSql(userId, lessonSlug, update, now));
  return db.lessonProgress.findUniqueOrThrow({
    where: { userId_lessonSlug: { userId, lessonSlug } },
    select: lessonSelect,
  });
}

export function listLessonProgress(db: Db, userId: string): Promise<LessonProgressRow[]> {
  return db.lessonProgress.findMany({
    where: { userId },
    select: lessonSelect,
    orderBy: { lessonSlug: "asc" },
  });
}

export interface ExerciseSummary {
  exerciseId: string;
  lessonSlug: string;
  attempts: number;
  correctAttempts: number;
  /** Answered right at least once. */
  solved: boolean;
  firstAttemptAt: Date;
  lastAttemptAt: Date;
}

export interface ProgressSummary {
  lessons: LessonProgressRow[];
  exercises: ExerciseSummary[];
  totals: { lessonsCompleted: number; exercisesAttempted: number; exercisesSolved: number };
}

export interface AttemptGroup {
  exerciseId: string;
  lessonSlug: string;
  correct: boolean;
  count: number;
  first: Date;
  last: Date;
}

/** Folds per-(exercise, correct) counts into one line per exercise. Pure: no database. */
export function summariseProgress(
  lessons: LessonProgressRow[],
  groups: AttemptGroup[],
): ProgressSummary {
  const byExercise = new Map<string, ExerciseSummary>();
  for (const g of groups) {
    const key = `${g.lessonSlug}\u0000${g.exerciseId}`;
    const line = byExercise.get(key) ?? {
      exerciseId: g.exerciseId,
      lessonSlug: g.lessonSlug,
      attempts: 0,
      correctAttempts: 0,
      solved: false,
      firstAttemptAt: g.first,
      lastAttemptAt: g.last,
    };
    line.attempts += g.count;
    if (g.correct) line.correctAttempts += g.count;
    line.solved = line.correctAttempts > 0;
    if (g.first < line.firstAttemptAt) line.firstAttemptAt = g.first;
    if (g.last > line.lastAttemptAt) line.lastAttemptAt = g.last;
    byExercise.set(key, line);
  }
  const exercises = [...byExercise.values()].sort(
    (a, b) => a.lessonSlug.localeCompare(b.lessonSlug) || a.exerciseId.localeCompare(b.exerciseId),
  );
  return {
    lessons,
    exercises,
    totals: {
      lessonsCompleted: lessons.filter((l) => l.completedAt !== null).length,
      exercisesAttempted: exercises.length,
      exercisesSolved: exercises.filter((e) => e.solved).length,
    },
  };
}

/** A learner's progress for the course page and their dashboard, in two queries. */
export async function progressSummary(db: Db, userId: string): Promise<ProgressSummary> {
  const [lessons, groups] = await Promise.all([
    listLessonProgress(db, userId),
    db.exerciseAttempt.groupBy({
      by: ["exerciseId", "lessonSlug", "correct"],
      where: { userId },
      _count: { _all: true },
      _min: { createdAt: true },
      _max: { createdAt: true },
    }),
  ]);
  return summariseProgress(
    lessons,
    groups.map((g) => ({
      exerciseId: g.exerciseId,
      lessonSlug: g.lessonSlug,
      correct: g.correct,
      count: g._count._all,
      // Every group holds at least one attempt, so both are set.
      first: g._min.createdAt ?? new Date(0),
      last: g._max.createdAt ?? new Date(0),
    })),
  );
}
