import { describe, expect, it } from "vitest";
import { lessons, totalMinutes } from "./course.ts";

describe("the course syllabus", () => {
  it("has an introduction, the six lessons of the outline and a summary, in order", () => {
    expect(lessons).toHaveLength(8);
    expect(lessons.map((l) => l.order)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(lessons[0]?.slug).toBe("introduction");
    expect(lessons.at(-1)?.slug).toBe("summary");
  });

  it("chains each lesson to the one before it", () => {
    lessons.slice(1).forEach((lesson, i) => {
      expect(lesson.prerequisites).toEqual([lessons[i]?.slug]);
    });
  });

  it("adds up the reading time", () => {
    expect(totalMinutes).toBe(lessons.reduce((s, l) => s + l.minutes, 0));
    expect(totalMinutes).toBeGreaterThan(60);
  });
});
