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

export interface BuildOptions {
  /**
   * The source-language course this folder translates: then every source lesson must have a
   * translation here (and nothing else), with the same slug, order, minutes and prerequisites,
   * the same headings, components, exercises, formulas and links, in the same order; headings
   * take the source's ids.
   */
  source?: CompiledCourse;
  /** How files are named in messages ("de/"), for a translation's folder. */
  label?: string;
}

export async function buildCourse(
  lessonsDir: string,
  exercisesByLesson: ReadonlyMap<string, Exercise[]>,
  { source, label = "" }: BuildOptions = {},
): Promise<CompiledCourse> {
  const files = (await readdir(lessonsDir)).filter((f) => f.endsWith(".mdx")).sort();
  const problems: string[] = [];
  const lessons: CompiledLesson[] = [];
  const sourceBySlug = new Map(source?.lessons.map((l) => [l.meta.slug, l]));
  if (source) {
    for (const slug of sourceBySlug.keys())
      if (!files.includes(`${slug}.mdx`))
        problems.push(`${label}${slug}.mdx is missing: every lesson needs a translation`);
  }
  for (const file of files) {
    const slug = file.replace(/\.mdx$/, "");
    const exercises = exercisesByLesson.get(slug) ?? [];
    const original = sourceBySlug.get(slug);
    if (source && !original) {
      problems.push(`${label}${file}: no lesson "${slug}" in the source language to translate`);
      continue;
    }
    try {
      const lesson = await compileLesson(
        await readFile(join(lessonsDir, file), "utf8"),
        `${label}${file}`,
        {
          components: LESSON_COMPONENTS,
          exerciseIds: new Set(exercises.map((e) => e.id)),
          ...(original?.structure ? { headingIds: original.structure.headingIds } : {}),
        },
      );
      if (original) problems.push(...translationProblems(`${label}${file}`, original, lesson));
      if (lesson.meta.slug !== slug)
        problems.push(
          `${label}${file}: its slug is "${lesson.meta.slug}"; the file must be named after it`,
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

/** How a translated lesson differs from its source where it must not. */
export function translationProblems(
  file: string,
  original: CompiledLesson,
  translation: CompiledLesson,
): string[] {
  const problems: string[] = [];
  for (const key of ["slug", "order", "minutes"] as const) {
    if (original.meta[key] !== translation.meta[key])
      problems.push(
        `${file}: frontmatter ${key} is ${JSON.stringify(translation.meta[key])}; the source has ${JSON.stringify(original.meta[key])}`,
      );
  }
  if (original.meta.prerequisites.join() !== translation.meta.prerequisites.join())
    problems.push(`${file}: frontmatter prerequisites differ from the source's`);
  const a = original.structure;
  const b = translation.structure;
  if (!a || !b) return problems;
  const list = (items: readonly (string | number)[]) => items.join(", ") || "none";
  if (a.headings.join() !== b.headings.join())
    problems.push(
      `${file}: headings at levels ${list(b.headings)}; the source has ${list(a.headings)}`,
    );
  const missing = a.components.filter((c) => !b.components.includes(c));
  const extra = b.components.filter((c) => !a.components.includes(c));
  if (missing.length > 0)
    problems.push(`${file}: lacks what the source shows: ${list(missing.map(componentLabel))}`);
  if (extra.length > 0)
    problems.push(`${file}: shows what the source does not: ${list(extra.map(componentLabel))}`);
  if (missing.length === 0 && extra.length === 0 && a.components.join() !== b.components.join())
    problems.push(`${file}: its figures and exercises come in another order than the source's`);
  if (a.formulas !== b.formulas)
    problems.push(`${file}: ${b.formulas} formulas; the source has ${a.formulas}`);
  if (a.links.join() !== b.links.join())
    problems.push(`${file}: links to ${list(b.links)}; the source links to ${list(a.links)}`);
  return problems;
}

function componentLabel(component: string): string {
  return component.startsWith("Exercise#")
    ? `exercise "${component.slice("Exercise#".length)}"`
    : `<${component}>`;
}

export class CourseBuildError extends Error {
  override name = "CourseBuildError";
  constructor(readonly problems: string[]) {
    super(`The course does not build:\n${problems.join("\n")}`);
  }
}
