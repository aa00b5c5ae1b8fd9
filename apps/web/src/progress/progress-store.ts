import { z } from "zod";

/**
 * A learner's progress as the browser keeps it before they have an account: every graded attempt
 * (with a client-made id, so a later move into the database can skip what it already has), each
 * lesson's completion and reading position. One versioned zod schema reads it back, so a damaged
 * or foreign value in localStorage starts a fresh record instead of breaking a page.
 */

export const STORAGE_KEY = "neuronlab.progress.v1";
/** Oldest attempts are dropped beyond this, so localStorage never fills up. */
export const MAX_ATTEMPTS = 1000;

const isoDate = z.iso.datetime();

export const attemptRecordSchema = z.object({
  /** Made in the browser (crypto.randomUUID) and sent with the answer: the idempotency key. */
  id: z.uuid(),
  exerciseId: z.string().min(1).max(64),
  lesson: z.string().min(1).max(64),
  correct: z.boolean(),
  at: isoDate,
  /** The answer as sent, so it can be replayed into an account. */
  answer: z.unknown(),
});
export type AttemptRecord = z.infer<typeof attemptRecordSchema>;

export const lessonRecordSchema = z.object({
  completedAt: isoDate.optional(),
  /** Where the learner was: the nearest heading above the top of the screen. */
  position: z.object({ anchor: z.string().max(200), at: isoDate }).optional(),
});
export type LessonRecord = z.infer<typeof lessonRecordSchema>;

export const progressSchema = z.object({
  version: z.literal(1),
  attempts: z.array(attemptRecordSchema).max(MAX_ATTEMPTS),
  lessons: z.record(z.string(), lessonRecordSchema),
});
export type Progress = z.infer<typeof progressSchema>;

export const emptyProgress = (): Progress => ({ version: 1, attempts: [], lessons: {} });

export function parseProgress(raw: string | null): Progress {
  if (raw === null) return emptyProgress();
  try {
    const parsed = progressSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : emptyProgress();
  } catch {
    return emptyProgress();
  }
}

/** Pure updates: each returns a new record. */
export function withAttempt(progress: Progress, attempt: AttemptRecord): Progress {
  if (progress.attempts.some((a) => a.id === attempt.id)) return progress;
  const attempts = [...progress.attempts, attempt].slice(-MAX_ATTEMPTS);
  return { ...progress, attempts };
}

export function withLesson(progress: Progress, slug: string, change: LessonRecord): Progress {
  const before = progress.lessons[slug] ?? {};
  return { ...progress, lessons: { ...progress.lessons, [slug]: { ...before, ...change } } };
}

export interface ExerciseStatus {
  attempts: number;
  /** Answered right at least once. */
  solved: boolean;
  lastCorrect: boolean;
}

export function exerciseStatus(progress: Progress, exerciseId: string): ExerciseStatus | undefined {
  const mine = progress.attempts.filter((a) => a.exerciseId === exerciseId);
  const last = mine.at(-1);
  if (!last) return undefined;
  return { attempts: mine.length, solved: mine.some((a) => a.correct), lastCorrect: last.correct };
}

export interface LessonSummary {
  solved: number;
  total: number;
  completed: boolean;
  started: boolean;
}

export function lessonSummary(
  progress: Progress,
  slug: string,
  exerciseIds: readonly string[],
): LessonSummary {
  const solved = exerciseIds.filter((id) => exerciseStatus(progress, id)?.solved).length;
  const record = progress.lessons[slug];
  const completed = record?.completedAt !== undefined;
  const started =
    completed || record?.position !== undefined || progress.attempts.some((a) => a.lesson === slug);
  return { solved, total: exerciseIds.length, completed, started };
}
