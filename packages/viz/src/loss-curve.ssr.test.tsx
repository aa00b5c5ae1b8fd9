import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { drawLossCurve, LossCurve, type LossCurveColors } from "./loss-curve.tsx";
import { LossSeries } from "./loss-series.ts";
import { IntlWrapper } from "./testing/intl.tsx";

const colors: LossCurveColors = {
  train: "#1f6fb4",
  test: "#b35200",
  text: "#475569",
  grid: "#d5dbe6",
  axis: "#475569",
};

/** A 2D context that records what is drawn, enough for the loss curve's calls. */
function recordingContext() {
  const calls: { name: string; args: unknown[] }[] = [];
  const state: Record<string | symbol, unknown> = {};
  const ctx = new Proxy(state, {
    get(target, key) {
      if (key in target) return target[key];
      if (key === "measureText") return (text: string) => ({ width: text.length * 6 });
      return (...args: unknown[]) => {
        calls.push({ name: String(key), args });
      };
    },
    set(target, key, value) {
      target[key] = value;
      calls.push({ name: `set ${String(key)}`, args: [value] });
      return true;
    },
  }) as unknown as CanvasRenderingContext2D;
  const texts = () => calls.filter((c) => c.name === "fillText").map((c) => c.args[0] as string);
  const count = (name: string) => calls.filter((c) => c.name === name).length;
  return { ctx, calls, texts, count };
}

function decay(n: number): LossSeries {
  const s = new LossSeries();
  for (let i = 1; i <= n; i++) s.append(i, 2 / Math.sqrt(i) + 0.05 * Math.sin(i));
  return s;
}

describe("drawLossCurve", () => {
  it("draws at most two vertices per pixel column and curve for 100,000 points", () => {
    const train = decay(100_000);
    const test = new LossSeries();
    for (let i = 100; i <= 100_000; i += 100) test.append(i, 2.2 / Math.sqrt(i));
    const { ctx, count } = recordingContext();
    const vertices = drawLossCurve(ctx, {
      width: 600,
      height: 260,
      train,
      test,
      scale: "linear",
      colors,
    });
    expect(vertices).toBeGreaterThan(500);
    expect(vertices).toBeLessThanOrEqual(2 * 2 * 600);
    expect(count("lineTo")).toBeLessThan(2 * 2 * 600);
  });

  it("labels the axes, with thousands shortened on the step axis", () => {
    const { ctx, texts } = recordingContext();
    drawLossCurve(ctx, { width: 600, height: 260, train: decay(20_000), scale: "log", colors });
    const labels = texts();
    expect(labels).toContain("step");
    expect(labels).toContain("loss (log scale)");
    expect(labels).toContain("10k");
    expect(labels.some((l) => /^0\.\d+$/.test(l) || l === "1")).toBe(true);
  });

  it("dashes the test curve and leaves the training curve solid", () => {
    const { ctx, calls } = recordingContext();
    drawLossCurve(ctx, {
      width: 400,
      height: 200,
      train: LossSeries.from([1, 0.5, 0.3]),
      test: LossSeries.from([1.1, 0.7], [1, 3]),
      scale: "linear",
      colors,
    });
    const dashes = calls.filter((c) => c.name === "setLineDash").map((c) => c.args[0]);
    expect(dashes.slice(0, 2)).toEqual([[], [7, 4]]);
  });

  it("says so when there is nothing to draw", () => {
    const { ctx, texts } = recordingContext();
    const vertices = drawLossCurve(ctx, {
      width: 400,
      height: 200,
      train: new LossSeries(),
      scale: "linear",
      colors,
      emptyText: "No steps recorded yet",
    });
    expect(vertices).toBe(0);
    expect(texts()).toContain("No steps recorded yet");
  });
});

describe("drawLossCurve in German", () => {
  it("writes the axis names it is given and decimal commas on the ticks", () => {
    const { ctx, texts } = recordingContext();
    drawLossCurve(ctx, {
      width: 600,
      height: 260,
      train: decay(20_000),
      scale: "linear",
      colors,
      axisLabels: { step: "Schritt", loss: "Verlust", logLoss: "Verlust (logarithmisch)" },
      locale: "de",
    });
    const labels = texts();
    expect(labels).toContain("Schritt");
    expect(labels).toContain("Verlust");
    expect(labels.some((l) => /^\d,\d+$/.test(l))).toBe(true);
    expect(labels.some((l) => /^\d\.\d+$/.test(l))).toBe(false);
  });
});

describe("LossCurve on the server", () => {
  it("renders without a window, with the text alternative and the scale switch", () => {
    expect(typeof globalThis.window).toBe("undefined");
    const train = LossSeries.from([1, 0.5, 0.25]);
    const html = renderToString(
      <IntlWrapper>
        <LossCurve train={train} test={LossSeries.from([0.9], [3])} />
      </IntlWrapper>,
    );
    expect(html).toContain("<canvas");
    expect(html).toContain("Latest: training loss 0.25 at step 3; test loss 0.9 at step 3.");
    expect(html).toContain('aria-live="polite"');
    expect(html).toMatch(/type="radio"[^>]*value="log"/);
    expect(html).toContain("Logarithmic");
  });
});
