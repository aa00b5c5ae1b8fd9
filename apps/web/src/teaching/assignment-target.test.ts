import { describe, expect, it } from "vitest";
import {
  assignmentDone,
  assignmentHref,
  goalExerciseChoices,
  readAssignmentChoice,
  readPlaygroundSetup,
} from "./assignment-target";

describe("readAssignmentChoice", () => {
  it("reads a lesson, or one of its goal exercises", () => {
    expect(readAssignmentChoice("a-single-neuron")).toEqual({
      kind: "LESSON",
      lessonSlug: "a-single-neuron",
    });
    expect(readAssignmentChoice("a-single-neuron#neuron-separate")).toEqual({
      kind: "EXERCISE",
      lessonSlug: "a-single-neuron",
      exerciseId: "neuron-separate",
    });
  });

  it("refuses unknown lessons, exercises of another lesson, and exercises that are not goals", () => {
    for (const value of [
      "",
      "no-such-lesson",
      "a-single-neuron#",
      "a-single-neuron#no-such-exercise",
      "why-deep-works#neuron-separate",
      "a-single-neuron#neuron-compute-z",
      "a-single-neuron#neuron-separate#x",
    ]) {
      expect(readAssignmentChoice(value), value).toBeNull();
    }
  });

  it("offers only goal exercises", () => {
    expect(goalExerciseChoices("a-single-neuron", ["neuron-compute-z", "neuron-separate"])).toEqual(
      ["a-single-neuron#neuron-separate"],
    );
  });
});

describe("readPlaygroundSetup", () => {
  it("takes the playground's shared link, or its bare value, in one canonical form", () => {
    const fromLink = readPlaygroundSetup(
      "https://neuronlab.example/course/why-deep-works?pg=v1_data-xor_layers-4.2&x=1#try",
    );
    expect(fromLink).toMatch(/^v1_data-xor_/);
    expect(fromLink).toContain("layers-4.2");
    expect(readPlaygroundSetup(" v1_data-xor_layers-4.2 ")).toBe(fromLink);
    expect(readPlaygroundSetup("/course/why-deep-works?pg=v1_data-xor_layers-4.2")).toBe(fromLink);
  });

  it("refuses anything that is not a playground link", () => {
    for (const value of [
      "",
      "https://example.com/",
      "https://example.com/?pg=hello",
      "javascript:alert(1)",
      `v1_${"x".repeat(3000)}`,
    ]) {
      expect(readPlaygroundSetup(value), value).toBeNull();
    }
  });
});

describe("where an assignment leads, and whether it is done", () => {
  const lesson = { kind: "LESSON" as const, lessonSlug: "summary", target: "summary" };
  const exercise = {
    kind: "EXERCISE" as const,
    lessonSlug: "a-single-neuron",
    target: "neuron-separate",
  };
  const playground = {
    kind: "PLAYGROUND" as const,
    lessonSlug: "why-deep-works",
    target: "v1_data-xor",
  };

  it("links the lesson, the exercise on its page, the playground with its setup", () => {
    expect(assignmentHref(lesson)).toBe("/course/summary");
    expect(assignmentHref(exercise)).toBe("/course/a-single-neuron#exercise-neuron-separate");
    expect(assignmentHref(playground)).toBe("/course/why-deep-works?pg=v1_data-xor");
  });

  it("a lesson is done when finished, an exercise when solved, a playground never counts", () => {
    const learner = { lessonsDone: new Set(["summary"]), solved: new Set(["neuron-separate"]) };
    expect(assignmentDone(lesson, learner)).toBe(true);
    expect(assignmentDone(exercise, learner)).toBe(true);
    expect(
      assignmentDone(exercise, { lessonsDone: new Set(["a-single-neuron"]), solved: new Set() }),
    ).toBe(false);
    expect(assignmentDone(playground, learner)).toBeNull();
  });
});
