import { courseIn } from "@neuronlab/content/course";
import { describe, expect, it } from "vitest";
import { exerciseLabel } from "./exercise-labels";

describe("exerciseLabel", () => {
  const lesson = courseIn("en").compiledLessons.find((l) => l.exercises.length > 1);
  if (!lesson) throw new Error("the course has no lesson with two exercises");
  const [, second] = lesson.exercises;
  if (second === undefined) throw new Error("unreachable");

  it("places an exercise in its lesson, with a link to it", () => {
    expect(exerciseLabel(second, "en")).toEqual({
      lessonSlug: lesson.meta.slug,
      lessonTitle: lesson.meta.title,
      number: 2,
      of: lesson.exercises.length,
      href: `/course/${lesson.meta.slug}#exercise-${second}`,
    });
  });

  it("names the lesson in the page's language; the rest is the same in every language", () => {
    const german = courseIn("de").findLesson(lesson.meta.slug);
    expect(german).toBeDefined();
    const label = exerciseLabel(second, "de");
    expect(label?.lessonTitle).toBe(german?.meta.title);
    expect(label?.lessonTitle).not.toBe(lesson.meta.title);
    expect(label?.href).toBe(exerciseLabel(second, "en")?.href);
  });

  it("knows nothing of exercises that are not in the course", () => {
    expect(exerciseLabel("no-such-exercise", "en")).toBeUndefined();
    expect(exerciseLabel("constructor", "de")).toBeUndefined();
  });
});
