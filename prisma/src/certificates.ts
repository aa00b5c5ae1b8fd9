import { randomInt } from "node:crypto";
import type { Db } from "./client.ts";
import { Prisma } from "../generated/prisma/client.ts";

/**
 * Certificates of completion. A learner who has finished the course (every lesson completed,
 * every exercise solved) claims one with the name they want on it; anyone holding its code can
 * verify it. The course's shape is the caller's: this package does not know the lessons, so each
 * function that decides "finished" takes their slugs and exercise ids.
 *
 * A learner has at most one valid (not revoked) certificate. The schema cannot say so (a partial
 * unique index is not expressible in Prisma's schema), so a claim takes the learner's row with
 * `SELECT … FOR UPDATE` first: two claims at once take turns, and the second finds the first's.
 */

/** Letters and digits that cannot be mistaken for one another when read off paper. */
export const CERTIFICATE_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** Symbols in a code: 16 of 32, 80 bits, far beyond guessing, shown as XXXX-XXXX-XXXX-XXXX. */
export const CERTIFICATE_CODE_SYMBOLS = 16;

/** The longest text ever read as a code (anything longer is not one, and is not looked up). */
export const MAX_CODE_INPUT = 64;

/** The longest name a certificate carries; the web layer checks the name before it comes here. */
export const MAX_CERTIFICATE_NAME = 100;

const CODE_SHAPE = new RegExp(`^[${CERTIFICATE_CODE_ALPHABET}]{${CERTIFICATE_CODE_SYMBOLS}}$`);

function grouped(bare: string): string {
  return bare.match(/.{1,4}/g)?.join("-") ?? bare;
}

/** A new verification code: 16 random symbols of the unambiguous alphabet, in groups of four. */
export function newCertificateCode(): string {
  let code = "";
  for (let i = 0; i < CERTIFICATE_CODE_SYMBOLS; i++)
    code += CERTIFICATE_CODE_ALPHABET.charAt(randomInt(CERTIFICATE_CODE_ALPHABET.length));
  return grouped(code);
}

/**
 * A code as typed or linked, in its stored form ("k7qm 3xpa …" is K7QM-3XPA-…): case, spaces and
 * dashes do not matter. Null for anything that cannot be a code (too long, wrong length, a
 * symbol outside the alphabet), which is then never looked up.
 */
export function normaliseCertificateCode(input: string): string | null {
  if (input.length > MAX_CODE_INPUT) return null;
  const bare = input.toUpperCase().replace(/[\s-]+/g, "");
  return CODE_SHAPE.test(bare) ? grouped(bare) : null;
}

/** What the course asks of a learner: its lessons' slugs and its exercises' ids. */
export interface CourseRequirements {
  lessons: readonly string[];
  exercises: readonly string[];
}

export interface CourseProgress {
  lessonsDone: number;
  lessonsTotal: number;
  exercisesSolved: number;
  exercisesTotal: number;
  /** Every lesson completed and every exercise solved. */
  finished: boolean;
}

/**
 * How far a learner is through the course: lessons with a completion, exercises with at least
 * one right answer. Only the course's own lessons and exercises count (rows of lessons that no
 * longer exist do not); a course with nothing in it is never finished.
 */
export async function courseProgress(
  db: Db | Prisma.TransactionClient,
  userId: string,
  course: CourseRequirements,
): Promise<CourseProgress> {
  const lessons = [...new Set(course.lessons)];
  const exercises = [...new Set(course.exercises)];
  const [lessonsDone, solved] = await Promise.all([
    db.lessonProgress.count({
      where: { userId, lessonSlug: { in: lessons }, completedAt: { not: null } },
    }),
    db.exerciseAttempt.findMany({
      where: { userId, exerciseId: { in: exercises }, correct: true },
      distinct: ["exerciseId"],
      select: { exerciseId: true },
    }),
  ]);
  return {
    lessonsDone,
    lessonsTotal: lessons.length,
    exercisesSolved: solved.length,
    exercisesTotal: exercises.length,
    finished:
      lessons.length + exercises.length > 0 &&
      lessonsDone === lessons.length &&
      solved.length === exercises.length,
  };
}

export interface OwnCertificate {
  code: string;
  name: string;
  issuedAt: Date;
}

const ownSelect = { code: true, name: true, issuedAt: true } as const;

/** The learner's valid certificate, if they have one. */
export async function certificateOf(db: Db, userId: string): Promise<OwnCertificate | null> {
  return db.certificate.findFirst({
    where: { userId, revokedAt: null },
    select: ownSelect,
    orderBy: [{ issuedAt: "asc" }, { id: "asc" }],
  });
}

export type ClaimResult =
  /** Made now. */
  | { status: "issued"; certificate: OwnCertificate }
  /** They had one already (a second click, a second tab): that one, unchanged. */
  | { status: "existing"; certificate: OwnCertificate }
  /** Not yet: what is still missing. */
  | { status: "not_finished"; progress: CourseProgress }
  /** No such user (deleted between sign-in and claim). */
  | { status: "no_user" };

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * Issues the learner's certificate with the name they chose, when they have finished the course;
 * when they already hold a valid one, returns it as it is (the name stays the one first chosen).
 * `name` must already be checked (trimmed, 1–100 characters).
 */
export async function claimCertificate(
  db: Db,
  userId: string,
  name: string,
  course: CourseRequirements,
  now: Date = new Date(),
): Promise<ClaimResult> {
  for (let tries = 0; ; tries++) {
    try {
      return await db.$transaction(async (tx): Promise<ClaimResult> => {
        // Claims of one learner take turns here: the second sees what the first made.
        const locked = await tx.$queryRaw<{ id: string }[]>`
          SELECT "id" FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
        if (locked.length === 0) return { status: "no_user" };
        const existing = await tx.certificate.findFirst({
          where: { userId, revokedAt: null },
          select: ownSelect,
          orderBy: [{ issuedAt: "asc" }, { id: "asc" }],
        });
        if (existing) return { status: "existing", certificate: existing };
        const progress = await courseProgress(tx, userId, course);
        if (!progress.finished) return { status: "not_finished", progress };
        const certificate = await tx.certificate.create({
          data: { userId, name, code: newCertificateCode(), issuedAt: now },
          select: ownSelect,
        });
        return { status: "issued", certificate };
      });
    } catch (error) {
      // 2^80 codes: a clash is all but impossible, and a second one in a row is a bug.
      if (!isUniqueViolation(error) || tries >= 3) throw error;
    }
  }
}

/** What anyone may see about a certificate: its code, the chosen name, the day; or "revoked". */
export type PublicCertificate =
  | { status: "valid"; code: string; name: string; issuedAt: Date }
  | { status: "revoked"; code: string };

/**
 * The certificate with this code, for its public verification page; null when the text is not a
 * code or no certificate has it. Nothing about its holder beyond the name they chose to print.
 */
export async function certificateByCode(db: Db, input: string): Promise<PublicCertificate | null> {
  const code = normaliseCertificateCode(input);
  if (!code) return null;
  const found = await db.certificate.findUnique({
    where: { code },
    select: { code: true, name: true, issuedAt: true, revokedAt: true },
  });
  if (!found) return null;
  if (found.revokedAt) return { status: "revoked", code: found.code };
  return { status: "valid", code: found.code, name: found.name, issuedAt: found.issuedAt };
}

export interface CohortCertificate {
  userId: string;
  code: string;
  issuedAt: Date;
}

/**
 * Who of a cohort's learners holds a valid certificate, for a teacher of that cohort (archived
 * ones included: their teachers still read them); null when `teacherId` does not teach it.
 */
export async function certificatesOfCohort(
  db: Db,
  teacherId: string,
  cohortId: string,
): Promise<CohortCertificate[] | null> {
  const cohort = await db.cohort.findFirst({
    where: { id: cohortId, teachers: { some: { userId: teacherId } } },
    select: { id: true },
  });
  if (!cohort) return null;
  const rows = await db.certificate.findMany({
    where: { revokedAt: null, user: { memberships: { some: { cohortId } } } },
    select: { userId: true, code: true, issuedAt: true },
    orderBy: [{ issuedAt: "asc" }, { id: "asc" }],
  });
  // At most one valid certificate each; should an old row break that, the first issued counts.
  const seen = new Set<string>();
  return rows.filter((row) => !seen.has(row.userId) && seen.add(row.userId));
}

/** Revokes a certificate by its code (an admin's decision); false when there is no valid one. */
export async function revokeCertificate(db: Db, code: string, now: Date = new Date()) {
  const normalised = normaliseCertificateCode(code);
  if (!normalised) return false;
  const { count } = await db.certificate.updateMany({
    where: { code: normalised, revokedAt: null },
    data: { revokedAt: now },
  });
  return count === 1;
}
