import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Exercise } from "../exercises/schema.ts";
import { exerciseTextProblems, type ExerciseText } from "../exercises/translations.ts";
import { buildCourse, CourseBuildError, type CompiledCourse } from "./build-course.ts";
import type { CompiledLesson } from "./compile-lesson.ts";

/**
 * The whole course in every language: `lessons/<source>/` is compiled and checked first, then
 * each other language's `lessons/<locale>/` against it (buildCourse's `source`), and its
 * `exercises/<locale>/<lesson>.json` against the exercises (translations.ts). Every problem in
 * every language is collected and thrown together.
 */

export interface CourseInAllLocales {
  sourceLocale: string;
  locales: Record<string, CompiledCourse>;
  /** Translated exercise texts, by language and exercise id (none for the source language). */
  exerciseTexts: Record<string, Record<string, ExerciseText>>;
}

export async function buildAllLocales(
  root: string,
  exercisesByLesson: ReadonlyMap<string, Exercise[]>,
  { locales, sourceLocale }: { locales: readonly string[]; sourceLocale: string },
): Promise<CourseInAllLocales> {
  const problems: string[] = [];
  const collect = async <T>(build: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await build();
    } catch (error) {
      if (!(error instanceof CourseBuildError)) throw error;
      problems.push(...error.problems);
      return undefined;
    }
  };
  const lessonsRoot = join(root, "lessons");
  const source = await collect(() =>
    buildCourse(join(lessonsRoot, sourceLocale), exercisesByLesson, { label: `${sourceLocale}/` }),
  );
  if (!source) throw new CourseBuildError(problems);
  const result: CourseInAllLocales = {
    sourceLocale,
    locales: { [sourceLocale]: source },
    exerciseTexts: {},
  };
  const folders = await readdir(lessonsRoot);
  for (const folder of folders)
    if (!locales.includes(folder))
      problems.push(`lessons/${folder}/ is not a language in locales.json`);

  for (const locale of locales) {
    if (locale === sourceLocale) continue;
    if (!folders.includes(locale)) {
      problems.push(`lessons/${locale}/ is missing: locales.json lists "${locale}"`);
      continue;
    }
    const course = await collect(() =>
      buildCourse(join(lessonsRoot, locale), exercisesByLesson, { source, label: `${locale}/` }),
    );
    if (course) result.locales[locale] = course;

    const textsDir = join(root, "exercises", locale);
    const files = await readdir(textsDir).catch(() => [] as string[]);
    const texts: Record<string, ExerciseText> = {};
    for (const file of files)
      if (!exercisesByLesson.has(file.replace(/\.json$/, "")))
        problems.push(`exercises/${locale}/${file}: no lesson of that name has exercises`);
    for (const [slug, exercises] of exercisesByLesson) {
      const file = `exercises/${locale}/${slug}.json`;
      if (!files.includes(`${slug}.json`)) {
        problems.push(`${file} is missing: every lesson's exercises need a translation`);
        continue;
      }
      let raw: unknown;
      try {
        raw = JSON.parse(await readFile(join(textsDir, `${slug}.json`), "utf8"));
      } catch (error) {
        problems.push(`${file}: not JSON (${error instanceof Error ? error.message : "?"})`);
        continue;
      }
      const checked = exerciseTextProblems(file, exercises, raw);
      problems.push(...checked.problems);
      Object.assign(texts, checked.texts);
    }
    result.exerciseTexts[locale] = texts;
  }
  if (problems.length > 0) throw new CourseBuildError(problems);
  return result;
}

/** The course as the site needs it: without what only the build's checks use. */
export function forTheSite(course: CourseInAllLocales): CourseInAllLocales {
  const strip = ({ structure: _structure, ...lesson }: CompiledLesson): CompiledLesson => lesson;
  return {
    ...course,
    locales: Object.fromEntries(
      Object.entries(course.locales).map(([locale, c]) => [
        locale,
        { lessons: c.lessons.map(strip) },
      ]),
    ),
  };
}
