import { describe, expect, it } from "vitest";
import { createTranslator } from "use-intl";
import { createRng } from "@neuronlab/engine/rng";
import de from "../messages/de.json";
import en from "../messages/en.json";
import type { VizT } from "./i18n.tsx";
import {
  describeLossCurve,
  formatLoss,
  formatStep,
  LossSeries,
  lossDomain,
  lossNumberFormat,
  stepDomain,
  type LossCurveLabels,
} from "./loss-series.ts";

/** The loss curve's words outside React, as its component gets them. */
function words(locale: "en" | "de") {
  const t = createTranslator({
    locale,
    messages: { viz: locale === "en" ? en : de },
    namespace: "viz.LossCurve",
    onError: (error) => {
      throw error;
    },
  }) as unknown as VizT<"LossCurve">;
  const fmt = lossNumberFormat(locale, {
    notANumber: t("notANumber"),
    infinite: t("infinite"),
    minusInfinity: t("minusInfinity"),
  });
  const labels: LossCurveLabels = { train: t("trainLabel"), test: t("testLabel") };
  return { t, fmt, labels };
}
const english = words("en");
const describeInEnglish = (
  train: LossSeries,
  test: LossSeries | undefined,
  scale: "linear" | "log",
) => describeLossCurve(english.t, english.fmt, train, test, scale, english.labels);

/** The M4 reduction computed the slow way, from every raw point, as the reference. */
function bruteEnvelope(steps: number[], values: number[], x0: number, x1: number, cols: number) {
  const byColumn = new Map<number, number[]>();
  steps.forEach((s, i) => {
    if (!Number.isFinite(values[i] ?? Number.NaN) || s < x0 || s > x1) return;
    const c = Math.min(cols - 1, Math.floor(((s - x0) / (x1 - x0)) * cols));
    byColumn.set(c, [...(byColumn.get(c) ?? []), i]);
  });
  const xs: number[] = [];
  const ys: number[] = [];
  [...byColumn.keys()]
    .sort((a, b) => a - b)
    .forEach((c) => {
      const idx = byColumn.get(c) ?? [];
      const v = (i: number) => values[i] ?? 0;
      const lowest = idx.reduce((a, b) => (v(b) < v(a) ? b : a));
      const highest = idx.reduce((a, b) => (v(b) > v(a) ? b : a));
      const picked = [...new Set([idx[0] ?? 0, lowest, highest, idx[idx.length - 1] ?? 0])].sort(
        (a, b) => a - b,
      );
      for (const i of picked) {
        xs.push(steps[i] ?? 0);
        ys.push(v(i));
      }
    });
  return { x: xs, y: ys };
}

function noisyDecay(n: number, seed: number): number[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, (_, i) => 2 * Math.exp(-i / (n / 4)) + 0.1 * rng.next());
}

describe("LossSeries", () => {
  it("keeps every point and knows the latest, lowest and highest", () => {
    const s = LossSeries.from([3, 1, 2, 0.5, 4], [10, 20, 30, 40, 50]);
    expect(s.length).toBe(5);
    expect(s.stepAt(2)).toBe(30);
    expect(s.valueAt(2)).toBe(2);
    expect(s.latest).toEqual({ step: 50, value: 4 });
    expect(s.minimum).toEqual({ step: 40, value: 0.5 });
    expect(s.maximum).toEqual({ step: 50, value: 4 });
    expect(s.firstStep).toBe(10);
    expect(s.lastStep).toBe(50);
  });

  it("numbers the steps from 1 when none are given", () => {
    const s = LossSeries.from([5, 4]);
    expect([s.stepAt(0), s.stepAt(1)]).toEqual([1, 2]);
  });

  it("refuses steps that go back and non-finite steps", () => {
    const s = new LossSeries();
    s.append(5, 1);
    expect(() => {
      s.append(4, 1);
    }).toThrow(/must not go back/);
    expect(() => {
      s.append(Number.NaN, 1);
    }).toThrow(RangeError);
    s.append(5, 0.9);
    expect(s.length).toBe(2);
  });

  it("keeps non-finite values but leaves them out of the minimum and maximum", () => {
    const s = LossSeries.from([2, Number.POSITIVE_INFINITY, Number.NaN, 1]);
    expect(s.length).toBe(4);
    expect(s.latest).toEqual({ step: 4, value: 1 });
    expect(s.minimum?.value).toBe(1);
    expect(s.maximum?.value).toBe(2);
  });

  it("tracks the lowest positive value for a logarithmic axis", () => {
    const s = LossSeries.from([0.5, 0, 0.2, 0]);
    expect(s.minimum?.value).toBe(0);
    expect(s.minimumPositive?.value).toBe(0.2);
  });

  it("grows past its initial capacity and clears", () => {
    const s = new LossSeries({ initialCapacity: 16, maxBuckets: 8 });
    for (let i = 0; i < 1000; i++) s.append(i, 1000 - i);
    expect(s.length).toBe(1000);
    expect(s.valueAt(999)).toBe(1);
    expect(s.resolution).toBe(128);
    s.clear();
    expect(s.length).toBe(0);
    expect(s.latest).toBeUndefined();
    expect(s.minimum).toBeUndefined();
    s.append(0, 7);
    expect(s.minimum).toEqual({ step: 0, value: 7 });
  });

  it("rejects an odd bucket count", () => {
    expect(() => new LossSeries({ maxBuckets: 7 })).toThrow(RangeError);
  });

  describe("envelope", () => {
    it("is exactly the M4 reduction of the raw points while buckets hold one point", () => {
      const values = noisyDecay(500, 1);
      const steps = values.map((_, i) => i + 1);
      const s = LossSeries.from(values, steps);
      expect(s.resolution).toBe(1);
      const got = s.envelope(1, 500, 37);
      const want = bruteEnvelope(steps, values, 1, 500, 37);
      expect(Array.from(got.x)).toEqual(want.x);
      expect(Array.from(got.y)).toEqual(want.y);
    });

    it("is the M4 reduction when buckets are coarser than a point but finer than a column", () => {
      const values = noisyDecay(131_072, 2);
      const steps = values.map((_, i) => i);
      const s = LossSeries.from(values, steps, { maxBuckets: 2048 });
      expect(s.resolution).toBe(64);
      // 64 points per bucket and 131,072 / 512 = 256 points per column: buckets never straddle a
      // column boundary, so the summary must give the exact answer.
      const x1 = 131_072;
      const got = s.envelope(0, x1, 512);
      const want = bruteEnvelope(steps, values, 0, x1, 512);
      expect(got.x.length).toBe(want.x.length);
      expect(Array.from(got.y)).toEqual(want.y);
      expect(Array.from(got.x)).toEqual(want.x);
    });

    it("keeps every column's lowest and highest value when buckets straddle columns", () => {
      const values = noisyDecay(30_000, 3);
      const steps = values.map((_, i) => i);
      const s = LossSeries.from(values, steps, { maxBuckets: 256 });
      const got = s.envelope(0, 29_999, 333);
      const want = bruteEnvelope(steps, values, 0, 29_999, 333);
      // Extremes land in their own columns, so the overall envelope is the same.
      expect(Math.min(...got.y)).toBe(Math.min(...want.y));
      expect(Math.max(...got.y)).toBe(Math.max(...want.y));
      expect(got.x.length).toBeLessThanOrEqual(4 * 333);
      for (let i = 1; i < got.x.length; i++) {
        expect(got.x[i]).toBeGreaterThanOrEqual(got.x[i - 1] ?? 0);
      }
    });

    it("returns at most four points per column however many points there are", () => {
      const s = new LossSeries();
      for (let i = 0; i < 100_000; i++) s.append(i, Math.sin(i));
      const line = s.envelope(0, 99_999, 300);
      expect(line.x.length).toBeLessThanOrEqual(1200);
      expect(line.x.length).toBeGreaterThan(600);
    });

    it("keeps only each column's lowest and highest point in min/max mode", () => {
      const s = LossSeries.from([5, 1, 3, 9, 2, 4], [0, 1, 2, 3, 4, 5]);
      // Two columns: steps 0–2 and 3–5 (step 5 lands in the last column).
      const m4 = s.envelope(0, 6, 2);
      const minmax = s.envelope(0, 6, 2, "minmax");
      expect(Array.from(m4.y)).toEqual([5, 1, 3, 9, 2, 4]);
      expect(Array.from(minmax.y)).toEqual([5, 1, 9, 2]);
      expect(Array.from(minmax.x)).toEqual([0, 1, 3, 4]);
    });

    it("skips non-finite values and points outside the step range", () => {
      const s = LossSeries.from([1, Number.NaN, 3, 4, 5], [1, 2, 3, 4, 5]);
      const line = s.envelope(2, 4, 10);
      expect(Array.from(line.x)).toEqual([3, 4]);
      expect(Array.from(line.y)).toEqual([3, 4]);
    });

    it("keeps sparse points at their own steps (a test loss measured every 50 steps)", () => {
      const s = LossSeries.from([0.9, 0.7, 0.6], [50, 100, 150]);
      const line = s.envelope(1, 150, 600);
      expect(Array.from(line.x)).toEqual([50, 100, 150]);
    });
  });

  describe("trend", () => {
    it("says falling, rising or flat from the recent points", () => {
      expect(LossSeries.from([5, 4, 3, 2, 1, 0.5]).trend()).toBe("falling");
      expect(LossSeries.from([1, 1.2, 1.5, 2, 3, 4]).trend()).toBe("rising");
      expect(LossSeries.from([1, 1.01, 0.99, 1, 1.005, 1]).trend()).toBe("flat");
    });

    it("is unknown with too few points", () => {
      expect(LossSeries.from([1, 2, 3]).trend()).toBeUndefined();
    });

    it("looks only at the recent part of a long run", () => {
      const values = [
        ...Array.from({ length: 500 }, (_, i) => 5 - i / 200),
        ...Array.from({ length: 500 }, () => 2.5),
      ];
      expect(LossSeries.from(values).trend()).toBe("flat");
    });
  });

  it("costs amortised O(1) per append: 100,000 points append in well under a second", () => {
    const s = new LossSeries();
    const t0 = performance.now();
    for (let i = 0; i < 100_000; i++) s.append(i, 1 / (i + 1));
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(s.resolution).toBe(32);
  });
});

describe("domains", () => {
  it("spans the steps of every series", () => {
    expect(stepDomain([LossSeries.from([1, 2], [5, 9]), LossSeries.from([1], [20])])).toEqual([
      5, 20,
    ]);
    expect(stepDomain([new LossSeries()])).toEqual([0, 1]);
    expect(stepDomain([LossSeries.from([1], [3])])).toEqual([2, 4]);
  });

  it("starts a linear axis at 0 and a logarithmic one at the lowest positive loss", () => {
    const a = LossSeries.from([2, 0.5, 0]);
    const b = LossSeries.from([3, 0.1]);
    expect(lossDomain([a, b], "linear")).toEqual([0, 3]);
    expect(lossDomain([a, b], "log")).toEqual([0.1, 3]);
    expect(lossDomain([], "log")).toEqual([0.01, 1]);
    expect(lossDomain([LossSeries.from([0.2])], "log")).toEqual([0.1, 0.4]);
    expect(lossDomain([LossSeries.from([0])], "linear")).toEqual([0, 1]);
  });
});

describe("text alternative", () => {
  it("formats steps and losses for reading", () => {
    expect(formatStep(12345.2)).toBe("12,345");
    expect(formatLoss(0.045213)).toBe("0.0452");
    expect(formatLoss(2.3149)).toBe("2.31");
    expect(formatLoss(0)).toBe("0");
    expect(formatLoss(3.2e9)).toBe("3.2e+9");
    expect(formatLoss(Number.POSITIVE_INFINITY)).toBe("infinite");
  });

  it("formats steps and losses in German, with the catalogue's words", () => {
    const { fmt } = words("de");
    expect(fmt.step(12345.2)).toBe("12.345");
    expect(fmt.loss(0.045213)).toBe("0,0452");
    expect(fmt.loss(-2.3149)).toBe("−2,31");
    expect(fmt.loss(3.2e9)).toBe("3,2e+9");
    expect(fmt.loss(Number.POSITIVE_INFINITY)).toBe("unendlich");
    expect(fmt.loss(Number.NaN)).toBe("keine Zahl");
  });

  it("states the latest and lowest values and the trend of each curve", () => {
    const train = LossSeries.from([1, 0.8, 0.6, 0.5, 0.4, 0.35], [1, 2, 3, 4, 5, 6]);
    const test = LossSeries.from([0.9, 0.7, 0.75], [2, 4, 6]);
    expect(describeInEnglish(train, test, "linear")).toBe(
      "Loss curve on a linear scale, training loss and test loss from step 1 to step 6. " +
        "Latest: training loss 0.35 at step 6; test loss 0.75 at step 6. " +
        "Lowest so far: training loss 0.35 at step 6; test loss 0.7 at step 4. " +
        "Training loss is falling.",
    );
  });

  it("says when nothing has been recorded, and names the scale", () => {
    expect(describeInEnglish(new LossSeries(), undefined, "log")).toBe(
      "Loss curve on a logarithmic scale: no steps recorded yet.",
    );
    expect(describeInEnglish(LossSeries.from([2]), new LossSeries(), "log")).toBe(
      "Loss curve on a logarithmic scale, training loss from step 1 to step 1. " +
        "Latest: training loss 2 at step 1. Lowest so far: training loss 2 at step 1.",
    );
  });

  it("says the same in German", () => {
    const { t, fmt, labels } = words("de");
    const train = LossSeries.from([1, 0.8, 0.6, 0.5, 0.4, 0.35], [1, 2, 3, 4, 5, 6]);
    const test = LossSeries.from([0.9, 0.7, 0.75], [2, 4, 6]);
    expect(describeLossCurve(t, fmt, train, test, "log", labels)).toBe(
      "Verlustkurve mit logarithmischer Skala, Trainingsverlust und Testverlust von Schritt 1 bis Schritt 6. " +
        "Zuletzt: Trainingsverlust 0,35 bei Schritt 6; Testverlust 0,75 bei Schritt 6. " +
        "Bisher am niedrigsten: Trainingsverlust 0,35 bei Schritt 6; Testverlust 0,7 bei Schritt 4. " +
        "Trainingsverlust: sinkt.",
    );
  });
});
