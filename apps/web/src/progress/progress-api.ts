import "server-only";
import { findLesson } from "@neuronlab/content/course";
import { findExercise } from "@neuronlab/content/exercises/catalog";
import type { Answer, Exercise, GradeResult } from "@neuronlab/content/exercises/schema";
import type { Db } from "@neuronlab/db/client";
import {
  mergeAnonymousProgress,
  type AnonymousAttempt,
  type MergeResult,
} from "@neuronlab/db/merge";
import {
  progressSummary,
  recordAttempt,
  upsertLessonProgress,
  type AnswerJson,
  type LessonUpdate,
} from "@neuronlab/db/progress";
import { clientIp } from "@/auth/rate-limits";
import { goalGrader } from "@/grading/default-grader";
import type { GoalGrader } from "@/grading/goal-grader";
import { HttpError, issueValues, readJsonBody } from "@/http/errors";
import { readAttemptRequest } from "@/lessons/grade-request";
import { jsonEqual } from "./json-equal";
import {
  lessonWriteSchema,
  MAX_MERGE_TRAININGS,
  mergeRequestSchema,
  type MergeRequest,
} from "./progress-schemas";
import type { AccountProgress } from "./progress-view";
import { recentAttempts } from "./recent-attempts";

/**
 * The progress API's rules, one function per route handler, each taking the request, the
 * signed-in learner (from the session, never from the request) and the database. The handlers in
 * app/api only find those two and turn the outcome into a response.
 */

/** Who is asking: the session's user. Only the id and address are needed here. */
export interface Learner {
  id: string;
  email: string;
  name?: string | null;
}

/** A lesson write is a few short fields. */
export const MAX_LESSON_BODY_BYTES = 2 * 1024;
/** A merge batch: up to 200 attempts of a few hundred bytes each, and the lessons. */
export const MAX_MERGE_BODY_BYTES = 128 * 1024;

const noLearner = () => new HttpError(401, "not_signed_in.progress");

// ---------------------------------------------------------------------------------------------
// POST /api/exercises/[id]/attempts

export interface AttemptResponse extends GradeResult {
  attemptId: string;
  /** Whether the attempt is stored in the learner's account (false for anonymous visitors). */
  saved: boolean;
}

/**
 * Grades an attempt and, for a signed-in learner, stores it once under the browser's attempt id:
 * retries and concurrent copies of one submission leave one row and all get the same result.
 * An attempt id that is another learner's, or this learner's for a different answer, is refused
 * (409) without revealing anything about the stored attempt. A playground goal trains on the
 * grader's worker pool, within its limits (429 when the pool is full or the address has trained
 * too much).
 */
export async function postAttempt(
  exerciseId: string,
  request: Request,
  learner: Learner | null,
  db: Db | undefined,
  now: Date = new Date(),
  grader: GoalGrader = goalGrader(),
): Promise<AttemptResponse> {
  const attempt = await readAttemptRequest(exerciseId, request);
  const graded = await grader.grade(attempt.exercise, attempt.answer, {
    client: clientIp(request.headers),
    db,
  });
  if (!learner || !db) return { ...graded, attemptId: attempt.attemptId, saved: false };

  const stored = await recordAttempt(db, {
    id: attempt.attemptId,
    userId: learner.id,
    exerciseId: attempt.exercise.id,
    lessonSlug: attempt.lesson,
    answer: attempt.answer as AnswerJson,
    correct: graded.correct,
    createdAt: notAfter(attempt.answeredAt ?? now, now),
  });
  if (
    stored.status === "conflict" ||
    (stored.status === "duplicate" &&
      (stored.attempt.exerciseId !== attempt.exercise.id ||
        !jsonEqual(stored.attempt.answer, attempt.answer)))
  ) {
    throw new HttpError(409, "attempt_id_taken");
  }
  // Grading is deterministic, so a repeated submission gets the result the stored one got.
  return { ...graded, correct: stored.attempt.correct, attemptId: attempt.attemptId, saved: true };
}

// ---------------------------------------------------------------------------------------------
// PUT /api/progress/lessons/[slug]

export interface LessonProgressResponse {
  slug: string;
  completedAt: string | null;
  position: { anchor: string; at: string } | null;
}

/**
 * Records that the learner finished a lesson and/or where they are reading it. The slug must be
 * a lesson of the course and the anchor one of its headings; times in the future become now.
 * Repeating a write changes nothing (the earliest completion and the newest position win).
 */
export async function putLessonProgress(
  slug: string,
  request: Request,
  learner: Learner | null,
  db: Db,
  now: Date = new Date(),
): Promise<LessonProgressResponse> {
  if (!learner) throw noLearner();
  const lesson = findLesson(slug);
  if (!lesson) throw new HttpError(404, "unknown_lesson");
  const body = await readJsonBody(request, MAX_LESSON_BODY_BYTES);
  const parsed = lessonWriteSchema.safeParse(body);
  if (!parsed.success) {
    throw new HttpError(400, "invalid_progress", issueValues(parsed.error, body));
  }
  const { completedAt, position } = parsed.data;
  if (position && !lesson.toc.some((entry) => entry.id === position.anchor)) {
    throw new HttpError(400, "unknown_anchor");
  }
  const update: LessonUpdate = {
    ...(completedAt === undefined ? {} : { completedAt: notAfter(new Date(completedAt), now) }),
    ...(position === undefined
      ? {}
      : { position: { anchor: position.anchor, at: notAfter(new Date(position.at), now) } }),
  };
  const row = await upsertLessonProgress(db, learner.id, slug, update, now);
  return {
    slug: row.lessonSlug,
    completedAt: row.completedAt?.toISOString() ?? null,
    position:
      row.positionAnchor === null || row.positionAt === null
        ? null
        : { anchor: row.positionAnchor, at: row.positionAt.toISOString() },
  };
}

// ---------------------------------------------------------------------------------------------
// GET /api/progress

/** How many of the newest attempts the summary lists. */
export const RECENT_ATTEMPTS = 10;

/** The learner's own progress: lessons, exercises, totals and their newest attempts. */
export async function getProgress(learner: Learner, db: Db): Promise<AccountProgress> {
  const [summary, recent] = await Promise.all([
    progressSummary(db, learner.id),
    recentAttempts(db, learner.id, RECENT_ATTEMPTS),
  ]);
  return {
    signedIn: true,
    user: { id: learner.id, email: learner.email, name: learner.name ?? null },
    totals: summary.totals,
    lessons: summary.lessons.map((l) => ({
      slug: l.lessonSlug,
      completedAt: l.completedAt?.toISOString() ?? null,
      position:
        l.positionAnchor === null || l.positionAt === null
          ? null
          : { anchor: l.positionAnchor, at: l.positionAt.toISOString() },
    })),
    exercises: summary.exercises.map((e) => ({
      exerciseId: e.exerciseId,
      lessonSlug: e.lessonSlug,
      attempts: e.attempts,
      solved: e.solved,
      lastAttemptAt: e.lastAttemptAt.toISOString(),
    })),
    recentAttempts: recent.map((a) => ({
      id: a.id,
      exerciseId: a.exerciseId,
      lessonSlug: a.lessonSlug,
      correct: a.correct,
      at: a.createdAt.toISOString(),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// POST /api/progress/merge

export interface MergeResponse extends MergeResult {
  /** Entries about exercises or lessons the course no longer has (or never had): left out. */
  ignored: number;
}

/**
 * Moves the progress this browser kept before sign-in into the account. Every answer is graded
 * again here (the browser's "correct" is not taken), each lesson keeps the earliest completion and
 * the newer position, and attempts are stored by their ids: sending the same record twice, or an
 * attempt id that is someone else's, changes nothing. Entries for exercises, lessons or headings
 * the course does not have are left out and counted, so an old record still merges.
 */
export async function postMerge(
  request: Request,
  learner: Learner | null,
  db: Db,
  now: Date = new Date(),
  grader: GoalGrader = goalGrader(),
): Promise<MergeResponse> {
  if (!learner) throw noLearner();
  const body = await readJsonBody(request, MAX_MERGE_BODY_BYTES);
  const parsed = mergeRequestSchema.safeParse(body);
  if (!parsed.success) {
    throw new HttpError(400, "invalid_progress", issueValues(parsed.error, body));
  }
  let ignored = 0;

  // The same answer to the same exercise is graded once per request.
  const toGrade = new Map<string, { exercise: Exercise; answer: Answer }>();
  const kept: {
    sent: MergeRequest["attempts"][number];
    key: string;
    lesson: string;
    exercise: Exercise;
  }[] = [];
  for (const sent of parsed.data.attempts) {
    const found = findExercise(sent.exerciseId);
    // An exercise the course no longer has, or one whose kind changed since.
    if (found?.exercise.kind !== sent.answer.kind) {
      ignored += 1;
      continue;
    }
    const key = `${sent.exerciseId}\u0000${JSON.stringify(sent.answer)}`;
    toGrade.set(key, { exercise: found.exercise, answer: sent.answer });
    kept.push({ sent, key, lesson: found.lesson, exercise: found.exercise });
  }
  // Trainings (playground goals not answered before) are bounded per request, before any runs.
  const trainings = new Set<string>();
  for (const { exercise, answer } of toGrade.values()) {
    const training = grader.needsTraining(exercise, answer);
    if (training !== undefined) trainings.add(training);
  }
  if (trainings.size > MAX_MERGE_TRAININGS) {
    throw new HttpError(413, "too_many_to_grade", { max: MAX_MERGE_TRAININGS });
  }
  // One at a time: a merge takes one place in the grading pool's queue, not ten.
  const client = clientIp(request.headers);
  const grades = new Map<string, GradeResult>();
  for (const [key, { exercise, answer }] of toGrade) {
    grades.set(key, await grader.grade(exercise, answer, { client, db }));
  }
  const attempts: AnonymousAttempt[] = kept.map(({ sent, key, lesson, exercise }) => ({
    id: sent.id,
    exerciseId: exercise.id,
    lessonSlug: lesson,
    answer: sent.answer as AnswerJson,
    correct: grades.get(key)?.correct ?? false,
    createdAt: new Date(sent.at),
  }));

  const lessons: Record<string, LessonUpdate> = {};
  for (const [slug, sent] of Object.entries(parsed.data.lessons)) {
    const lesson = findLesson(slug);
    if (!lesson) {
      ignored += 1;
      continue;
    }
    const update: LessonUpdate = {};
    if (sent.completedAt !== undefined) update.completedAt = new Date(sent.completedAt);
    if (sent.position !== undefined) {
      const { anchor, at } = sent.position;
      if (lesson.toc.some((entry) => entry.id === anchor)) {
        update.position = { anchor, at: new Date(at) };
      } else ignored += 1;
    }
    lessons[slug] = update;
  }

  // mergeAnonymousProgress moves future times back to now and drops empty lessons.
  const result = await mergeAnonymousProgress(db, learner.id, { attempts, lessons }, now);
  return { ...result, ignored };
}

function notAfter(date: Date, limit: Date): Date {
  return date > limit ? limit : date;
}
