import type { ClassActivity, LearnerLesson } from "@neuronlab/db/class-activity";
import { assignmentDone, type StoredAssignment } from "./assignment-target";

/**
 * The class dashboard's numbers, from the rows a cohort's learners left and the course's shape:
 * learners × lessons, per exercise, and who may be stuck. Pure, so the numbers are tested against
 * seeded rows without a page.
 */

export interface CourseShape {
  slug: string;
  /** Exercise ids in the order the lesson shows them. */
  exercises: readonly string[];
}

export type LessonState = "not_started" | "in_progress" | "done";

export interface LessonCell {
  state: LessonState;
  solved: number;
  total: number;
  /** Answers given in this lesson. */
  attempts: number;
  lastActivity: Date | null;
}

export interface LearnerRow {
  id: string;
  /** What the dashboard calls them: the name they chose, else their address. */
  displayName: string;
  joinedAt: Date;
  lessons: Record<string, LessonCell>;
  lessonsDone: number;
  solved: number;
  lastActivity: Date | null;
  /** Why they may need help; empty when nothing suggests it. */
  stuck: StuckReason[];
}

export type StuckReason =
  | { kind: "many_wrong"; exerciseId: string; wrong: number }
  | { kind: "inactive"; lessonSlug: string; dueAt: Date };

export interface ExerciseStats {
  exerciseId: string;
  lessonSlug: string;
  /** Learners who answered it at least once. */
  tried: number;
  solved: number;
  /** Of those who tried, the share whose first answer was right (0–1); null when nobody tried. */
  firstTryShare: number | null;
  attempts: number;
  wrongAnswers: { answer: string; count: number }[];
}

export interface ClassView {
  learners: LearnerRow[];
  exercises: ExerciseStats[];
}

/** Wrong answers on one unsolved exercise from which a learner counts as stuck. */
export const STUCK_WRONG_ANSWERS = 5;
/** Days without activity, with an unfinished assignment due, from which a learner counts as stuck. */
export const STUCK_INACTIVE_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

const later = (a: Date | null, b: Date | null) => (a === null ? b : b === null || a > b ? a : b);

/** The name a learner chose, else their address. */
export function displayName({ name, email }: { name: string | null; email: string }): string {
  const chosen = name?.trim() ?? "";
  return chosen.length > 0 ? chosen : email;
}

export function classView(
  course: readonly CourseShape[],
  activity: ClassActivity,
  assignments: readonly (StoredAssignment & { dueAt: Date | null })[],
  now: Date,
): ClassView {
  const lessonOf = new Map<string, string>();
  for (const lesson of course) for (const id of lesson.exercises) lessonOf.set(id, lesson.slug);

  const progressByUser = new Map<string, Map<string, LearnerLesson>>();
  for (const row of activity.lessons) {
    const mine = progressByUser.get(row.userId) ?? new Map<string, LearnerLesson>();
    mine.set(row.lessonSlug, row);
    progressByUser.set(row.userId, mine);
  }
  const exercisesByUser = new Map<string, ClassActivity["exercises"]>();
  for (const row of activity.exercises) {
    const mine = exercisesByUser.get(row.userId) ?? [];
    mine.push(row);
    exercisesByUser.set(row.userId, mine);
  }

  const learners = activity.learners.map((learner): LearnerRow => {
    const progress = progressByUser.get(learner.id) ?? new Map<string, LearnerLesson>();
    const answered = exercisesByUser.get(learner.id) ?? [];
    const lessons: Record<string, LessonCell> = {};
    let lastActivity: Date | null = null;
    for (const { slug, exercises } of course) {
      const here = answered.filter((e) => (lessonOf.get(e.exerciseId) ?? e.lessonSlug) === slug);
      const row = progress.get(slug);
      const solved = here.filter((e) => e.solved && exercises.includes(e.exerciseId)).length;
      const attempts = here.reduce((n, e) => n + e.attempts, 0);
      let last: Date | null = row ? row.updatedAt : null;
      for (const e of here) last = later(last, e.lastAt);
      const state: LessonState = row?.completedAt
        ? "done"
        : row || here.length > 0
          ? "in_progress"
          : "not_started";
      lessons[slug] = { state, solved, total: exercises.length, attempts, lastActivity: last };
      lastActivity = later(lastActivity, last);
    }
    const stuck: StuckReason[] = [];
    for (const e of answered) {
      if (!e.solved && e.wrong >= STUCK_WRONG_ANSWERS) {
        stuck.push({ kind: "many_wrong", exerciseId: e.exerciseId, wrong: e.wrong });
      }
    }
    const quietSince = lastActivity ?? learner.joinedAt;
    if (now.getTime() - quietSince.getTime() >= STUCK_INACTIVE_DAYS * DAY_MS) {
      const finished = {
        lessonsDone: new Set(
          Object.keys(lessons).filter((slug) => lessons[slug]?.state === "done"),
        ),
        solved: new Set(answered.filter((e) => e.solved).map((e) => e.exerciseId)),
      };
      for (const assignment of assignments) {
        const { lessonSlug, dueAt } = assignment;
        if (dueAt && dueAt > now && assignmentDone(assignment, finished) === false) {
          stuck.push({ kind: "inactive", lessonSlug, dueAt });
        }
      }
    }
    return {
      id: learner.id,
      displayName: displayName(learner),
      joinedAt: learner.joinedAt,
      lessons,
      lessonsDone: Object.values(lessons).filter((c) => c.state === "done").length,
      solved: Object.values(lessons).reduce((n, c) => n + c.solved, 0),
      lastActivity,
      stuck,
    };
  });

  const wrongBy = new Map<string, { answer: string; count: number }[]>();
  for (const { exerciseId, answer, count } of activity.wrongAnswers) {
    const list = wrongBy.get(exerciseId) ?? [];
    list.push({ answer, count });
    wrongBy.set(exerciseId, list);
  }
  const exercises = course.flatMap(({ slug, exercises: ids }) =>
    ids.map((exerciseId): ExerciseStats => {
      const rows = activity.exercises.filter((e) => e.exerciseId === exerciseId);
      const firstRight = rows.filter((e) => e.firstCorrect).length;
      return {
        exerciseId,
        lessonSlug: slug,
        tried: rows.length,
        solved: rows.filter((e) => e.solved).length,
        firstTryShare: rows.length === 0 ? null : firstRight / rows.length,
        attempts: rows.reduce((n, e) => n + e.attempts, 0),
        wrongAnswers: wrongBy.get(exerciseId) ?? [],
      };
    }),
  );
  return { learners, exercises };
}
