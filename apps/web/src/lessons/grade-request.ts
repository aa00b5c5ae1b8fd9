import { z } from "zod";
import { findExercise } from "@neuronlab/content/exercises/catalog";
import {
  answerSchema,
  type Answer,
  type Exercise,
  type GradeResult,
} from "@neuronlab/content/exercises/schema";
import type { Db } from "@neuronlab/db/client";
import { clientIp } from "@/auth/rate-limits";
import { goalGrader } from "@/grading/default-grader";
import type { GoalGrader } from "@/grading/goal-grader";
import { HttpError, issueValues, readJsonBody } from "@/http/errors";
import { recordedTime } from "@/http/time";

/** An answer is a few numbers or option ids; a playground set-up is the largest. */
export const MAX_BODY_BYTES = 8 * 1024;

export const attemptRequestSchema = z
  .object({
    /** The browser's id for this attempt, the same on every retry. */
    attemptId: z.uuid(),
    answer: answerSchema,
    /**
     * When the learner answered, for an answer the browser kept and sends later (it was offline).
     * Only ever moves the recorded time back, never after the request.
     */
    answeredAt: recordedTime.optional(),
  })
  .strict();

export interface AttemptRequest {
  exercise: Exercise;
  /** The exercise's lesson, from the catalog (never from the browser). */
  lesson: string;
  attemptId: string;
  answer: Answer;
  answeredAt?: Date;
}

/**
 * Reads one attempt at an exercise from an untrusted request. Every problem with the request is
 * an HttpError with a message for the learner.
 */
export async function readAttemptRequest(
  exerciseId: string,
  request: Request,
): Promise<AttemptRequest> {
  const found = findExercise(exerciseId);
  if (!found) throw new HttpError(404, "unknown_exercise");
  const body = await readJsonBody(request, MAX_BODY_BYTES);
  const parsed = attemptRequestSchema.safeParse(body);
  if (!parsed.success) throw new HttpError(400, "invalid_answer", issueValues(parsed.error, body));
  const { attemptId, answer, answeredAt } = parsed.data;
  if (answer.kind !== found.exercise.kind) {
    throw new HttpError(400, "wrong_kind", { expected: found.exercise.kind, sent: answer.kind });
  }
  return {
    exercise: found.exercise,
    lesson: found.lesson,
    attemptId,
    answer,
    ...(answeredAt === undefined ? {} : { answeredAt: new Date(answeredAt) }),
  };
}

/**
 * Grades one attempt from an untrusted request; the key never leaves the server, only the result.
 * A playground goal trains on the grader's pool, rate-limited per address when there is a `db`.
 */
export async function gradeRequest(
  exerciseId: string,
  request: Request,
  { grader = goalGrader(), db }: { grader?: GoalGrader; db?: Db } = {},
): Promise<GradeResult> {
  const { exercise, answer } = await readAttemptRequest(exerciseId, request);
  return grader.grade(exercise, answer, { client: clientIp(request.headers), db });
}
