import type { LessonRecord, Progress } from "./progress-store";

/**
 * One view of a learner's progress for the pages, whichever side keeps it: the browser's record
 * (anonymous) or the account's summary from GET /api/progress (signed in). Pure and free of zod:
 * it ships to every lesson page.
 */

export interface ExerciseStatus {
  lesson: string;
  attempts: number;
  /** Answered right at least once. */
  solved: boolean;
  /** Answers kept in this browser, still to be sent and graded. */
  pending: number;
}

export interface ProgressView {
  exercises: Record<string, ExerciseStatus>;
  lessons: Record<string, LessonRecord>;
}

export const emptyView = (): ProgressView => ({ exercises: {}, lessons: {} });

/** GET /api/progress for a signed-in learner (dates as ISO strings). */
export interface AccountProgress {
  signedIn: true;
  user: { id: string; email: string; name: string | null };
  totals: { lessonsCompleted: number; exercisesAttempted: number; exercisesSolved: number };
  lessons: {
    slug: string;
    completedAt: string | null;
    position: { anchor: string; at: string } | null;
  }[];
  exercises: {
    exerciseId: string;
    lessonSlug: string;
    attempts: number;
    solved: boolean;
    lastAttemptAt: string;
  }[];
  /** The newest attempts, newest first. */
  recentAttempts: {
    id: string;
    exerciseId: string;
    lessonSlug: string;
    correct: boolean;
    at: string;
  }[];
}

export type ProgressResponse = AccountProgress | { signedIn: false };

export function viewOfBrowser(progress: Progress): ProgressView {
  const exercises: Record<string, ExerciseStatus> = {};
  for (const attempt of progress.attempts) {
    const status = (exercises[attempt.exerciseId] ??= {
      lesson: attempt.lesson,
      attempts: 0,
      solved: false,
      pending: 0,
    });
    status.attempts += 1;
    if (attempt.correct) status.solved = true;
  }
  return { exercises, lessons: progress.lessons };
}

export function viewOfAccount(account: AccountProgress): ProgressView {
  const exercises: Record<string, ExerciseStatus> = {};
  for (const e of account.exercises) {
    exercises[e.exerciseId] = {
      lesson: e.lessonSlug,
      attempts: e.attempts,
      solved: e.solved,
      pending: 0,
    };
  }
  const lessons: Record<string, LessonRecord> = {};
  for (const l of account.lessons) {
    lessons[l.slug] = {
      ...(l.completedAt === null ? {} : { completedAt: l.completedAt }),
      ...(l.position === null ? {} : { position: l.position }),
    };
  }
  return { exercises, lessons };
}

/** One graded attempt the server has just stored, added to the view without asking it again. */
export function withGradedAttempt(
  view: ProgressView,
  attempt: { exerciseId: string; lesson: string; correct: boolean },
): ProgressView {
  const before = view.exercises[attempt.exerciseId];
  const status: ExerciseStatus = {
    lesson: attempt.lesson,
    attempts: (before?.attempts ?? 0) + 1,
    solved: (before?.solved ?? false) || attempt.correct,
    pending: before?.pending ?? 0,
  };
  return { ...view, exercises: { ...view.exercises, [attempt.exerciseId]: status } };
}

/**
 * A lesson write as the server applies it: the earliest completion is kept, and a reading
 * position replaces the stored one only when it is newer.
 */
export function mergeLessonRecords(before: LessonRecord, change: LessonRecord): LessonRecord {
  const completedAt =
    before.completedAt === undefined
      ? change.completedAt
      : change.completedAt === undefined || before.completedAt <= change.completedAt
        ? before.completedAt
        : change.completedAt;
  const position =
    before.position === undefined
      ? change.position
      : change.position === undefined || before.position.at >= change.position.at
        ? before.position
        : change.position;
  return {
    ...(completedAt === undefined ? {} : { completedAt }),
    ...(position === undefined ? {} : { position }),
  };
}

export function exerciseStatus(view: ProgressView, exerciseId: string): ExerciseStatus | undefined {
  return view.exercises[exerciseId];
}

export interface LessonSummary {
  solved: number;
  total: number;
  completed: boolean;
  started: boolean;
}

export function lessonSummary(
  view: ProgressView,
  slug: string,
  exerciseIds: readonly string[],
): LessonSummary {
  const solved = exerciseIds.filter((id) => view.exercises[id]?.solved).length;
  const record = view.lessons[slug];
  const completed = record?.completedAt !== undefined;
  const started =
    completed ||
    record?.position !== undefined ||
    Object.values(view.exercises).some((e) => e.lesson === slug);
  return { solved, total: exerciseIds.length, completed, started };
}
