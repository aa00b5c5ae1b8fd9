import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { LESSON_COMPONENTS } from "../components.ts";
import type { Exercise } from "../exercises/schema.ts";
import { CourseDefinitionError, defineCourse } from "../lesson-meta.ts";
import { compileLesson, LessonError, type CompiledLesson } from "./compile-lesson.ts";

/**
 * Compiles every lesson in a folder and checks what only the whole course can: one lesson per
 * slug and file, order and prerequisites (the shared `defineCourse` rules), each lesson's
 * exercises (at least three, of at least two kinds), and every internal link and anchor.
 */

export interface CompiledCourse {
  lessons: CompiledLesson[];
}

export const MIN_EXERCISES_PER_LESSON = 3;
export const MIN_EXERCISE_KINDS_PER_LESSON = 2;

/** Site pages a lesson may link to besides the lessons themselves. */
const SITE_PAGES = new Set(["/", "/course"]);

export async function buildCourse(
  lessonsDir: string,
  exercisesByLesson: ReadonlyMap<string, Exercise[]>,
): Promise<CompiledCourse> {
  const files = (await readdir(lessonsDir)).filter((f) => f.endsWith(".mdx")).sort();
  const problems: string[] = [];
  const lessons: CompiledLesson[] = [];
  for (const file of files) {
    const slug = file.replace(/\.mdx$/, "");
    const exercises = exercisesByLesson.get(slug) ?? [];
    try {
      const lesson = await compileLesson(await readFile(join(lessonsDir, file), "utf8"), file, {
        components: LESSON_COMPONENTS,
        exerciseIds: new Set(exercises.map((e) => e.id)),
      });
      if (lesson.meta.slug !== slug)
        problems.push(
          `${file}: its slug is "${lesson.meta.slug}"; the file must be named after it`,
        );
      if (exercises.length < MIN_EXERCISES_PER_LESSON)
        problems.push(
          `${file}: ${exercises.length} exercises; every lesson has at least ${MIN_EXERCISES_PER_LESSON}`,
        );
      const kinds = new Set(exercises.map((e) => e.kind));
      if (kinds.size < MIN_EXERCISE_KINDS_PER_LESSON)
        problems.push(
          `${file}: exercises of ${kinds.size} kind; every lesson has at least ${MIN_EXERCISE_KINDS_PER_LESSON}`,
        );
      lessons.push(lesson);
    } catch (error) {
      if (error instanceof LessonError) problems.push(error.message);
      else throw error;
    }
  }
  for (const slug of exercisesByLesson.keys()) {
    if (!files.includes(`${slug}.mdx`))
      problems.push(`exercises exist for "${slug}", which has no lesson file`);
  }
  try {
    defineCourse(lessons.map((l) => l.meta));
  } catch (error) {
    if (error instanceof CourseDefinitionError) problems.push(error.message);
    else throw error;
  }

  const anchorsBySlug = new Map(lessons.map((l) => [l.meta.slug, new Set(l.anchors)]));
  for (const lesson of lessons) {
    for (const { url, line } of lesson.internalLinks) {
      const where = `${lesson.meta.slug}.mdx${line ? ` line ${line}` : ""}`;
      const [path = "", anchor] = url.split("#", 2);
      if (path === "") {
        if (anchor && !anchorsBySlug.get(lesson.meta.slug)?.has(anchor))
          problems.push(`${where}: broken link "${url}": no such anchor on this page`);
        continue;
      }
      if (SITE_PAGES.has(path) && anchor === undefined) continue;
      const match = /^\/course\/([a-z0-9-]+)$/.exec(path);
      const target = match?.[1] === undefined ? undefined : anchorsBySlug.get(match[1]);
      if (!target) problems.push(`${where}: broken link "${url}": no such page`);
      else if (anchor !== undefined && !target.has(anchor))
        problems.push(`${where}: broken link "${url}": no such anchor in that lesson`);
    }
  }
  if (problems.length > 0) throw new CourseBuildError(problems);
  lessons.sort((a, b) => a.meta.order - b.meta.order);
  return { lessons };
}

export class CourseBuildError extends Error {
  override name = "CourseBuildError";
  constructor(readonly problems: string[]) {
    super(`The course does not build:\n${problems.join("\n")}`);
  }
}
