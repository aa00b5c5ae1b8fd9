import { compiledLessons } from "@neuronlab/content/course";

export interface ExerciseLabel {
  lessonSlug: string;
  lessonTitle: string;
  /** 1-based, in the order the lesson shows its exercises. */
  number: number;
  of: number;
  href: `/course/${string}`;
}

const labels = new Map<string, ExerciseLabel>();
for (const { meta, exercises } of compiledLessons) {
  exercises.forEach((id, index) => {
    labels.set(id, {
      lessonSlug: meta.slug,
      lessonTitle: meta.title,
      number: index + 1,
      of: exercises.length,
      href: `/course/${meta.slug}#exercise-${id}`,
    });
  });
}

/** Where an exercise sits in the course, for lists of results ("Exercise 2 of 5 in …"). */
export function exerciseLabel(exerciseId: string): ExerciseLabel | undefined {
  return labels.get(exerciseId);
}
