import { z } from "@neuronlab/engine/schema";

/**
 * The one schema every lesson's metadata must satisfy. Lessons' MDX frontmatter will be parsed
 * with it too, so the course page and the lesson files can never disagree on shape.
 */
export const slugSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "A slug is lowercase words joined by single hyphens.");

export const lessonMetaSchema = z
  .object({
    slug: slugSchema,
    title: z.string().trim().min(3).max(120),
    /** Position in the course, 0 for the introduction. */
    order: z.number().int().min(0),
    /** Estimated reading and playing time. */
    minutes: z.number().int().min(1).max(120),
    summary: z.string().trim().min(10).max(300),
    objectives: z.array(z.string().trim().min(5).max(200)).min(1).max(8),
    prerequisites: z.array(slugSchema).max(8).default([]),
  })
  .strict();

export type LessonMeta = z.infer<typeof lessonMetaSchema>;

export class CourseDefinitionError extends Error {
  override name = "CourseDefinitionError";
}

/**
 * Validates a whole course: each lesson against the schema, then the rules that span lessons —
 * unique slugs and orders, and prerequisites that exist and come earlier.
 */
export function defineCourse(input: readonly unknown[]): readonly LessonMeta[] {
  const lessons = input.map((raw, index) => {
    const parsed = lessonMetaSchema.safeParse(raw);
    if (!parsed.success) {
      const where = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
      throw new CourseDefinitionError(`Lesson #${index} is invalid: ${where.join("; ")}`);
    }
    return parsed.data;
  });

  const bySlug = new Map<string, LessonMeta>();
  const orders = new Set<number>();
  for (const lesson of lessons) {
    if (bySlug.has(lesson.slug)) {
      throw new CourseDefinitionError(`Duplicate lesson slug "${lesson.slug}".`);
    }
    if (orders.has(lesson.order)) {
      throw new CourseDefinitionError(`Two lessons share order ${lesson.order}.`);
    }
    bySlug.set(lesson.slug, lesson);
    orders.add(lesson.order);
  }
  for (const lesson of lessons) {
    for (const slug of lesson.prerequisites) {
      const prerequisite = bySlug.get(slug);
      if (!prerequisite) {
        throw new CourseDefinitionError(`"${lesson.slug}" requires unknown lesson "${slug}".`);
      }
      if (prerequisite.order >= lesson.order) {
        throw new CourseDefinitionError(
          `"${lesson.slug}" requires "${slug}", which does not come before it.`,
        );
      }
    }
  }
  return [...lessons].sort((a, b) => a.order - b.order);
}
