import type { LessonMeta } from "@neuronlab/content/lesson-meta";

/** "Introduction", "Lesson 3" or "Summary": where a lesson sits in the course. */
export function lessonLabel(meta: Pick<LessonMeta, "order" | "slug">): string {
  if (meta.order === 0) return "Introduction";
  if (meta.slug === "summary") return "Summary";
  return `Lesson ${meta.order}`;
}
