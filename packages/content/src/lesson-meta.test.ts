import { describe, expect, it } from "vitest";
import { CourseDefinitionError, defineCourse, lessonMetaSchema } from "./lesson-meta.ts";

const lesson = (over: Record<string, unknown> = {}) => ({
  slug: "a-single-neuron",
  title: "Inside a single neuron",
  order: 1,
  minutes: 12,
  summary: "What one neuron computes, step by step.",
  objectives: ["Compute z and a by hand"],
  ...over,
});

describe("lessonMetaSchema", () => {
  it("accepts a complete lesson and defaults prerequisites to none", () => {
    expect(lessonMetaSchema.parse(lesson()).prerequisites).toEqual([]);
  });

  it.each([
    ["a slug with capitals", { slug: "Single-Neuron" }],
    ["a slug with a double hyphen", { slug: "single--neuron" }],
    ["a negative order", { order: -1 }],
    ["a fractional length", { minutes: 2.5 }],
    ["no objectives", { objectives: [] }],
    ["an unknown key", { author: "someone" }],
  ])("rejects %s", (_label, over) => {
    expect(lessonMetaSchema.safeParse(lesson(over)).success).toBe(false);
  });
});

describe("defineCourse", () => {
  it("sorts lessons by order", () => {
    const course = defineCourse([
      lesson({ slug: "second", order: 2, prerequisites: ["first"] }),
      lesson({ slug: "first", order: 1 }),
    ]);
    expect(course.map((l) => l.slug)).toEqual(["first", "second"]);
  });

  it("names the lesson and field that is wrong", () => {
    expect(() => defineCourse([lesson(), lesson({ slug: "x", order: 2, minutes: 0 })])).toThrow(
      /Lesson #1 is invalid: minutes/,
    );
  });

  it("rejects duplicate slugs and orders", () => {
    expect(() => defineCourse([lesson(), lesson({ order: 2 })])).toThrow(/Duplicate lesson slug/);
    expect(() => defineCourse([lesson(), lesson({ slug: "other" })])).toThrow(/share order 1/);
  });

  it("rejects unknown or later prerequisites", () => {
    expect(() => defineCourse([lesson({ prerequisites: ["missing"] })])).toThrow(
      CourseDefinitionError,
    );
    expect(() =>
      defineCourse([lesson({ prerequisites: ["later"] }), lesson({ slug: "later", order: 2 })]),
    ).toThrow(/does not come before it/);
  });
});
