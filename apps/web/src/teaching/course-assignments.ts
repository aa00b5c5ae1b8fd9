import type { LearnerCohort } from "@neuronlab/db/cohorts";
import { assignmentDone, type StoredAssignment } from "./assignment-target";

/** One class's assignment of a lesson, as the course page shows it next to the lesson. */
export interface CourseAssignment {
  cohortName: string;
  /** What is set: the lesson, one of its goal exercises, or a playground setup in it. */
  assignment: StoredAssignment & { note: string | null };
  /** The due moment (the end of the due day in the class's time zone), or null: no due date. */
  dueAt: Date | null;
  /** The class's IANA time zone: the due date is said as a day there. */
  timeZone: string;
  /** The due moment has passed and the learner has not finished the lesson (solved the exercise). */
  overdue: boolean;
}

/**
 * The learner's assignments by lesson slug, for the course page: every class that set a lesson,
 * in the order the classes come (by name, as `cohortsOfLearner` lists them). Takes the cohorts as
 * `loadMyCohorts` returns them; archived classes are not among them (the data layer leaves them
 * out). `done`: the lessons the learner has finished and the exercises solved, never overdue; a
 * playground setup has nothing to finish and is never overdue.
 */
export function courseAssignments(
  cohorts: readonly Pick<LearnerCohort, "name" | "timeZone" | "assignments">[],
  now: Date,
  done: { lessonsDone: ReadonlySet<string>; solved: ReadonlySet<string> } = {
    lessonsDone: new Set(),
    solved: new Set(),
  },
): Map<string, CourseAssignment[]> {
  const bySlug = new Map<string, CourseAssignment[]>();
  for (const cohort of cohorts) {
    for (const { id: _id, dueAt, ...assignment } of cohort.assignments) {
      const { lessonSlug } = assignment;
      const entry: CourseAssignment = {
        cohortName: cohort.name,
        assignment,
        dueAt,
        timeZone: cohort.timeZone,
        overdue:
          dueAt !== null &&
          dueAt.getTime() < now.getTime() &&
          assignmentDone(assignment, done) === false,
      };
      const list = bySlug.get(lessonSlug);
      if (list) list.push(entry);
      else bySlug.set(lessonSlug, [entry]);
    }
  }
  return bySlug;
}

/** Whether any assignment is overdue: only then does the page need to know what is finished. */
export function anyOverdue(assignments: ReadonlyMap<string, readonly CourseAssignment[]>): boolean {
  for (const list of assignments.values()) if (list.some((a) => a.overdue)) return true;
  return false;
}
