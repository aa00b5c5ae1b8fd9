import { createTranslator } from "use-intl";
import { describe, expect, it } from "vitest";
import { formatNumber } from "@neuronlab/viz/format";
import de from "../../messages/de.json";
import en from "../../messages/en.json";
import type { WidgetT } from "./i18n.ts";
import {
  DEFAULT_POINTS,
  describeSeparator,
  lineEquation,
  planeDomain,
  readPoints,
  startingSeparator,
  usablePoints,
} from "./separator-goal-points.ts";

const translator = (locale: "en" | "de") =>
  createTranslator({
    locale,
    messages: locale === "en" ? en : de,
    namespace: "SeparatorGoal",
  }) as unknown as WidgetT<"SeparatorGoal">;

describe("separator goal points", () => {
  it("reads which points the neuron puts on their own side", () => {
    const readings = readPoints({ weights: [1, 1], bias: -1 }, DEFAULT_POINTS);
    expect(readings.every((r) => r.right)).toBe(true);
    const flipped = readPoints({ weights: [-1, -1], bias: 1 }, DEFAULT_POINTS);
    expect(flipped.some((r) => r.right)).toBe(false);
    expect(flipped[0]?.a).toBeCloseTo(1 / (1 + Math.exp(1.5)), 12);
  });

  it("keeps the lesson's usable points and numbers", () => {
    expect(usablePoints([{ x: [1, 2], label: 0 }, { x: [1, "a"], label: 1 }, null])).toEqual([
      { x: [1, 2], label: 0 },
    ]);
    expect(usablePoints(undefined)).toHaveLength(8);
    expect(startingSeparator([7], -0.26)).toEqual({ weights: [5, -0.5], bias: -0.3 });
    expect(planeDomain(DEFAULT_POINTS)).toEqual({ x1: [-2.5, 2.5], x2: [-2.5, 2.5] });
  });

  it("says the line and the misses in words", () => {
    const separator = { weights: [0, 2] as [number, number], bias: -0.5 };
    expect(lineEquation(separator)).toBe("0.00·x₁ + 2.00·x₂ + (−0.50) = 0");
    const readings = readPoints(separator, DEFAULT_POINTS);
    const text = describeSeparator(separator, readings, translator("en"), (v, d) =>
      formatNumber(v, d),
    );
    expect(text).toContain("7 of 8 points on the right side.");
    expect(text).toContain("On the wrong side: (−1.50, 1.00) of class 0 (a = 0.82).");
    const german = describeSeparator(separator, readings, translator("de"), (v, d) =>
      formatNumber(v, d, "de"),
    );
    expect(german).toContain("Auf der falschen Seite: (−1,50; 1,00) der Klasse 0 (a = 0,82).");
  });
});
