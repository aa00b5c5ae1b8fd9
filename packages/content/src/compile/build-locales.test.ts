import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildCatalog } from "../exercises/catalog.ts";
import { CourseBuildError } from "./build-course.ts";
import { buildAllLocales } from "./build-locales.ts";

// A one-lesson course in English and German, written to a temporary folder per test.
const catalog = buildCatalog({
  sample: [
    {
      id: "sample-pick",
      kind: "choice",
      multiple: false,
      prompt: "Which one?",
      hints: ["Think."],
      options: [
        { id: "a", text: "This one" },
        { id: "b", text: "That one" },
      ],
      correct: ["a"],
      explanation: "This one, because.",
    },
    {
      id: "sample-number",
      kind: "numeric",
      prompt: "How much is a quarter?",
      hints: ["One divided by four."],
      answer: 0.25,
      tolerance: 0.001,
      explanation: "1 / 4 = 0.25.",
    },
    {
      id: "sample-order",
      kind: "ordering",
      prompt: "Order them.",
      hints: ["First things first."],
      items: [
        { id: "one", text: "One" },
        { id: "two", text: "Two" },
        { id: "three", text: "Three" },
      ],
      explanation: "One, two, three.",
    },
  ],
});

const front = (title: string) => `---
slug: sample
title: "${title}"
order: 0
minutes: 5
summary: "${title}, for the tests."
objectives:
  - "${title}"
---
`;

const english = `${front("A sample")}
## Weights and sums

A sum: $w \\cdot x + b$. See [the section](#weights-and-sums).

<NeuronTuner inputs={[2]} weights={[1.5]} bias={0.5} />

<Exercise id="sample-pick" />

### Fractions

$$0.25 = \\frac{1}{4}$$

<Exercise id="sample-number" />

<Exercise id="sample-order" />
`;

const german = `${front("Ein Beispiel")}
## Gewichte und Summen

Eine Summe: $w \\cdot x + b$. Siehe [den Abschnitt](#weights-and-sums).

<NeuronTuner inputs={[2]} weights={[1.5]} bias={0.5} />

<Exercise id="sample-pick" />

### Brüche

$$0{,}25 = \\frac{1}{4}$$

<Exercise id="sample-number" />

<Exercise id="sample-order" />
`;

const germanTexts = {
  "sample-pick": {
    prompt: "Welche?",
    hints: ["Denk nach."],
    explanation: "Diese, weil.",
    options: { a: "Diese", b: "Jene" },
  },
  "sample-number": {
    prompt: "Wie viel ist ein Viertel?",
    hints: ["Eins geteilt durch vier."],
    explanation: "1 : 4 = 0,25.",
  },
  "sample-order": {
    prompt: "Bring sie in die richtige Reihenfolge.",
    hints: ["Das Erste zuerst."],
    explanation: "Eins, zwei, drei.",
    items: { one: "Eins", two: "Zwei", three: "Drei" },
  },
};

let root: string | undefined;
afterEach(async () => {
  if (root) await rm(root, { recursive: true, force: true });
  root = undefined;
});

const NO_FILE = Symbol("no file");

async function course(de: string | undefined, texts: unknown = germanTexts) {
  root = await mkdtemp(join(tmpdir(), "neuronlab-locales-"));
  await mkdir(join(root, "lessons", "en"), { recursive: true });
  await mkdir(join(root, "lessons", "de"), { recursive: true });
  await mkdir(join(root, "exercises", "de"), { recursive: true });
  await writeFile(join(root, "lessons", "en", "sample.mdx"), english);
  if (de !== undefined) await writeFile(join(root, "lessons", "de", "sample.mdx"), de);
  if (texts !== NO_FILE)
    await writeFile(join(root, "exercises", "de", "sample.json"), JSON.stringify(texts));
  return buildAllLocales(root, catalog, { locales: ["en", "de"], sourceLocale: "en" });
}

async function problems(de: string | undefined, texts?: unknown): Promise<string[]> {
  try {
    await course(de, texts);
    return [];
  } catch (error) {
    if (error instanceof CourseBuildError) return error.problems;
    throw error;
  }
}

describe("a course in two languages", () => {
  it("builds a faithful translation, with the source's anchors and the translated exercises", async () => {
    const built = await course(german);
    const lesson = built.locales.de?.lessons[0];
    expect(lesson?.meta.title).toBe("Ein Beispiel");
    expect(lesson?.toc).toEqual([
      { depth: 2, id: "weights-and-sums", text: "Gewichte und Summen" },
      { depth: 3, id: "fractions", text: "Brüche" },
    ]);
    expect(lesson?.anchors).toEqual(built.locales.en?.lessons[0]?.anchors);
    expect(built.exerciseTexts.de?.["sample-pick"]?.options).toEqual({ a: "Diese", b: "Jene" });
  });

  it("fails when the German lesson lacks one of the English lesson's exercises", async () => {
    const found = await problems(german.replace('<Exercise id="sample-order" />', ""));
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /de\/sample\.mdx:[\s\S]*exercise "sample-order" is defined but the lesson never shows it/,
        ),
      ]),
    );
  });

  it("fails on a missing figure, formula or heading, and on figures out of order", async () => {
    expect(
      await problems(german.replace("<NeuronTuner inputs={[2]} weights={[1.5]} bias={0.5} />", "")),
    ).toEqual([expect.stringMatching(/lacks what the source shows: <NeuronTuner>/)]);
    expect(await problems(german.replace("$$0{,}25 = \\frac{1}{4}$$", "Ein Viertel."))).toEqual([
      expect.stringMatching(/1 formulas; the source has 2/),
    ]);
    expect(await problems(german.replace("### Brüche", "Brüche:"))).toEqual([
      expect.stringMatching(/headings at levels 2; the source has 2, 3/),
    ]);
    const swapped = german
      .replace('<Exercise id="sample-number" />', "SWAP")
      .replace('<Exercise id="sample-order" />', '<Exercise id="sample-number" />')
      .replace("SWAP", '<Exercise id="sample-order" />');
    expect(await problems(swapped)).toEqual([expect.stringMatching(/in another order/)]);
  });

  it("fails on a lesson without a translation", async () => {
    expect(await problems(undefined)).toEqual(
      expect.arrayContaining([expect.stringMatching(/de\/sample\.mdx is missing/)]),
    );
  });

  it("fails on exercise texts that are missing, extra, or do not match the source's shape", async () => {
    const { "sample-order": _order, ...withoutOrder } = germanTexts;
    expect(await problems(german, withoutOrder)).toEqual([
      expect.stringMatching(/"sample-order" has no translation/),
    ]);
    expect(
      await problems(german, {
        ...germanTexts,
        "sample-pick": { ...germanTexts["sample-pick"], options: { a: "Diese" }, hints: [] },
        "sample-number": { ...germanTexts["sample-number"], unit: "Stück" },
        "sample-nope": germanTexts["sample-number"],
      }),
    ).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/"sample-nope" is not one of this lesson's exercises/),
        expect.stringMatching(/"sample-pick": 0 hints; the source has 1/),
        expect.stringMatching(/"sample-pick": options a; the source has a, b/),
        expect.stringMatching(/"sample-number": has a unit the source does not/),
      ]),
    );
    expect(await problems(german, NO_FILE)).toEqual([
      expect.stringMatching(/exercises\/de\/sample\.json is missing/),
    ]);
  });
});
