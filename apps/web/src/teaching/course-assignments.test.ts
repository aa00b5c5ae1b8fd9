import type { LearnerCohort } from "@neuronlab/db/cohorts";
import { describe, expect, expectTypeOf, it } from "vitest";
import { anyOverdue, courseAssignments } from "./course-assignments";

const at = (iso: string) => new Date(iso);

/** A lesson assignment as the map carries it. */
const lesson = (slug: string) => ({ kind: "LESSON", lessonSlug: slug, target: slug, note: null });

/** Friday 20 March 2026, noon UTC. */
const now = at("2026-03-20T12:00:00.000Z");

let ids = 0;
function cohort(
  name: string,
  timeZone: string,
  assignments: { lessonSlug: string; dueAt: Date | null }[],
): LearnerCohort {
  return {
    id: `cohort-${name}`,
    name,
    timeZone,
    teachers: ["Teacher"],
    assignments: assignments.map((a) => ({
      id: `assignment-${++ids}`,
      kind: "LESSON" as const,
      target: a.lessonSlug,
      note: null,
      ...a,
    })),
  };
}

describe("courseAssignments", () => {
  it("is empty for a learner in no class", () => {
    const map = courseAssignments([], now);
    expect(map.size).toBe(0);
    expect(anyOverdue(map)).toBe(false);
  });

  it("is empty for a class that set nothing", () => {
    expect(courseAssignments([cohort("7b", "UTC", [])], now).size).toBe(0);
  });

  it("lists one class's lessons by slug, with the class's time zone", () => {
    const map = courseAssignments(
      [
        cohort("7b", "Europe/Berlin", [
          { lessonSlug: "introduction", dueAt: at("2026-03-25T22:59:59.999Z") },
          { lessonSlug: "a-single-neuron", dueAt: at("2026-03-27T22:59:59.999Z") },
        ]),
      ],
      now,
    );
    expect(Object.fromEntries(map)).toEqual({
      introduction: [
        {
          cohortName: "7b",
          assignment: lesson("introduction"),
          dueAt: at("2026-03-25T22:59:59.999Z"),
          timeZone: "Europe/Berlin",
          overdue: false,
        },
      ],
      "a-single-neuron": [
        {
          cohortName: "7b",
          assignment: lesson("a-single-neuron"),
          dueAt: at("2026-03-27T22:59:59.999Z"),
          timeZone: "Europe/Berlin",
          overdue: false,
        },
      ],
    });
    expect(map.get("summary")).toBeUndefined();
  });

  it("lists both classes that set the same lesson, in the order the classes come", () => {
    const map = courseAssignments(
      [
        cohort("Abc", "America/New_York", [
          { lessonSlug: "introduction", dueAt: at("2026-03-26T03:59:59.999Z") },
        ]),
        cohort("Zed", "Europe/Berlin", [
          { lessonSlug: "introduction", dueAt: null },
          { lessonSlug: "summary", dueAt: null },
        ]),
      ],
      now,
    );
    expect(map.get("introduction")).toEqual([
      {
        cohortName: "Abc",
        assignment: lesson("introduction"),
        dueAt: at("2026-03-26T03:59:59.999Z"),
        timeZone: "America/New_York",
        overdue: false,
      },
      {
        cohortName: "Zed",
        assignment: lesson("introduction"),
        dueAt: null,
        timeZone: "Europe/Berlin",
        overdue: false,
      },
    ]);
    expect(map.get("summary")).toHaveLength(1);
  });

  it("says no due date as null, and such a lesson is never overdue", () => {
    const map = courseAssignments([cohort("7b", "UTC", [{ lessonSlug: "x", dueAt: null }])], now);
    expect(map.get("x")).toEqual([
      { cohortName: "7b", assignment: lesson("x"), dueAt: null, timeZone: "UTC", overdue: false },
    ]);
    expect(anyOverdue(map)).toBe(false);
  });

  it("is overdue once the due moment has passed, not before and not at it", () => {
    const map = courseAssignments(
      [
        cohort("7b", "UTC", [
          { lessonSlug: "past", dueAt: at("2026-03-19T23:59:59.999Z") },
          { lessonSlug: "just-past", dueAt: at("2026-03-20T11:59:59.999Z") },
          { lessonSlug: "now", dueAt: now },
          { lessonSlug: "today", dueAt: at("2026-03-20T23:59:59.999Z") },
        ]),
      ],
      now,
    );
    const overdue = (slug: string) => map.get(slug)?.map((a) => a.overdue);
    expect(overdue("past")).toEqual([true]);
    expect(overdue("just-past")).toEqual([true]);
    expect(overdue("now")).toEqual([false]);
    expect(overdue("today")).toEqual([false]);
    expect(anyOverdue(map)).toBe(true);
  });

  it("is never overdue for a finished lesson", () => {
    const cohorts = [
      cohort("7b", "UTC", [
        { lessonSlug: "finished", dueAt: at("2026-03-01T23:59:59.999Z") },
        { lessonSlug: "unfinished", dueAt: at("2026-03-01T23:59:59.999Z") },
      ]),
    ];
    const map = courseAssignments(cohorts, now, {
      lessonsDone: new Set(["finished"]),
      solved: new Set(),
    });
    expect(map.get("finished")?.[0]?.overdue).toBe(false);
    expect(map.get("unfinished")?.[0]?.overdue).toBe(true);
    expect(
      anyOverdue(
        courseAssignments(cohorts, now, {
          lessonsDone: new Set(["finished", "unfinished"]),
          solved: new Set(),
        }),
      ),
    ).toBe(false);
  });

  it("is overdue per class: the same lesson can be late for one and not yet due for another", () => {
    const map = courseAssignments(
      [
        cohort("Abc", "UTC", [{ lessonSlug: "x", dueAt: at("2026-03-10T23:59:59.999Z") }]),
        cohort("Zed", "UTC", [{ lessonSlug: "x", dueAt: at("2026-03-30T23:59:59.999Z") }]),
      ],
      now,
    );
    expect(map.get("x")?.map((a) => [a.cohortName, a.overdue])).toEqual([
      ["Abc", true],
      ["Zed", false],
    ]);
  });

  it("leaves archived classes to the data layer: a learner's cohort carries no archive mark", () => {
    // cohortsOfLearner (prisma/src/cohorts.ts) asks only for `archivedAt: null`, and its test
    // checks an archived class is not listed; what it returns cannot say "archived" at all.
    expectTypeOf<LearnerCohort>().not.toHaveProperty("archivedAt");
    expectTypeOf<keyof LearnerCohort>().toEqualTypeOf<
      "id" | "name" | "timeZone" | "teachers" | "assignments"
    >();
  });

  it("a goal exercise is overdue until solved; a playground setup never is", () => {
    const past = at("2026-03-19T23:59:59.999Z");
    const seven: LearnerCohort = {
      ...cohort("7b", "UTC", []),
      assignments: [
        {
          id: "e",
          kind: "EXERCISE",
          lessonSlug: "a-single-neuron",
          target: "neuron-separate",
          note: null,
          dueAt: past,
        },
        {
          id: "p",
          kind: "PLAYGROUND",
          lessonSlug: "why-deep-works",
          target: "v1_x",
          note: "Try",
          dueAt: past,
        },
      ],
    };
    const open = courseAssignments([seven], now);
    expect(open.get("a-single-neuron")?.map((a) => a.overdue)).toEqual([true]);
    expect(open.get("why-deep-works")?.map((a) => a.overdue)).toEqual([false]);
    // Finishing the lesson is not solving its exercise.
    const lessonDone = courseAssignments([seven], now, {
      lessonsDone: new Set(["a-single-neuron"]),
      solved: new Set(),
    });
    expect(lessonDone.get("a-single-neuron")?.[0]?.overdue).toBe(true);
    const solved = courseAssignments([seven], now, {
      lessonsDone: new Set(),
      solved: new Set(["neuron-separate"]),
    });
    expect(solved.get("a-single-neuron")?.[0]?.overdue).toBe(false);
  });
});
