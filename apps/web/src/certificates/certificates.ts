import "server-only";
import { z } from "zod";
import { DEFAULT_LOCALE } from "@neuronlab/config/locales";
import {
  certificateByCode,
  certificateOf,
  certificatesOfCohort,
  claimCertificate,
  courseProgress,
  MAX_CERTIFICATE_NAME,
  type CohortCertificate,
  type CourseProgress,
  type CourseRequirements,
  type OwnCertificate,
  type PublicCertificate,
} from "@neuronlab/db/certificates";
import type { Db } from "@neuronlab/db/client";
import { HttpError } from "@/http/errors";
import { courseShape, requireEducator, requireSignedIn, type Actor } from "@/teaching/teaching";

/**
 * Certificates of completion: one function per page and server action, each taking who is asking
 * (from the session, never from the request), the database and the request's fields as they
 * arrived, like the teaching rules (src/teaching/teaching.ts). Claiming needs an account and the
 * whole course done; verifying a code needs nothing, and shows nothing personal but the name the
 * learner chose to print and the day.
 */

export { MAX_CERTIFICATE_NAME };

/**
 * What the course asks for a certificate: every lesson's slug and every exercise's id. The same in
 * every language (the content build checks it), so the source language's course says it.
 */
export function courseRequirements(): CourseRequirements {
  const lessons = courseShape(DEFAULT_LOCALE);
  return {
    lessons: lessons.map((lesson) => lesson.slug),
    exercises: lessons.flatMap((lesson) => lesson.exercises),
  };
}

/** Characters that would make the printed name lie: control characters and bidi overrides. */
const HIDDEN = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

/**
 * The name to print: runs of white space (line breaks included) become one space, ends trimmed,
 * then 1–100 characters. Anything far longer is refused before it is looked at.
 */
export const certificateNameSchema = z
  .string()
  .max(10 * MAX_CERTIFICATE_NAME)
  .transform((s) => s.normalize("NFC").replace(/\s+/gu, " ").trim())
  .pipe(
    z
      .string()
      .min(1)
      .max(MAX_CERTIFICATE_NAME)
      .refine((s) => !HIDDEN.test(s), { params: { problem: "hidden" } }),
  );

const claimSchema = z.object({ name: certificateNameSchema });

function parseClaim(input: unknown): { name: string } {
  const parsed = claimSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  if (issue?.code === "too_big")
    throw new HttpError(400, "certificate_name.too_long", { max: MAX_CERTIFICATE_NAME });
  if (issue?.code === "custom") throw new HttpError(400, "certificate_name.hidden");
  // A missing or empty field, or one that is not text.
  throw new HttpError(400, "certificate_name.missing");
}

export type MyCertificate =
  | { status: "issued"; certificate: OwnCertificate }
  /** Finished: the claim form. */
  | { status: "claimable"; progress: CourseProgress }
  /** Not yet: how far they are. */
  | { status: "progress"; progress: CourseProgress };

/** The dashboard's "Your certificate": theirs, the claim form, or how far they are. */
export async function loadMyCertificate(actor: Actor, db: Db): Promise<MyCertificate | null> {
  if (!actor) return null;
  const certificate = await certificateOf(db, actor.id);
  if (certificate) return { status: "issued", certificate };
  const progress = await courseProgress(db, actor.id, courseRequirements());
  return { status: progress.finished ? "claimable" : "progress", progress };
}

/**
 * Issues the signed-in learner's certificate with the name they chose, once they have finished;
 * a learner who holds one gets that one back (a second click or tab makes no second one).
 */
export async function claimCertificateFor(
  actor: Actor,
  db: Db,
  input: unknown,
): Promise<{ code: string; already: boolean }> {
  const user = requireSignedIn(actor);
  const { name } = parseClaim(input);
  const result = await claimCertificate(db, user.id, name, courseRequirements());
  switch (result.status) {
    case "issued":
    case "existing":
      return { code: result.certificate.code, already: result.status === "existing" };
    case "not_finished": {
      const { lessonsDone, lessonsTotal, exercisesSolved, exercisesTotal } = result.progress;
      throw new HttpError(409, "course_not_finished", {
        lessonsDone,
        lessonsTotal,
        exercisesSolved,
        exercisesTotal,
      });
    }
    case "no_user":
      throw new HttpError(401, "unauthenticated");
  }
}

/**
 * The public verification page: the same for everyone, signed in or not. Null (a 404) for a
 * code nobody holds and for text that cannot be a code, which is never looked up.
 */
export async function loadCertificatePage(db: Db, code: string): Promise<PublicCertificate | null> {
  return certificateByCode(db, code);
}

/** Who in a cohort holds a certificate, for one of its teachers: 404 for anyone else. */
export async function loadCohortCertificates(
  actor: Actor,
  db: Db,
  cohortId: string,
): Promise<CohortCertificate[]> {
  const user = requireEducator(actor);
  const certificates = await certificatesOfCohort(db, user.id, cohortId);
  if (!certificates) throw new HttpError(404, "cohort_not_found");
  return certificates;
}
