import { createTranslator } from "use-intl";
import { describe, expect, it } from "vitest";
import { formatNumber } from "@neuronlab/viz/format";
import type { FormatNumber } from "@neuronlab/viz/i18n";
import { classifyDescent } from "@neuronlab/viz/landscape";
import en from "../../messages/en.json";
import {
  PRESETS,
  descentProblem,
  descentRun,
  describeUpdate,
  startingPoint,
} from "./gradient-descent-run.ts";
import type { WidgetT } from "./i18n.ts";

const t = createTranslator({
  locale: "en",
  messages: en,
  namespace: "GradientDescent",
}) as unknown as WidgetT<"GradientDescent">;
const fmt: FormatNumber = (value, decimals) => formatNumber(value, decimals);
const fmtDe: FormatNumber = (value, decimals) => formatNumber(value, decimals, "de");

describe("gradient-descent run", () => {
  const problem = descentProblem();

  it("reads the lesson's start as w alone or [w, b], inside the figure's domain", () => {
    expect(startingPoint(problem, undefined)).toEqual(problem.start);
    expect(startingPoint(problem, 0.5)).toEqual([0.5, problem.start[1]]);
    expect(startingPoint(problem, [-100, 1])).toEqual([problem.domain.w1[0], 1]);
  });

  it("has presets that crawl, converge, zig-zag and diverge", () => {
    for (const mode of ["curve", "surface"] as const) {
      const held = problem.start[1];
      const outcomes = PRESETS[mode].map((p) => {
        const run = descentRun(problem, mode, problem.start, p.rate);
        const lowest =
          mode === "surface"
            ? (problem.minimum?.loss ?? 0)
            : Math.min(
                ...Array.from({ length: 2001 }, (_, k) => problem.loss(-2 + k * 0.003, held)),
              );
        return classifyDescent(run, lowest).outcome;
      });
      expect(outcomes).toEqual(["crawling", "converged", "zigzag", "diverged"]);
    }
  });

  it("writes each update with the run's own numbers", () => {
    const run = descentRun(problem, "curve", [-1, 1], 0.1);
    const first = run.path[0];
    const second = run.path[1];
    const text = describeUpdate(problem, "curve", run, 1, 0.1, t, fmt);
    expect(text.heading).toBe("Step 1 of 40");
    expect(second?.point[0]).toBeCloseTo(-1 - 0.1 * (first?.gradient[0] ?? 0), 12);
    expect(text.lines[1]).toMatch(/^w ← w − η·∂L\/∂w = −1\.000 − 0\.10·/);
    expect(text.text).toContain("Learning rate 0.10. Step 1 of 40.");
    const start = describeUpdate(
      problem,
      "surface",
      descentRun(problem, "surface", [-1, 1], 0.1),
      0,
      0.1,
      t,
      fmt,
    );
    expect(start.heading).toBe("Step 0 of 40: the start");
    expect(start.lines[1]).toContain("b ← b − η·∂L/∂b = 1.000 − 0.10·");
    expect(describeUpdate(problem, "curve", run, 1, 0.1, t, fmtDe).lines[1]).toMatch(
      /^w ← w − η·∂L\/∂w = −1,000 − 0,10·/,
    );
  });

  it("notes a step that goes uphill", () => {
    const run = descentRun(problem, "curve", problem.start, 0.6);
    expect(describeUpdate(problem, "curve", run, 1, 0.6, t, fmt).note).toMatch(/^The loss went up/);
  });
});
