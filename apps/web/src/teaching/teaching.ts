import "server-only";
import { z } from "zod";
import { isLocale, LOCALES, type Locale } from "@neuronlab/config/locales";
import { courseIn } from "@neuronlab/content/course";
import { educatorRoleRevoked } from "@neuronlab/db/admin";
import { certificatesOfCohort } from "@neuronlab/db/certificates";
import { classActivity, learnerAttemptsForTeacher } from "@neuronlab/db/class-activity";
import type { Db } from "@neuronlab/db/client";
import {
  addTeacher,
  becomeEducator,
  cohortByJoinCode,
  cohortForTeacher,
  cohortsOfLearner,
  cohortsTaughtBy,
  createCohort,
  joinCohort,
  leaveCohort,
  removeAssignment,
  removeLearner,
  removeTeacher,
  replaceJoinCode,
  setAssignment,
  setCohortArchived,
  setJoinEnabled,
  updateCohort,
  type AssignmentTarget,
} from "@neuronlab/db/cohorts";
import { isPupil } from "@neuronlab/db/pupils";
import { consumeRateLimit } from "@neuronlab/db/rate-limit";
import { mailChoices, setMailChoices } from "@neuronlab/db/reminders";
import type { SessionUser } from "@/auth/session";
import { HttpError, issueValues } from "@/http/errors";
import { answerText, numericAnswer } from "./answer-text";
import { classView, type ClassView } from "./class-view";
import { toCsv } from "./csv";
import { dayIn, endOfDayIn, isTimeZone } from "./due-dates";
import { PLAYGROUND_LESSON, readAssignmentChoice, readPlaygroundSetup } from "./assignment-target";

/**
 * What educators and their learners do with cohorts: one function per page, route handler and
 * server action, each taking who is asking (from the session, never from the request), the
 * database and the request's fields as they arrived. Each checks the role here and the record in
 * the database query, and refuses with an HttpError the caller says in the user's language.
 */

export type Actor = Pick<SessionUser, "id" | "role"> | null;

export function requireSignedIn(actor: Actor): NonNullable<Actor> {
  if (!actor) throw new HttpError(401, "unauthenticated");
  return actor;
}

/** Educators and admins teach; a learner becomes an educator by choosing to ("I teach"). */
export function requireEducator(actor: Actor): NonNullable<Actor> {
  const user = requireSignedIn(actor);
  if (user.role !== "EDUCATOR" && user.role !== "ADMIN") throw new HttpError(403, "forbidden");
  return user;
}

const notFound = () => new HttpError(404, "cohort_not_found");

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (!result.success) throw new HttpError(400, "invalid_cohort_form", issueValues(result.error));
  return result.data;
}

const id = z.string().min(1).max(64);
const text = (max: number) =>
  z
    .string()
    .transform((s) => s.trim())
    .pipe(z.string().max(max));

/** How long before a due date reminders go out, in days (0: no reminders). */
export const REMINDER_DAY_CHOICES = [0, 1, 2, 3, 7] as const;

export const cohortSettingsSchema = z.object({
  name: text(120).pipe(z.string().min(1)),
  description: text(1000).transform((s) => (s.length === 0 ? null : s)),
  locale: z.enum(LOCALES),
  timeZone: z.string().refine(isTimeZone),
  /** The choices the settings form offers; a new cohort starts with two days. */
  reminderDays: z
    .enum(REMINDER_DAY_CHOICES.map(String) as [string, ...string[]])
    .default("2")
    .transform(Number),
});

/** Fields of a form as one object: what the schemas read. Repeated fields keep their last value. */
export function fieldsOf(form: FormData): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string") fields[key] = value;
  return fields;
}

export async function becomeEducatorFor(actor: Actor, db: Db): Promise<void> {
  const user = requireSignedIn(actor);
  // A pupil's account (made from a printed card, issue 12) sees only the course: it cannot teach.
  if (await isPupil(db, user.id)) throw new HttpError(403, "pupil_restricted.educator");
  // An admin's decision to take the role away is not undone by the person themselves.
  if (user.role === "LEARNER" && (await educatorRoleRevoked(db, user.id))) {
    throw new HttpError(403, "educator_revoked");
  }
  await becomeEducator(db, user.id);
}

const checkbox = z
  .literal("on")
  .optional()
  .transform((value) => value === "on");

/**
 * A person's mail choices (account page): reminders for everyone; the weekly summary only for
 * those who teach (a learner's form has no such box, and their stored choice stays).
 */
export async function saveMailChoicesFor(actor: Actor, db: Db, input: unknown): Promise<void> {
  const user = requireSignedIn(actor);
  const choice = parse(z.object({ reminders: checkbox, summary: checkbox }), input);
  const current = await mailChoices(db, user.id);
  if (!current) throw new HttpError(401, "unauthenticated");
  await setMailChoices(db, user.id, {
    mailReminders: choice.reminders,
    mailSummary: user.role === "LEARNER" ? current.mailSummary : choice.summary,
  });
}

export async function createCohortFor(actor: Actor, db: Db, input: unknown) {
  const user = requireEducator(actor);
  return createCohort(db, user.id, parse(cohortSettingsSchema, input));
}

export async function updateCohortFor(actor: Actor, db: Db, input: unknown): Promise<void> {
  const user = requireEducator(actor);
  const { cohortId, ...settings } = parse(cohortSettingsSchema.extend({ cohortId: id }), input);
  if (!(await updateCohort(db, user.id, cohortId, settings))) throw notFound();
}

const flag = z.enum(["true", "false"]).transform((v) => v === "true");

export async function archiveCohortFor(actor: Actor, db: Db, input: unknown): Promise<void> {
  const user = requireEducator(actor);
  const { cohortId, archived } = parse(z.object({ cohortId: id, archived: flag }), input);
  if (!(await setCohortArchived(db, user.id, cohortId, archived))) throw notFound();
}

export async function setJoinEnabledFor(actor: Actor, db: Db, input: unknown): Promise<void> {
  const user = requireEducator(actor);
  const { cohortId, enabled } = parse(z.object({ cohortId: id, enabled: flag }), input);
  if (!(await setJoinEnabled(db, user.id, cohortId, enabled))) throw notFound();
}

export async function replaceJoinCodeFor(actor: Actor, db: Db, input: unknown): Promise<string> {
  const user = requireEducator(actor);
  const { cohortId } = parse(z.object({ cohortId: id }), input);
  const code = await replaceJoinCode(db, user.id, cohortId);
  if (!code) throw notFound();
  return code;
}

export async function addTeacherFor(actor: Actor, db: Db, input: unknown): Promise<void> {
  const user = requireEducator(actor);
  const { cohortId, email } = parse(
    z.object({ cohortId: id, email: z.string().trim().max(254).pipe(z.email()) }),
    input,
  );
  const result = await addTeacher(db, user.id, cohortId, email);
  if (result === "not_found") throw notFound();
  if (result === "no_account") throw new HttpError(400, "teacher_has_no_account", { email });
  if (result === "already") throw new HttpError(409, "already_teaches", { email });
}

export async function removeTeacherFor(actor: Actor, db: Db, input: unknown): Promise<void> {
  const user = requireEducator(actor);
  const { cohortId, teacherId } = parse(z.object({ cohortId: id, teacherId: id }), input);
  const result = await removeTeacher(db, user.id, cohortId, teacherId);
  if (result === "not_found") throw notFound();
  if (result === "last") throw new HttpError(409, "last_teacher");
}

export async function removeLearnerFor(actor: Actor, db: Db, input: unknown): Promise<void> {
  const user = requireEducator(actor);
  const { cohortId, learnerId } = parse(z.object({ cohortId: id, learnerId: id }), input);
  if (!(await removeLearner(db, user.id, cohortId, learnerId))) throw notFound();
}

/**
 * Sets a lesson or one of its goal exercises (`lessonSlug`: "<lesson>" or "<lesson>#<exercise>"),
 * or a playground setup (`playground`: its shared link, with an optional `note`), due on a day
 * in the cohort's time zone or not at all.
 */
export async function setAssignmentFor(actor: Actor, db: Db, input: unknown): Promise<void> {
  const user = requireEducator(actor);
  const fields = parse(
    z.union([
      z.object({
        cohortId: id,
        lessonSlug: z.string().max(200),
        due: dueField,
      }),
      z.object({
        cohortId: id,
        playground: z.string().max(4000),
        note: text(200).default(""),
        due: dueField,
      }),
    ]),
    input,
  );
  const what =
    "lessonSlug" in fields
      ? readAssignmentChoice(fields.lessonSlug)
      : playgroundTarget(fields.playground, fields.note);
  if (!what) {
    throw new HttpError(400, "lessonSlug" in fields ? "unknown_assignment" : "invalid_playground");
  }
  const cohort = await cohortForTeacher(db, user.id, fields.cohortId);
  if (!cohort || cohort.archivedAt) throw notFound();
  const dueAt = fields.due === "" ? null : endOfDayIn(fields.due, cohort.timeZone);
  if (fields.due !== "" && !dueAt) throw new HttpError(400, "invalid_due_date");
  if (!(await setAssignment(db, user.id, fields.cohortId, what, dueAt))) throw notFound();
}

const dueField = z.union([z.literal(""), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)]).default("");

function playgroundTarget(link: string, note: string): AssignmentTarget | null {
  const config = readPlaygroundSetup(link);
  return config === null
    ? null
    : {
        kind: "PLAYGROUND",
        lessonSlug: PLAYGROUND_LESSON,
        config,
        note: note === "" ? null : note,
      };
}

export async function removeAssignmentFor(actor: Actor, db: Db, input: unknown): Promise<void> {
  const user = requireEducator(actor);
  const { cohortId, assignmentId } = parse(z.object({ cohortId: id, assignmentId: id }), input);
  if (!(await removeAssignment(db, user.id, cohortId, assignmentId))) throw notFound();
}

/** Join attempts per account per hour: enough for a class, too few to guess codes. */
export const JOIN_ATTEMPTS_PER_HOUR = 30;

export async function joinCohortFor(
  actor: Actor,
  db: Db,
  input: unknown,
  now: Date = new Date(),
): Promise<{ cohortId: string; already: boolean }> {
  const user = requireSignedIn(actor);
  // A pupil stays in the class their teacher added them to: no joining other cohorts by code.
  if (await isPupil(db, user.id)) throw new HttpError(403, "pupil_restricted.join");
  const { code } = parse(z.object({ code: z.string().trim().min(1).max(40) }), input);
  const limit = await consumeRateLimit(
    db,
    { bucket: "join:user", key: user.id, limit: JOIN_ATTEMPTS_PER_HOUR, windowMs: 3_600_000 },
    now,
  );
  if (!limit.allowed) throw new HttpError(429, "join_rate_limited");
  const result = await joinCohort(db, user.id, code);
  switch (result.status) {
    case "joined":
    case "already":
      return { cohortId: result.cohortId, already: result.status === "already" };
    case "not_found":
      throw new HttpError(404, "join_code_unknown");
    case "closed":
      throw new HttpError(409, "join_closed");
    case "teacher":
      throw new HttpError(409, "join_own_cohort");
  }
}

export async function leaveCohortFor(actor: Actor, db: Db, input: unknown): Promise<void> {
  const user = requireSignedIn(actor);
  const { cohortId } = parse(z.object({ cohortId: id }), input);
  // A pupil's account belongs to their class: only their teacher takes them out (and that deletes it).
  if (await isPupil(db, user.id)) throw new HttpError(403, "pupil_restricted.leave");
  if (!(await leaveCohort(db, user.id, cohortId))) throw notFound();
}

// ---------------------------------------------------------------------------------------------
// Pages and downloads

/** The educator's home: the cohorts they teach. */
export async function loadTeacherHome(actor: Actor, db: Db) {
  const user = requireEducator(actor);
  return cohortsTaughtBy(db, user.id);
}

/** The course's shape in a language: lessons and their exercises, in order. */
export function courseShape(locale: Locale) {
  return courseIn(locale).compiledLessons.map(({ meta, exercises }) => ({
    slug: meta.slug,
    title: meta.title,
    exercises,
  }));
}

export interface CohortPage {
  cohort: NonNullable<Awaited<ReturnType<typeof cohortForTeacher>>>;
  view: ClassView;
  /** The learners' certificates of completion, by learner id. */
  certificates: Map<string, { code: string; issuedAt: Date }>;
}

/** A cohort's page for one of its teachers: 404 for anyone else, whatever their role. */
export async function loadCohortPage(
  actor: Actor,
  db: Db,
  cohortId: string,
  locale: Locale,
  now: Date = new Date(),
): Promise<CohortPage> {
  const user = requireEducator(actor);
  const [cohort, activity, certificates] = await Promise.all([
    cohortForTeacher(db, user.id, cohortId),
    classActivity(db, user.id, cohortId),
    certificatesOfCohort(db, user.id, cohortId),
  ]);
  if (!cohort || !activity || !certificates) throw notFound();
  return {
    cohort,
    view: classView(courseShape(locale), activity, cohort.assignments, now),
    certificates: new Map(certificates.map(({ userId, ...rest }) => [userId, rest])),
  };
}

/** One learner's answers, for a teacher of a cohort they are in. */
export async function loadLearnerPage(actor: Actor, db: Db, cohortId: string, learnerId: string) {
  const user = requireEducator(actor);
  const [cohort, learner] = await Promise.all([
    cohortForTeacher(db, user.id, cohortId),
    learnerAttemptsForTeacher(db, user.id, cohortId, learnerId),
  ]);
  if (!cohort || !learner) throw new HttpError(404, "learner_not_found");
  return { cohort, ...learner };
}

/** The join page: the cohort's name and teachers, nothing about its learners. */
export async function loadJoinPage(db: Db, code: string) {
  if (code.length > 40) return null;
  return cohortByJoinCode(db, code);
}

/** The learner's cohorts, with their assignments, for the dashboard and the course page. */
export async function loadMyCohorts(actor: Actor, db: Db) {
  if (!actor) return [];
  return cohortsOfLearner(db, actor.id);
}

export const exportKindSchema = z.enum(["dashboard", "attempts"]);
export type ExportKind = z.infer<typeof exportKindSchema>;

/** Column headings of the exports, in the file's language. */
export interface ExportHeadings {
  learner: string;
  joined: string;
  lessonsDone: string;
  exercisesSolved: string;
  lastActivity: string;
  /** The column naming a lesson. */
  lessonName: string;
  /** A lesson's column in the dashboard export. */
  lesson: (title: string) => string;
  state: Record<"not_started" | "in_progress" | "done", string>;
  exercise: string;
  answer: string;
  correct: string;
  time: string;
  yes: string;
  no: string;
}

/** A cohort's dashboard or all its learners' answers, as a CSV file for a spreadsheet. */
export async function exportCohortCsv(
  actor: Actor,
  db: Db,
  cohortId: string,
  kind: unknown,
  locale: Locale,
  headings: ExportHeadings,
  now: Date = new Date(),
): Promise<{ filename: string; csv: string }> {
  const parsedKind = exportKindSchema.safeParse(kind);
  if (!parsedKind.success) throw new HttpError(400, "invalid_export_kind");
  const { cohort, view } = await loadCohortPage(actor, db, cohortId, locale, now);
  const day = dayIn(now, cohort.timeZone);
  const slug = cohort.name.replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "") || "cohort";
  const iso = (date: Date | null) => (date ? date.toISOString() : "");
  if (parsedKind.data === "dashboard") {
    const course = courseShape(locale);
    const header = [
      headings.learner,
      headings.joined,
      headings.lessonsDone,
      headings.exercisesSolved,
      headings.lastActivity,
      ...course.map((lesson) => headings.lesson(lesson.title)),
    ];
    const rows = view.learners.map((learner) => [
      learner.displayName,
      iso(learner.joinedAt),
      learner.lessonsDone,
      learner.solved,
      iso(learner.lastActivity),
      ...course.map((lesson) => {
        const cell = learner.lessons[lesson.slug];
        return cell
          ? `${headings.state[cell.state]} (${String(cell.solved)}/${String(cell.total)})`
          : "";
      }),
    ]);
    return { filename: `${slug}-dashboard-${day}.csv`, csv: toCsv(header, rows) };
  }
  const names = new Map(view.learners.map((l) => [l.id, l.displayName]));
  const attempts = await db.exerciseAttempt.findMany({
    where: { user: { memberships: { some: { cohortId } } } },
    select: {
      userId: true,
      exerciseId: true,
      lessonSlug: true,
      answer: true,
      correct: true,
      createdAt: true,
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const titles = new Map(courseShape(locale).map((l) => [l.slug, l.title]));
  const rows = attempts.map((a) => [
    names.get(a.userId) ?? "",
    titles.get(a.lessonSlug) ?? a.lessonSlug,
    a.exerciseId,
    // A number stays a number (a spreadsheet sums it); other answers in words.
    numericAnswer(a.answer) ?? answerText(a.exerciseId, a.answer, locale),
    a.correct ? headings.yes : headings.no,
    a.createdAt.toISOString(),
  ]);
  const header = [
    headings.learner,
    headings.lessonName,
    headings.exercise,
    headings.answer,
    headings.correct,
    headings.time,
  ];
  return { filename: `${slug}-answers-${day}.csv`, csv: toCsv(header, rows) };
}

export function isSupportedLocale(value: unknown): value is Locale {
  return typeof value === "string" && isLocale(value);
}
