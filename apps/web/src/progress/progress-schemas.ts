import { z } from "zod";
import { answerSchema } from "@neuronlab/content/exercises/schema";
import { recordedTime } from "@/http/time";

/**
 * What the browser may send about a learner's progress, checked at the boundary. Server-side
 * only: zod stays out of the lesson pages' bundles.
 */

const time = recordedTime;
const slug = z.string().min(1).max(64);
const anchor = z.string().min(1).max(200);

export const positionSchema = z.object({ anchor, at: time }).strict();

/** PUT /api/progress/lessons/[slug]: a completion, a reading position, or both. */
export const lessonWriteSchema = z
  .object({ completedAt: time.optional(), position: positionSchema.optional() })
  .strict()
  .refine((v) => v.completedAt !== undefined || v.position !== undefined, {
    message: "Send a completion time, a reading position, or both.",
    // For messages in other languages (issueValues in src/http/errors.ts).
    params: { problem: "completion_or_position" },
  });

export type LessonWrite = z.infer<typeof lessonWriteSchema>;

/** Attempts per merge request; the browser sends a longer history in several requests. */
export const MAX_MERGE_ATTEMPTS = 200;
/**
 * Playground goals are graded again by training a network (about 0.2 s each), so a request
 * carries only a few distinct ones: the browser puts them in batches of this size.
 */
export const MAX_MERGE_TRAININGS = 10;
/** Every lesson of the course fits many times over; any more is not a real record. */
const MAX_MERGE_LESSONS = 50;

export const mergeAttemptSchema = z
  .object({
    /** The attempt's id, made in the browser and already used as its idempotency key. */
    id: z.uuid(),
    exerciseId: slug,
    /** When the learner answered. */
    at: time,
    answer: answerSchema,
  })
  .strict();

/** POST /api/progress/merge: the progress this browser kept before sign-in. */
export const mergeRequestSchema = z
  .object({
    attempts: z.array(mergeAttemptSchema).max(MAX_MERGE_ATTEMPTS),
    lessons: z
      .record(
        slug,
        z.object({ completedAt: time.optional(), position: positionSchema.optional() }).strict(),
      )
      .refine((lessons) => Object.keys(lessons).length <= MAX_MERGE_LESSONS, {
        message: `At most ${MAX_MERGE_LESSONS} lessons per request.`,
        params: { problem: "too_many_lessons", max: MAX_MERGE_LESSONS },
      }),
  })
  .strict();

export type MergeRequest = z.infer<typeof mergeRequestSchema>;

/** POST /api/me/delete: the learner types their e-mail address to confirm. */
export const deleteRequestSchema = z.object({ confirmEmail: z.string().min(1).max(320) }).strict();
