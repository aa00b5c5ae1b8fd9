import type { LessonMeta } from "@neuronlab/content/lesson-meta";

/**
 * A translator for the "LessonLabel" messages: `getTranslations("LessonLabel")` on the server,
 * `useTranslations("LessonLabel")` in a client component.
 */
export type LessonLabelT = (
  key: "introduction" | "summary" | "lesson",
  values?: { number: number },
) => string;

/** "Introduction", "Lesson 3" or "Summary" (in the page's language): where a lesson sits. */
export function lessonLabel(meta: Pick<LessonMeta, "order" | "slug">, t: LessonLabelT): string {
  if (meta.order === 0) return t("introduction");
  if (meta.slug === "summary") return t("summary");
  return t("lesson", { number: meta.order });
}
