import { randomInt } from "node:crypto";
import type { Db } from "./client.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { deletePupilOfCohort } from "./pupils.ts";
import { normaliseEmail } from "./users.ts";

/**
 * Cohorts, as their teachers and learners use them. Every function that reads or changes a cohort
 * for someone takes that person's id and checks it in the same query (`where` names the teacher or
 * the member), so a forged cohort id finds nothing: per record, never per role alone.
 */

/** Letters and digits that cannot be mistaken for one another when read off a projector. */
const JOIN_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A new join code: 8 symbols of 32 (40 bits), shown as XXXX-XXXX. */
export function newJoinCode(): string {
  let code = "";
  for (let i = 0; i < 8; i++)
    code += JOIN_CODE_ALPHABET.charAt(randomInt(JOIN_CODE_ALPHABET.length));
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/**
 * A join code as typed: case, spaces and dashes do not matter ("k7qm 3xpa" is K7QM-3XPA). Codes
 * made before this format (the demo's DEMO-2026) keep their own shape.
 */
export function normaliseJoinCode(input: string): string {
  const bare = input.toUpperCase().replace(/[\s-]+/g, "");
  return bare.length === 8 && /^[A-Z0-9]+$/.test(bare)
    ? `${bare.slice(0, 4)}-${bare.slice(4)}`
    : bare;
}

export interface CohortSettings {
  name: string;
  description: string | null;
  /** A code from locales.json. */
  locale: string;
  /** An IANA time zone. */
  timeZone: string;
  /** Days before a due moment that unfinished learners are reminded (0: never); default 2. */
  reminderDays?: number;
}

/** Only a learner becomes an educator this way; an admin keeps their role. Returns the role. */
export async function becomeEducator(db: Db, userId: string) {
  await db.user.updateMany({ where: { id: userId, role: "LEARNER" }, data: { role: "EDUCATOR" } });
  const user = await db.user.findUnique({ where: { id: userId }, select: { role: true } });
  return user?.role ?? null;
}

/** An admin's decision: an educator goes back to being a learner (their cohorts stay, closed to them). */
export async function revokeEducator(db: Db, userId: string): Promise<boolean> {
  const { count } = await db.user.updateMany({
    where: { id: userId, role: "EDUCATOR" },
    data: { role: "LEARNER" },
  });
  return count === 1;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** Creates a cohort taught by its creator, with a fresh join code. */
export async function createCohort(
  db: Db,
  ownerId: string,
  settings: CohortSettings,
): Promise<{ id: string; joinCode: string }> {
  for (let tries = 0; ; tries++) {
    try {
      return await db.cohort.create({
        data: {
          ...settings,
          ownerId,
          joinCode: newJoinCode(),
          teachers: { create: { userId: ownerId } },
        },
        select: { id: true, joinCode: true },
      });
    } catch (error) {
      // 2^40 codes: a clash is rare; a second one in a row is not a clash but a bug.
      if (!isUniqueViolation(error) || tries >= 3) throw error;
    }
  }
}

const taughtBy = (userId: string) => ({ teachers: { some: { userId } } });

export interface CohortListItem {
  id: string;
  name: string;
  description: string | null;
  archivedAt: Date | null;
  learners: number;
  createdAt: Date;
}

/** The cohorts a person teaches: open ones first, newest first. */
export async function cohortsTaughtBy(db: Db, userId: string): Promise<CohortListItem[]> {
  const rows = await db.cohort.findMany({
    where: taughtBy(userId),
    select: {
      id: true,
      name: true,
      description: true,
      archivedAt: true,
      createdAt: true,
      _count: { select: { memberships: true } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
  return rows
    .map(({ _count, ...cohort }) => ({ ...cohort, learners: _count.memberships }))
    .sort((a, b) => Number(a.archivedAt !== null) - Number(b.archivedAt !== null));
}

/** Everything a teacher sees about one cohort they teach; null when they do not teach it. */
export async function cohortForTeacher(db: Db, userId: string, cohortId: string) {
  const cohort = await db.cohort.findFirst({
    where: { id: cohortId, ...taughtBy(userId) },
    select: {
      id: true,
      name: true,
      description: true,
      locale: true,
      timeZone: true,
      reminderDays: true,
      joinCode: true,
      joinEnabled: true,
      archivedAt: true,
      createdAt: true,
      teachers: {
        select: { addedAt: true, user: { select: { id: true, name: true, email: true } } },
        orderBy: [{ addedAt: "asc" }, { userId: "asc" }],
      },
      memberships: {
        select: { joinedAt: true, user: { select: { id: true, name: true, email: true } } },
        orderBy: [{ joinedAt: "asc" }, { userId: "asc" }],
      },
      assignments: {
        select: { id: true, kind: true, lessonSlug: true, target: true, note: true, dueAt: true },
        orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { lessonSlug: "asc" }],
      },
    },
  });
  if (!cohort) return null;
  return {
    ...cohort,
    teachers: cohort.teachers.map(({ user, addedAt }) => ({ ...user, addedAt })),
    learners: cohort.memberships.map(({ user, joinedAt }) => ({ ...user, joinedAt })),
  };
}

export type TeacherCohort = NonNullable<Awaited<ReturnType<typeof cohortForTeacher>>>;

/**
 * Changes a cohort the user teaches and that is not archived; false when there is no such cohort
 * for them.
 */
async function changeTaught(
  db: Db,
  userId: string,
  cohortId: string,
  data: Prisma.CohortUpdateManyMutationInput,
): Promise<boolean> {
  const { count } = await db.cohort.updateMany({
    where: { id: cohortId, ...taughtBy(userId), archivedAt: null },
    data,
  });
  return count === 1;
}

export function updateCohort(db: Db, userId: string, cohortId: string, settings: CohortSettings) {
  return changeTaught(db, userId, cohortId, settings);
}

/** Archives or restores; archiving an archived cohort keeps the day it was archived. */
export async function setCohortArchived(
  db: Db,
  userId: string,
  cohortId: string,
  archived: boolean,
): Promise<boolean> {
  const { count } = await db.cohort.updateMany({
    where: { id: cohortId, ...taughtBy(userId), archivedAt: archived ? null : { not: null } },
    data: { archivedAt: archived ? new Date() : null },
  });
  // Archived: its pupils are signed out everywhere (their cards sign in again once restored).
  if (archived && count === 1) {
    await db.session.deleteMany({ where: { user: { pupilCard: { cohortId } } } });
  }
  return (await db.cohort.count({ where: { id: cohortId, ...taughtBy(userId) } })) === 1;
}

export function setJoinEnabled(db: Db, userId: string, cohortId: string, enabled: boolean) {
  return changeTaught(db, userId, cohortId, { joinEnabled: enabled });
}

/** A new join code; the old one stops working at once. Null when the user cannot change it. */
export async function replaceJoinCode(
  db: Db,
  userId: string,
  cohortId: string,
): Promise<string | null> {
  for (let tries = 0; ; tries++) {
    const joinCode = newJoinCode();
    try {
      return (await changeTaught(db, userId, cohortId, { joinCode })) ? joinCode : null;
    } catch (error) {
      if (!isUniqueViolation(error) || tries >= 3) throw error;
    }
  }
}

/** Whether the user teaches this cohort and may change it now (it is not archived). */
async function teachesOpen(db: Db, userId: string, cohortId: string): Promise<boolean> {
  const found = await db.cohort.findFirst({
    where: { id: cohortId, ...taughtBy(userId), archivedAt: null },
    select: { id: true },
  });
  return found !== null;
}

export type AddTeacherResult = "added" | "already" | "no_account" | "not_found";

/**
 * Adds a co-teacher by e-mail address. They need an account (signing in once makes one); a learner
 * becomes an educator by it.
 */
export async function addTeacher(
  db: Db,
  userId: string,
  cohortId: string,
  email: string,
): Promise<AddTeacherResult> {
  if (!(await teachesOpen(db, userId, cohortId))) return "not_found";
  const colleague = await db.user.findUnique({
    where: { email: normaliseEmail(email) },
    select: { id: true },
  });
  if (!colleague) return "no_account";
  // Two requests adding the same colleague at once: one adds, the other finds the row.
  const { count } = await db.cohortTeacher.createMany({
    data: [{ cohortId, userId: colleague.id }],
    skipDuplicates: true,
  });
  if (count === 0) return "already";
  await db.user.updateMany({
    where: { id: colleague.id, role: "LEARNER" },
    data: { role: "EDUCATOR" },
  });
  return "added";
}

/**
 * Removes a teacher (oneself included) from a cohort; the last teacher cannot go. Returns
 * "removed", "last" or "not_found".
 */
export async function removeTeacher(
  db: Db,
  userId: string,
  cohortId: string,
  teacherId: string,
): Promise<"removed" | "last" | "not_found"> {
  if (!(await teachesOpen(db, userId, cohortId))) return "not_found";
  return db.$transaction(async (tx) => {
    // Teachers removing one another at once take turns on the cohort's row, so the second sees
    // what the first left (READ COMMITTED alone would let both see two teachers).
    await tx.$executeRaw`SELECT 1 FROM "Cohort" WHERE "id" = ${cohortId} FOR UPDATE`;
    const teachers = await tx.cohortTeacher.findMany({
      where: { cohortId },
      select: { userId: true },
    });
    const ids = teachers.map((t) => t.userId);
    if (!ids.includes(userId) || !ids.includes(teacherId)) return "not_found";
    if (teachers.length === 1) return "last";
    await tx.cohortTeacher.delete({ where: { cohortId_userId: { cohortId, userId: teacherId } } });
    return "removed";
  });
}

/**
 * Takes a learner out of a cohort the user teaches. A pupil of this cohort (their card made by it)
 * is deleted with everything of theirs in the same transaction (`deletePupilOfCohort`): their
 * account exists only because of the cohort, and their card stops working. Anyone else, a pupil
 * of another cohort included, only loses the membership. False when there was nobody to remove.
 */
export async function removeLearner(
  db: Db,
  userId: string,
  cohortId: string,
  learnerId: string,
): Promise<boolean> {
  if (!(await teachesOpen(db, userId, cohortId))) return false;
  return db.$transaction(async (tx) => {
    const { count } = await tx.cohortMembership.deleteMany({
      where: { cohortId, userId: learnerId },
    });
    // Also a pupil of this cohort who had left it: nothing about them need stay.
    const deleted = await deletePupilOfCohort(tx, cohortId, learnerId);
    return count === 1 || deleted;
  });
}

/**
 * What an assignment sets: a lesson, one exercise of a lesson, or a playground setup (the encoded
 * configuration of the playground's shared link, in the lesson that holds the playground). The
 * caller checks that the lesson, the exercise and the configuration exist and are valid.
 */
export type AssignmentTarget =
  | { kind: "LESSON"; lessonSlug: string }
  | { kind: "EXERCISE"; lessonSlug: string; exerciseId: string }
  | { kind: "PLAYGROUND"; lessonSlug: string; config: string; note: string | null };

function targetKey(target: AssignmentTarget): string {
  if (target.kind === "LESSON") return target.lessonSlug;
  return target.kind === "EXERCISE" ? target.exerciseId : target.config;
}

/** Sets (or moves the due moment of) an assignment; a bare slug sets that lesson. */
export async function setAssignment(
  db: Db,
  userId: string,
  cohortId: string,
  what: AssignmentTarget | string,
  dueAt: Date | null,
): Promise<boolean> {
  if (!(await teachesOpen(db, userId, cohortId))) return false;
  const target: AssignmentTarget =
    typeof what === "string" ? { kind: "LESSON", lessonSlug: what } : what;
  const key = targetKey(target);
  const note = target.kind === "PLAYGROUND" ? target.note : null;
  await db.assignment.upsert({
    where: { cohortId_kind_target: { cohortId, kind: target.kind, target: key } },
    create: {
      cohortId,
      kind: target.kind,
      lessonSlug: target.lessonSlug,
      target: key,
      note,
      dueAt,
    },
    update: { dueAt, note },
    select: { id: true },
  });
  return true;
}

export async function removeAssignment(
  db: Db,
  userId: string,
  cohortId: string,
  assignmentId: string,
): Promise<boolean> {
  if (!(await teachesOpen(db, userId, cohortId))) return false;
  const { count } = await db.assignment.deleteMany({ where: { id: assignmentId, cohortId } });
  return count === 1;
}

/** What the join page shows before someone joins: nothing about the cohort's learners. */
export async function cohortByJoinCode(db: Db, code: string) {
  const cohort = await db.cohort.findUnique({
    where: { joinCode: normaliseJoinCode(code) },
    select: {
      id: true,
      name: true,
      description: true,
      joinEnabled: true,
      archivedAt: true,
      teachers: {
        select: { user: { select: { name: true } } },
        orderBy: [{ addedAt: "asc" }, { userId: "asc" }],
      },
    },
  });
  if (!cohort) return null;
  return {
    id: cohort.id,
    name: cohort.name,
    description: cohort.description,
    open: cohort.joinEnabled && cohort.archivedAt === null,
    teachers: cohort.teachers.flatMap(({ user }) => (user.name ? [user.name] : [])),
  };
}

export type JoinResult =
  | { status: "joined" | "already"; cohortId: string }
  | { status: "not_found" | "closed" | "teacher" };

/** Joins the cohort whose code this is, when its code is on and it is not archived. */
export async function joinCohort(db: Db, userId: string, code: string): Promise<JoinResult> {
  const cohort = await db.cohort.findUnique({
    where: { joinCode: normaliseJoinCode(code) },
    select: { id: true, joinEnabled: true, archivedAt: true, teachers: { where: { userId } } },
  });
  if (!cohort) return { status: "not_found" };
  if (!cohort.joinEnabled || cohort.archivedAt) return { status: "closed" };
  if (cohort.teachers.length > 0) return { status: "teacher" };
  const { count } = await db.cohortMembership.createMany({
    data: [{ cohortId: cohort.id, userId }],
    skipDuplicates: true,
  });
  return { status: count === 1 ? "joined" : "already", cohortId: cohort.id };
}

/** A learner leaves a cohort: its teachers no longer see them. */
export async function leaveCohort(db: Db, userId: string, cohortId: string): Promise<boolean> {
  const { count } = await db.cohortMembership.deleteMany({ where: { cohortId, userId } });
  return count === 1;
}

/** The open cohorts a learner is in, with their teachers' names and assignments. */
export async function cohortsOfLearner(db: Db, userId: string) {
  const rows = await db.cohort.findMany({
    where: { memberships: { some: { userId } }, archivedAt: null },
    select: {
      id: true,
      name: true,
      timeZone: true,
      teachers: {
        select: { user: { select: { name: true } } },
        orderBy: [{ addedAt: "asc" }, { userId: "asc" }],
      },
      assignments: {
        select: { id: true, kind: true, lessonSlug: true, target: true, note: true, dueAt: true },
        orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { lessonSlug: "asc" }],
      },
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return rows.map(({ teachers, ...cohort }) => ({
    ...cohort,
    teachers: teachers.flatMap(({ user }) => (user.name ? [user.name] : [])),
  }));
}

export type LearnerCohort = Awaited<ReturnType<typeof cohortsOfLearner>>[number];
