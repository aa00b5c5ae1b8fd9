import { DEFAULT_LOCALE, type Locale } from "@neuronlab/config/locales";
import course from "../generated/course.js";
import type { CompiledLesson } from "./compile/compile-lesson.ts";
import type { Exercise } from "./exercises/schema.ts";
import { translateExercise } from "./exercises/translations.ts";

export type { CompiledLesson, TocEntry } from "./compile/compile-lesson.ts";
import type { LessonMeta } from "./lesson-meta.ts";

/**
 * The compiled course, as `pnpm --filter @neuronlab/content build` left it in generated/course.js:
 * every lesson's metadata, table of contents, exercise ids and compiled MDX, in course order, in
 * every language. The lessons' slugs, order, exercises and anchors are the same in every
 * language (the build checks it), so the exports without a language are the source language's.
 * Server-side code reads the compiled MDX; anything the browser needs is the metadata.
 */

export interface LocalCourse {
  locale: Locale;
  compiledLessons: readonly CompiledLesson[];
  lessons: readonly LessonMeta[];
  findLesson: (slug: string) => CompiledLesson | undefined;
  /** The lessons either side of one, for previous/next links. */
  neighbours: (slug: string) => { previous?: LessonMeta; next?: LessonMeta };
}

function localCourse(locale: Locale, compiled: readonly CompiledLesson[]): LocalCourse {
  const metas = compiled.map((l) => l.meta);
  return {
    locale,
    compiledLessons: compiled,
    lessons: metas,
    findLesson: (slug) => compiled.find((l) => l.meta.slug === slug),
    neighbours: (slug) => {
      const index = metas.findIndex((l) => l.slug === slug);
      const previous = index > 0 ? metas[index - 1] : undefined;
      const next = index >= 0 ? metas[index + 1] : undefined;
      return { ...(previous ? { previous } : {}), ...(next ? { next } : {}) };
    },
  };
}

const courses = new Map<string, LocalCourse>(
  Object.entries(course.locales).map(([locale, c]) => [locale, localCourse(locale, c.lessons)]),
);

const source = courses.get(DEFAULT_LOCALE);
if (!source) throw new Error(`generated/course.js has no lessons in "${DEFAULT_LOCALE}"`);

/** The course in one language; the source language's for a language without lessons. */
export function courseIn(locale: Locale): LocalCourse {
  return courses.get(locale) ?? (source as LocalCourse);
}

/** An exercise in one language: the source's with that language's words. */
export function exerciseIn(exercise: Exercise, locale: Locale): Exercise {
  const text = course.exerciseTexts[locale]?.[exercise.id];
  return text ? translateExercise(exercise, text) : exercise;
}

export const compiledLessons: readonly CompiledLesson[] = source.compiledLessons;

export const lessons: readonly LessonMeta[] = source.lessons;

export const totalMinutes = lessons.reduce((sum, lesson) => sum + lesson.minutes, 0);

export const findLesson = source.findLesson;

export const neighbours = source.neighbours;
