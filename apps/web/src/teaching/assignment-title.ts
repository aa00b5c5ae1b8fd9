import type { Locale } from "@neuronlab/config/locales";
import { courseIn } from "@neuronlab/content/course";
import { exerciseLabel } from "@/progress/exercise-labels";
import type { StoredAssignment } from "./assignment-target";

/** The words of the "Teaching.Assignment" namespace, from a page's or a mail's translator. */
export type AssignmentWords = (
  key: "exercise" | "playground" | "playgroundPlain",
  values: Record<string, string | number>,
) => string;

/**
 * An assignment as a person reads it, in a language: the lesson's title, "Goal exercise 5 of 5 in
 * …", or the teacher's note on a playground setup.
 */
export function assignmentTitle(
  assignment: StoredAssignment & { note: string | null },
  locale: Locale,
  words: AssignmentWords,
): string {
  const lesson =
    courseIn(locale).compiledLessons.find((l) => l.meta.slug === assignment.lessonSlug)?.meta
      .title ?? assignment.lessonSlug;
  if (assignment.kind === "EXERCISE") {
    const label = exerciseLabel(assignment.target, locale);
    return words("exercise", { number: label?.number ?? 0, of: label?.of ?? 0, lesson });
  }
  if (assignment.kind === "PLAYGROUND") {
    return assignment.note
      ? words("playground", { note: assignment.note })
      : words("playgroundPlain", {});
  }
  return lesson;
}
