import { findLesson } from "@neuronlab/content/course";
import { findExercise } from "@neuronlab/content/exercises/catalog";
import { decodeConfig, encodeConfig, URL_KEY } from "@neuronlab/content/widgets/playground/config";
import type { AssignmentTarget } from "@neuronlab/db/cohorts";

/**
 * What a teacher can set, read from the assignment form, and where each kind of assignment leads
 * a learner: a lesson, one goal exercise (the exercises where a learner trains a network to a
 * goal), or a prepared playground setup shared as a link.
 */

/** The lesson whose page holds the playground. */
export const PLAYGROUND_LESSON = "why-deep-works";

export interface StoredAssignment {
  kind: AssignmentTarget["kind"];
  lessonSlug: string;
  target: string;
}

/** The form's choice: "<lesson>" for a lesson, "<lesson>#<exercise>" for one of its goal exercises. */
export function readAssignmentChoice(value: string): AssignmentTarget | null {
  const [lessonSlug = "", exerciseId, ...rest] = value.split("#");
  if (rest.length > 0 || !findLesson(lessonSlug)) return null;
  if (exerciseId === undefined) return { kind: "LESSON", lessonSlug };
  const found = findExercise(exerciseId);
  if (found?.lesson !== lessonSlug || found.exercise.kind !== "goal") return null;
  return { kind: "EXERCISE", lessonSlug, exerciseId };
}

/** The goal exercises a teacher can set, by lesson, in the course's order. */
export function goalExerciseChoices(lessonSlug: string, exerciseIds: readonly string[]): string[] {
  return exerciseIds
    .filter((id) => findExercise(id)?.exercise.kind === "goal")
    .map((id) => `${lessonSlug}#${id}`);
}

/** Longest playground link read (the playground itself reads at most 1,000 characters of it). */
const MAX_LINK = 2000;

/**
 * A playground setup from what a teacher pasted: the playground's shared link (any address whose
 * query has its `pg` key) or the bare value. Returns the setup in its one canonical form, or null
 * when there is none. The playground's own decoder judges every field; out-of-range values take
 * the playground's defaults, as they would when the link is opened.
 */
export function readPlaygroundSetup(input: string): string | null {
  const text = input.trim();
  if (text.length === 0 || text.length > MAX_LINK) return null;
  let value: string | null = null;
  if (text.startsWith("v1_")) value = text;
  else {
    try {
      value = new URL(text, "https://neuronlab.invalid").searchParams.get(URL_KEY);
    } catch {
      value = null;
    }
  }
  if (!value?.startsWith("v1_")) return null;
  return encodeConfig(decodeConfig(value));
}

/** Where an assignment takes a learner, without a language (the i18n `Link` adds it). */
export function assignmentHref({
  kind,
  lessonSlug,
  target,
}: StoredAssignment): `/course/${string}` {
  if (kind === "EXERCISE") return `/course/${lessonSlug}#exercise-${target}`;
  if (kind === "PLAYGROUND") return `/course/${lessonSlug}?${URL_KEY}=${target}`;
  return `/course/${lessonSlug}`;
}

/**
 * Whether a learner has done an assignment: the lesson finished, the exercise solved. A
 * playground setup has nothing to finish: null.
 */
export function assignmentDone(
  { kind, lessonSlug, target }: StoredAssignment,
  learner: { lessonsDone: ReadonlySet<string>; solved: ReadonlySet<string> },
): boolean | null {
  if (kind === "LESSON") return learner.lessonsDone.has(lessonSlug);
  if (kind === "EXERCISE") return learner.solved.has(target);
  return null;
}
