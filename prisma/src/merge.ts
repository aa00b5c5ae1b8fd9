import type { Db } from "./client.ts";
import { lessonUpsertSql, type AnswerJson, type LessonUpdate } from "./progress.ts";

/** An attempt made before sign-in, as the browser kept it, graded again by the server. */
export interface AnonymousAttempt {
  id: string;
  exerciseId: string;
  lessonSlug: string;
  answer: AnswerJson;
  /** The server's grade of `answer`, not the browser's claim. */
  correct: boolean;
  createdAt: Date;
}

export interface AnonymousProgress {
  attempts: AnonymousAttempt[];
  lessons: Record<string, LessonUpdate>;
}

export interface MergeResult {
  /** Attempts stored now; the others were stored already (or their id is someone else's). */
  attemptsAdded: number;
  attemptsSkipped: number;
  /** Lessons whose stored progress moved forward. */
  lessonsChanged: number;
}

/**
 * The browser's clock is not trusted to be in the past: a date after `now` becomes `now`, so a
 * wrong clock cannot pin a reading position ahead of every later one. Attempts repeated in the
 * input count once (the first), and lessons with nothing in them are dropped. Pure: no database.
 */
export function planMerge(progress: AnonymousProgress, now: Date): AnonymousProgress {
  const notAfterNow = (date: Date) => (date > now ? now : date);
  const seen = new Set<string>();
  const attempts: AnonymousAttempt[] = [];
  for (const attempt of progress.attempts) {
    if (seen.has(attempt.id)) continue;
    seen.add(attempt.id);
    attempts.push({ ...attempt, createdAt: notAfterNow(attempt.createdAt) });
  }
  const lessons: Record<string, LessonUpdate> = {};
  for (const [slug, update] of Object.entries(progress.lessons)) {
    const planned: LessonUpdate = {};
    if (update.completedAt) planned.completedAt = notAfterNow(update.completedAt);
    if (update.position) {
      planned.position = { anchor: update.position.anchor, at: notAfterNow(update.position.at) };
    }
    if (planned.completedAt || planned.position) lessons[slug] = planned;
  }
  return { attempts, lessons };
}

/**
 * Moves progress kept in the browser before sign-in into the account, in one transaction.
 * Attempts are inserted by id, skipping ids already stored; each lesson keeps the earliest
 * completion and the newer reading position of the two sides. Running it again with the same
 * input changes nothing, and nothing already in the account is lost or overwritten.
 */
export async function mergeAnonymousProgress(
  db: Db,
  userId: string,
  progress: AnonymousProgress,
  now: Date = new Date(),
): Promise<MergeResult> {
  const plan = planMerge(progress, now);
  const [inserted, ...lessonCounts] = await db.$transaction([
    db.exerciseAttempt.createMany({
      data: plan.attempts.map((a) => ({
        id: a.id,
        userId,
        exerciseId: a.exerciseId,
        lessonSlug: a.lessonSlug,
        answer: a.answer,
        correct: a.correct,
        createdAt: a.createdAt,
      })),
      skipDuplicates: true,
    }),
    ...Object.entries(plan.lessons).map(([slug, update]) =>
      db.$executeRaw(lessonUpsertSql(userId, slug, update, now)),
    ),
  ]);
  return {
    attemptsAdded: inserted.count,
    attemptsSkipped: plan.attempts.length - inserted.count,
    lessonsChanged: lessonCounts.reduce<number>((sum, n) => sum + n, 0),
  };
}
