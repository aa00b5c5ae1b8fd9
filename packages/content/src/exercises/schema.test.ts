import { describe, expect, it } from "vitest";
import { exercisesByLesson } from "./catalog.ts";
import { shuffledForDisplay, toPublic } from "./schema.ts";

const items = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `s${i}`, text: `Step ${i}` }));

describe("shuffling ordering items for display", () => {
  it.each(["a", "neuron-steps", "backprop-loop-order", "x".repeat(40)])(
    "keeps every item exactly once and never leaves them in order (seed %s)",
    (seed) => {
      for (let n = 3; n <= 8; n++) {
        const shown = shuffledForDisplay(items(n), seed);
        expect(shown.map((i) => i.id).sort()).toEqual(
          items(n)
            .map((i) => i.id)
            .sort(),
        );
        expect(shown.map((i) => i.id)).not.toEqual(items(n).map((i) => i.id));
      }
    },
  );

  it("is stable for a seed", () => {
    expect(shuffledForDisplay(items(6), "q")).toEqual(shuffledForDisplay(items(6), "q"));
  });
});

describe("the public view of an exercise", () => {
  const all = [...exercisesByLesson.values()].flat();

  it.each(all.map((e) => [e.id, e] as const))(
    "%s carries no key and no explanation",
    (_, exercise) => {
      const shown = JSON.stringify(toPublic(exercise));
      expect(shown).not.toContain(exercise.explanation);
      expect(shown).not.toMatch(/"correct"|"answer"|"tolerance"/);
      if (exercise.kind === "ordering") {
        const ids = (toPublic(exercise) as { items: { id: string }[] }).items.map((i) => i.id);
        expect([...ids].sort()).toEqual(exercise.items.map((i) => i.id).sort());
      }
    },
  );
});
