import { describe, expect, it } from "vitest";
import { createTranslator } from "use-intl";
import { losses } from "@neuronlab/engine/losses";
import { neuron } from "@neuronlab/engine/neuron";
import de from "../messages/de.json";
import en from "../messages/en.json";
import { formatNumber } from "./format.ts";
import type { VizT } from "./i18n.tsx";
import {
  cellCentre,
  classifyDescent,
  formatRate,
  contourLevels,
  contourPaths,
  describeLandscape,
  gradientDescent,
  linearNeuronProblem,
  numericGradient,
  outcomeMessage,
  sampleCurve,
  sampleGrid,
  shade,
  TINY_DATA,
  type LandscapeFormat,
  type Loss2,
} from "./landscape.ts";
import { formatLoss } from "./loss-series.ts";

/** The figure's words and number formats outside React, as its component gets them. */
function words(locale: "en" | "de") {
  const t = createTranslator({
    locale,
    messages: { viz: locale === "en" ? en : de },
    namespace: "viz.LossLandscape",
    onError: (error) => {
      throw error;
    },
  }) as unknown as VizT<"LossLandscape">;
  const format: LandscapeFormat = {
    number: (value, decimals) => formatNumber(value, decimals, locale),
    loss: (value) =>
      formatLoss(value, locale, {
        notANumber: t("notANumber"),
        infinite: t("infinite"),
        minusInfinity: t("minusInfinity"),
      }),
    rate: (rate) => formatRate(rate, locale),
  };
  return { t, format };
}
const english = words("en");

const problem = linearNeuronProblem();
const lossOf = (p: readonly number[]) => problem.loss(p[0] ?? 0, p[1] ?? 0);
const gradientOf = (p: readonly number[]) => problem.gradient(p[0] ?? 0, p[1] ?? 0);
const run = (learningRate: number, steps = 40) =>
  gradientDescent({
    start: problem.start,
    learningRate,
    steps,
    loss: lossOf,
    gradient: gradientOf,
  });

describe("linearNeuronProblem", () => {
  it("is the engine neuron's mean squared error on the tiny dataset", () => {
    const [w, b] = [0.3, -0.2];
    const byHand =
      TINY_DATA.x.reduce((sum, x, i) => {
        const { a } = neuron({ weights: [w], bias: b, activation: "linear" }).call([x]);
        return sum + losses.mse.value([a], [TINY_DATA.y[i] ?? 0]);
      }, 0) / TINY_DATA.x.length;
    expect(problem.loss(w, b)).toBeCloseTo(byHand, 12);
  });

  it("has the backpropagated gradient, equal to finite differences", () => {
    const numeric = numericGradient(problem.loss);
    for (const [w, b] of [
      [0.3, -0.2],
      [-1.5, 2.5],
      [2, 1],
    ] as const) {
      const [gw, gb] = problem.gradient(w, b);
      const [nw, nb] = numeric(w, b);
      expect(gw).toBeCloseTo(nw, 6);
      expect(gb).toBeCloseTo(nb, 6);
    }
  });

  it("knows its least-squares minimum, where the gradient vanishes", () => {
    const { point, loss } = problem.minimum ?? { point: [0, 0], loss: 0 };
    expect(point[0]).toBeCloseTo(0.7929, 4);
    expect(point[1]).toBeCloseTo(0.4071, 4);
    expect(loss).toBeCloseTo(0.00852, 5);
    const [gw, gb] = problem.gradient(point[0], point[1]);
    expect(Math.abs(gw) + Math.abs(gb)).toBeLessThan(1e-12);
    // The map has round ends around it, and the start is well up the side of the bowl.
    expect(problem.domain).toEqual({ w1: [-2, 3.75], w2: [-2.25, 3.25] });
    expect(problem.start).toEqual([-1.5, 2.5]);
    expect(problem.loss(...problem.start)).toBeGreaterThan(100 * loss);
  });

  it("refuses data without examples", () => {
    expect(() => linearNeuronProblem({ x: [], y: [] })).toThrow(RangeError);
  });
});

describe("sampling", () => {
  const bowl: Loss2 = (a, b) => (a - 1) ** 2 + 4 * (b + 0.5) ** 2;

  it("evaluates the loss at every cell centre, row 0 at the top", () => {
    const grid = sampleGrid(bowl, [-2, 2], [-1, 1], 4, 2);
    expect(cellCentre([-2, 2], [-1, 1], 4, 2, 0, 0)).toEqual([-1.5, 0.5]);
    expect(grid.values[0]).toBe(bowl(-1.5, 0.5));
    expect(grid.values[7]).toBe(bowl(1.5, -0.5));
    expect(grid.argmin).toEqual([0.5, -0.5]);
    expect(grid.min).toBe(bowl(0.5, -0.5));
    expect(grid.max).toBe(Math.max(...grid.values));
  });

  it("leaves non-finite values out of the range", () => {
    const grid = sampleGrid(
      (a) => (a > 0 ? Number.POSITIVE_INFINITY : a * a),
      [-1, 1],
      [0, 1],
      4,
      1,
    );
    expect(grid.max).toBe(0.5625);
    expect(grid.min).toBe(0.0625);
    expect(grid.values[3]).toBe(Number.POSITIVE_INFINITY);
  });

  it("samples a curve over one weight, ends included", () => {
    const curve = sampleCurve((w) => w * w, [-1, 2], 4);
    expect(Array.from(curve.w)).toEqual([-1, 0, 1, 2]);
    expect(Array.from(curve.loss)).toEqual([1, 0, 1, 4]);
  });

  it("spaces contour levels densely near the bottom", () => {
    const levels = contourLevels(0, 100, 4);
    [4, 16, 36, 64].forEach((want, k) => {
      expect(levels[k]).toBeCloseTo(want, 10);
    });
    expect(shade(25, 0, 100)).toBe(0.5);
    expect(shade(-1, 0, 100)).toBe(0);
    expect(shade(Number.NaN, 0, 100)).toBe(1);
  });

  it("traces contours as SVG paths inside the drawing box", () => {
    const grid = sampleGrid(bowl, [-2, 4], [-2, 1], 40, 30);
    const paths = contourPaths(grid, contourLevels(grid.min, grid.max, 5), 400, 300);
    expect(paths).toHaveLength(5);
    for (const { d } of paths) {
      expect(d).toMatch(/^M[\d.]+,[\d.]+L/);
      const numbers = d.match(/[\d.]+/g)?.map(Number) ?? [];
      expect(Math.max(...numbers)).toBeLessThanOrEqual(400);
    }
  });
});

describe("gradientDescent", () => {
  const quadratic = (a: number) => ({
    loss: (p: readonly number[]) => 0.5 * a * (p[0] ?? 0) ** 2,
    gradient: (p: readonly number[]) => [a * (p[0] ?? 0)],
  });

  it("takes steps p ← p − η·∇L, so on a parabola p_k = (1 − ηa)^k · p₀", () => {
    const result = gradientDescent({ start: [2], learningRate: 0.1, steps: 5, ...quadratic(4) });
    expect(result.path).toHaveLength(6);
    expect(result.divergedAt).toBeUndefined();
    result.path.forEach((s, k) => {
      expect(s.point[0]).toBeCloseTo(2 * 0.6 ** k, 12);
    });
  });

  it("stops and says where when the steps run away (η > 2/a)", () => {
    const result = gradientDescent({ start: [1], learningRate: 0.6, steps: 100, ...quadratic(4) });
    expect(result.divergedAt).toBeDefined();
    expect(result.path.length).toBeLessThan(101);
    expect(result.path.at(-1)?.loss).toBeGreaterThan(result.path[0]?.loss ?? 0);
  });

  it("stops at a loss that is not a number", () => {
    const result = gradientDescent({
      start: [1],
      learningRate: 0.1,
      steps: 10,
      loss: (p) => ((p[0] ?? 0) < 0.95 ? Number.NaN : 1),
      gradient: () => [1],
    });
    expect(result.divergedAt).toBe(1);
  });
});

describe("classifyDescent on the linear neuron", () => {
  const lowest = problem.minimum?.loss ?? 0;

  it("calls a tiny learning rate a crawl", () => {
    const r = run(0.01);
    const report = classifyDescent(r, lowest);
    expect(report.outcome).toBe("crawling");
    expect(report.progress).toBeLessThan(0.8);
    expect(outcomeMessage(english.t, english.format, report, r)).toMatch(
      /^Crawling: .* after 40 steps the loss is still 1\.\d+, 6\d% of the way down\./,
    );
  });

  it("calls a moderate one converged", () => {
    const report = classifyDescent(run(0.1), lowest);
    expect(report.outcome).toBe("converged");
    expect(report.reversals).toBe(0);
  });

  it("calls one past 1/λmax (here 0.19) a zig-zag that still settles", () => {
    const r = run(0.3);
    const report = classifyDescent(r, lowest);
    expect(report.outcome).toBe("zigzag");
    expect(report.progress).toBeGreaterThan(0.99);
    expect(outcomeMessage(english.t, english.format, report, r)).toMatch(
      /^Zig-zag: .* but still settle/,
    );
  });

  it("calls one past 2/λmax (here 0.38) diverged, with the step", () => {
    const r = run(0.45);
    const report = classifyDescent(r, lowest);
    expect(report.outcome).toBe("diverged");
    expect(outcomeMessage(english.t, english.format, report, r)).toMatch(
      new RegExp(`^Diverged at step ${r.divergedAt ?? 0}: .*Try a smaller learning rate\\.$`),
    );
  });
});

describe("describeLandscape", () => {
  it("prints learning rates with two significant digits", () => {
    expect([0.005, 0.005235, 0.1, 0.45, 0.02].map((rate) => formatRate(rate))).toEqual([
      "0.0050",
      "0.0052",
      "0.10",
      "0.45",
      "0.020",
    ]);
  });

  it("states where the walk started, where it is and what became of it", () => {
    const twoRun = run(0.1, 10);
    const oneRun = gradientDescent({
      start: [problem.start[0]],
      learningRate: 0.1,
      steps: 10,
      loss: (p) => problem.loss(p[0] ?? 0, problem.start[1]),
      gradient: (p) => [problem.gradient(p[0] ?? 0, problem.start[1])[0]],
    });
    const lowest = problem.minimum ?? { point: [0, 0] as const, loss: 0 };
    const text = describeLandscape(english.t, english.format, {
      summary: english.t("defaultSummary", { count: TINY_DATA.x.length }),
      names: problem.names,
      learningRate: 0.1,
      shown: 3,
      twoD: { run: twoRun, report: classifyDescent(twoRun, lowest.loss), lowest },
      oneD: { run: oneRun, report: classifyDescent(oneRun, 0), heldAt: problem.start[1] },
    });
    const p3 = twoRun.path[3];
    expect(text).toContain(
      "Loss landscape of the mean squared error of one linear neuron, prediction = w·x + b, on 7 examples.",
    );
    expect(text).toContain("with learning rate 0.10.");
    expect(text).toContain("it starts at w = −1.50, b = 2.50 with loss 5.31");
    expect(text).toContain(
      `after 3 of 10 steps it is at w = ${formatNumber(p3?.point[0] ?? 0)}, b = ${formatNumber(p3?.point[1] ?? 0)}`,
    );
    expect(text).toContain("The lowest loss, 0.00852, is at w = 0.79, b = 0.41.");
    expect(text).toContain("Over w alone, with b held at 2.50:");
  });

  it("says it in German, with decimal commas", () => {
    const { t, format } = words("de");
    expect(formatRate(0.005, "de")).toBe("0,0050");
    const r = run(0.01);
    const report = classifyDescent(r, problem.minimum?.loss ?? 0);
    expect(outcomeMessage(t, format, report, r)).toMatch(
      /^Kriechen: .* nach 40 Schritten noch 1,\d+ beträgt – erst 6\d\u00a0% des Weges nach unten\./,
    );
    const text = describeLandscape(t, format, {
      summary: t("defaultSummary", { count: TINY_DATA.x.length }),
      names: problem.names,
      learningRate: 0.1,
      shown: 0,
      twoD: { run: r, report, lowest: problem.minimum ?? { point: [0, 0], loss: 0 } },
    });
    expect(text).toContain(
      "Verlustlandschaft für den mittleren quadratischen Fehler eines linearen Neurons, Vorhersage = w·x + b, auf 7 Beispielen. Gradientenabstieg mit Lernrate 0,10.",
    );
    expect(text).toContain("Der Abstieg beginnt bei w = −1,50, b = 2,50 mit Verlust 5,31");
  });
});
