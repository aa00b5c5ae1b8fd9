import type { LearnerCohort } from "@neuronlab/db/cohorts";

/** One class's assignment of a lesson, as the course page shows it next to the lesson. */
export interface CourseAssignment {
  cohortName: string;
  /** The due moment (the end of the due day in the class's time zone), or null: no due date. */
  dueAt: Date | null;
  /** The class's IANA time zone: the due date is said as a day there. */
  timeZone: string;
  /** The due moment has passed and the learner has not finished the lesson. */
  overdue: boolean;
}

/**
 * The learner's assignments by lesson slug, for the course page: every class that set a lesson,
 * in the order the classes come (by name, as `cohortsOfLearner` lists them). Takes the cohorts as
 * `loadMyCohorts` returns them; archived classes are not among them (the data layer leaves them
 * out). `done`: the lessons the learner has finished, never overdue.
 */
export function courseAssignments(
  cohorts: readonly Pick<LearnerCohort, "name" | "timeZone" | "assignments">[],
  now: Date,
  done: ReadonlySet<string> = new Set(),
): Map<string, CourseAssignment[]> {
  const bySlug = new Map<string, CourseAssignment[]>();
  for (const cohort of cohorts) {
    for (const { lessonSlug, dueAt } of cohort.assignments) {
      const entry: CourseAssignment = {
        cohortName: cohort.name,
        dueAt,
        timeZone: cohort.timeZone,
        overdue: dueAt !== null && dueAt.getTime() < now.getTime() && !done.has(lessonSlug),
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
