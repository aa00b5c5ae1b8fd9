import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { LESSON_COMPONENTS, WIDGET_NAMES } from "../components.ts";
import { buildCatalog, exercisesByLesson } from "../exercises/catalog.ts";
import type { ExerciseInput } from "../exercises/define.ts";
import { DEFAULT_LOCALE, LOCALES } from "@neuronlab/config/locales";
import { buildCourse, CourseBuildError } from "./build-course.ts";
import { buildAllLocales } from "./build-locales.ts";
import { compileLesson, LessonError } from "./compile-lesson.ts";

const frontmatter = `---
slug: sample
title: "A sample lesson"
order: 1
minutes: 5
summary: "A lesson written for the compiler's tests."
objectives:
  - "Check the compiler"
---
`;

const context = { components: LESSON_COMPONENTS, exerciseIds: new Set(["sample-q"]) };

async function problems(source: string, ctx = context): Promise<string[]> {
  try {
    await compileLesson(source, "sample.mdx", ctx);
    return [];
  } catch (error) {
    if (error instanceof LessonError) return error.problems;
    throw error;
  }
}

describe("compiling one lesson", () => {
  it("typesets maths, collects headings, widgets and exercises", async () => {
    const lesson = await compileLesson(
      `${frontmatter}
## The sum

We add: $z = w_1 x_1 + b$.

<NeuronTuner weights={[1, 2]} />

### By hand

<Exercise id="sample-q" />
`,
      "sample.mdx",
      context,
    );
    expect(lesson.meta.slug).toBe("sample");
    expect(lesson.toc).toEqual([
      { depth: 2, id: "the-sum", text: "The sum" },
      { depth: 3, id: "by-hand", text: "By hand" },
    ]);
    expect(lesson.widgets).toEqual(["NeuronTuner"]);
    expect(lesson.exercises).toEqual(["sample-q"]);
    expect(lesson.code).toContain("katex");
  });

  it("lists every problem of a broken lesson at once", async () => {
    const found = await problems(`---
slug: Not A Slug
title: "x"
order: 1
minutes: 5
summary: "A lesson written for the compiler's tests."
objectives: []
---

<Mystery />

<Exercise id="elsewhere" />
`);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/unknown component <Mystery>/),
        expect.stringMatching(/<Exercise id="elsewhere"> is not in this lesson's exercises/),
        expect.stringMatching(/exercise "sample-q" is defined but the lesson never shows it/),
        expect.stringMatching(/^frontmatter slug:/),
        expect.stringMatching(/^frontmatter title:/),
        expect.stringMatching(/^frontmatter objectives:/),
      ]),
    );
  });

  it("refuses an exercise shown twice and maths KaTeX cannot typeset", async () => {
    expect(
      await problems(`${frontmatter}\n<Exercise id="sample-q" />\n\n<Exercise id="sample-q" />\n`),
    ).toEqual([expect.stringMatching(/appears twice/)]);
    expect(
      await problems(`${frontmatter}\n$\\notacommand{x}$\n\n<Exercise id="sample-q" />\n`),
    ).toEqual([expect.stringMatching(/KaTeX/)]);
    expect(
      await problems(`${frontmatter}\nimport x from "y";\n\n<Exercise id="sample-q" />\n`),
    ).toEqual(expect.arrayContaining([expect.stringMatching(/may not import or export/)]));
  });

  it("refuses two elements with the same id", async () => {
    expect(
      await problems(`${frontmatter}\n## Twice\n\n## Twice\n\n<Exercise id="sample-q" />\n`),
    ).toEqual([]);
    // github-slugger makes the second heading "twice-1"; a heading that collides with an exercise anchor does not get one.
    expect(
      await problems(`${frontmatter}\n## Exercise sample-q\n\n<Exercise id="sample-q" />\n`),
    ).toEqual([expect.stringMatching(/two elements share the id "exercise-sample-q"/)]);
  });
});

describe("building the course", () => {
  const lessonsDir = fileURLToPath(new URL("../../lessons/en/", import.meta.url));

  it("compiles every lesson in every language, with every exercise shown and every widget known", async () => {
    const all = await buildAllLocales(
      fileURLToPath(new URL("../../", import.meta.url)),
      exercisesByLesson,
      { locales: LOCALES, sourceLocale: DEFAULT_LOCALE },
    );
    expect(Object.keys(all.locales).sort()).toEqual([...LOCALES].sort());
    const course = all.locales[DEFAULT_LOCALE];
    if (!course) throw new Error("no source course");
    expect(course.lessons.map((l) => l.meta.order)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    for (const lesson of course.lessons) {
      const defined = (exercisesByLesson.get(lesson.meta.slug) ?? []).map((e) => e.id);
      expect([...lesson.exercises].sort()).toEqual([...defined].sort());
      expect(lesson.exercises.length).toBeGreaterThanOrEqual(3);
      for (const widget of lesson.widgets) expect(LESSON_COMPONENTS.has(widget)).toBe(true);
    }
  }, 180_000);

  it("has a module for every widget a lesson may name", () => {
    const file = (name: string) =>
      name.replace(/[A-Z]/g, (c, i: number) => `${i === 0 ? "" : "-"}${c.toLowerCase()}`);
    for (const name of WIDGET_NAMES) {
      const base = new URL(`../widgets/${file(name)}`, import.meta.url);
      const found = [".tsx", "/index.tsx"].some((ext) =>
        existsSync(fileURLToPath(`${base.href}${ext}`)),
      );
      expect(found, `${name} has no widget module`).toBe(true);
    }
  });

  it("fails on a lesson whose exercises are missing or too few", async () => {
    const catalog = new Map(exercisesByLesson);
    catalog.set("summary", (catalog.get("summary") ?? []).slice(0, 1));
    await expect(buildCourse(lessonsDir, catalog)).rejects.toThrow(CourseBuildError);
  }, 180_000);
});

describe("the exercise catalog", () => {
  const valid: ExerciseInput = {
    id: "q-one",
    kind: "numeric",
    prompt: "What is 2 + 2?",
    hints: ["Count."],
    explanation: "Two and two make four.",
    answer: 4,
    tolerance: 0,
  };

  it("refuses an id used twice across lessons", () => {
    expect(() => buildCatalog({ a: [valid], b: [valid] })).toThrow(/used in a and b/);
  });

  it("refuses a choice whose key names an option that does not exist", () => {
    const broken = {
      ...valid,
      kind: "choice",
      multiple: false,
      options: [
        { id: "x", text: "X" },
        { id: "y", text: "Y" },
      ],
      correct: ["z"],
    } as unknown as ExerciseInput;
    expect(() => buildCatalog({ a: [broken] })).toThrow(
      /correct: names an option that does not exist/,
    );
  });

  it("refuses an exercise without hints or explanation", () => {
    expect(() => buildCatalog({ a: [{ ...valid, hints: [] }] })).toThrow(/hints/);
    expect(() => buildCatalog({ a: [{ ...valid, explanation: " " }] })).toThrow(/explanation/);
  });
});
