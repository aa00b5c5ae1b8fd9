import course from "../generated/course.js";
import type { CompiledLesson } from "./compile/compile-lesson.ts";

export type { CompiledLesson, TocEntry } from "./compile/compile-lesson.ts";
import type { LessonMeta } from "./lesson-meta.ts";

/**
 * The compiled course, as `pnpm --filter @neuronlab/content build` left it in generated/course.js:
 * every lesson's metadata, table of contents, exercise ids and compiled MDX, in course order.
 * Server-side code reads the compiled MDX; anything the browser needs is the metadata.
 */

export const COURSE_TITLE = "How neural networks actually work";

export const compiledLessons: readonly CompiledLesson[] = course.lessons;

export const lessons: readonly LessonMeta[] = course.lessons.map((l) => l.meta);

export const totalMinutes = lessons.reduce((sum, lesson) => sum + lesson.minutes, 0);

export function findLesson(slug: string): CompiledLesson | undefined {
  return compiledLessons.find((l) => l.meta.slug === slug);
}

/** The lessons either side of one, for previous/next links. */
export function neighbours(slug: string): { previous?: LessonMeta; next?: LessonMeta } {
  const index = lessons.findIndex((l) => l.slug === slug);
  const previous = index > 0 ? lessons[index - 1] : undefined;
  const next = index >= 0 ? lessons[index + 1] : undefined;
  return { ...(previous ? { previous } : {}), ...(next ? { next } : {}) };
}
