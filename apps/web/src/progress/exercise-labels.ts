import type { Locale } from "@neuronlab/config/locales";
import { courseIn } from "@neuronlab/content/course";

export interface ExerciseLabel {
  lessonSlug: string;
  /** The lesson's title in the label's language. */
  lessonTitle: string;
  /** 1-based, in the order the lesson shows its exercises. */
  number: number;
  of: number;
  /** The exercise on its lesson page, without a language (the i18n `Link` adds it). */
  href: `/course/${string}`;
}

const labelsByLocale = new Map<Locale, Map<string, ExerciseLabel>>();

function labelsIn(locale: Locale): Map<string, ExerciseLabel> {
  const known = labelsByLocale.get(locale);
  if (known) return known;
  const labels = new Map<string, ExerciseLabel>();
  for (const { meta, exercises } of courseIn(locale).compiledLessons) {
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
  labelsByLocale.set(locale, labels);
  return labels;
}

/**
 * Where an exercise sits in the course, for lists of results ("Exercise 2 of 5 in …"), with the
 * lesson's title in the given language.
 */
export function exerciseLabel(exerciseId: string, locale: Locale): ExerciseLabel | undefined {
  return labelsIn(locale).get(exerciseId);
}
