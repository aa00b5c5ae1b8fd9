import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";
import { expect, test } from "vitest";
import { prepareCanvas } from "../src/canvas.ts";
import {
  drawLossCurve,
  LossCurve,
  LossSeries,
  type LossCurveColors,
  type LossCurveDrawInfo,
} from "../src/loss-curve.tsx";

/*
 * Frame time of the loss curve in a real browser (headless Chromium) with 100,000 training-loss
 * points and 10,000 test-loss points, an 800 px plot. It times appending 100,000 points, the
 * canvas drawing alone, a whole streaming update (append the frame's new points, React update,
 * the drawing in the next animation frame) and, for comparison, drawing every point without the
 * bucket summary. It prints figures; it never fails on time.
 */

const POINTS = 100_000;
const TEST_EVERY = 10;
const FRAMES = 100;
const WARM_UP = 10;
const PER_FRAME = 100;
const BUDGET_MS = 1000 / 60;
const WIDTH = 800;
const HEIGHT = 260;
const COLORS: LossCurveColors = {
  train: "#1f6fb4",
  test: "#b35200",
  text: "#475569",
  grid: "#d5dbe6",
  axis: "#475569",
};

function loss(i: number): [number, number] {
  const noise = 0.04 * Math.sin(i * 12.9898) * Math.cos(i * 78.233);
  return [0.08 + 1.2 * Math.exp(-i / 12_000) + noise, 0.12 + 1.2 * Math.exp(-i / 11_000)];
}

function fill(train: LossSeries, test: LossSeries, from: number, to: number): void {
  for (let i = from; i <= to; i++) {
    const [a, b] = loss(i);
    train.append(i, a);
    if (i % TEST_EVERY === 0) test.append(i, b);
  }
}

function quantile(sorted: number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] ?? Number.NaN;
}

function table(rows: { what: string; times: number[] }[]): string {
  const lines = [
    "| what (100,000 + 10,000 points, 800 px) | median ms | p95 ms | budget ms (60 fps) |",
    "| --- | ---: | ---: | ---: |",
  ];
  for (const { what, times } of rows) {
    const sorted = [...times].sort((a, b) => a - b);
    lines.push(
      `| ${what} | ${quantile(sorted, 0.5).toFixed(2)} | ${quantile(sorted, 0.95).toFixed(2)} | ${BUDGET_MS.toFixed(1)} |`,
    );
  }
  return lines.join("\n");
}

const nextFrame = () =>
  new Promise<number>((resolve) => {
    requestAnimationFrame(resolve);
  });

/** Reading one pixel makes the browser finish rasterising the drawing, so it is counted. */
function settle(ctx: CanvasRenderingContext2D): void {
  ctx.getImageData(0, 0, 1, 1);
}

function paintedPixels(canvas: HTMLCanvasElement): number {
  const data = canvas.getContext("2d")?.getImageData(0, 0, canvas.width, canvas.height).data;
  let n = 0;
  for (let i = 3; i < (data?.length ?? 0); i += 4) if ((data?.[i] ?? 0) > 0) n++;
  return n;
}

test("loss curve: append and redraw at 100,000 points", async () => {
  // Appending 100,000 points to an empty series, several times over.
  const appends: number[] = [];
  for (let r = 0; r < 12; r++) {
    const train = new LossSeries();
    const test = new LossSeries();
    const t0 = performance.now();
    fill(train, test, 1, POINTS);
    appends.push(performance.now() - t0);
    expect(train.length).toBe(POINTS);
  }

  const train = new LossSeries();
  const test = new LossSeries();
  fill(train, test, 1, POINTS);

  // The drawing alone, on a canvas of the gallery's size.
  const canvas = document.createElement("canvas");
  document.body.append(canvas);
  const ctx = prepareCanvas(canvas, WIDTH, HEIGHT);
  if (!ctx) throw new Error("No 2D canvas.");
  const draws: number[] = [];
  let vertices = 0;
  for (let f = 0; f < WARM_UP + FRAMES; f++) {
    const t0 = performance.now();
    vertices = drawLossCurve(ctx, {
      width: WIDTH,
      height: HEIGHT,
      train,
      test,
      scale: "linear",
      colors: COLORS,
    });
    settle(ctx);
    if (f >= WARM_UP) draws.push(performance.now() - t0);
  }
  expect(vertices).toBeLessThanOrEqual(2 * 4 * WIDTH);
  expect(paintedPixels(canvas)).toBeGreaterThan(1000);

  // Without the summary: every point through lineTo, as a naive curve would draw it.
  const naive: number[] = [];
  for (let f = 0; f < 3 + 30; f++) {
    const t0 = performance.now();
    ctx.clearRect(0, 0, WIDTH, HEIGHT);
    for (const s of [train, test]) {
      ctx.beginPath();
      for (let i = 0; i < s.length; i++) {
        const x = (s.stepAt(i) / POINTS) * WIDTH;
        const y = HEIGHT - (s.valueAt(i) / 1.4) * HEIGHT;
        if (i === 0) ctx.moveTo(x, y);
        else ctx.lineTo(x, y);
      }
      ctx.stroke();
    }
    settle(ctx);
    if (f >= 3) naive.push(performance.now() - t0);
  }
  canvas.remove();

  // Streaming updates through the component: append this frame's points, React update, then the
  // drawing the component schedules for the next animation frame.
  const host = document.createElement("div");
  host.style.width = `${WIDTH}px`;
  document.body.append(host);
  const root = createRoot(host);
  let drawn: ((info: LossCurveDrawInfo) => void) | undefined;
  const onDraw = (info: LossCurveDrawInfo) => drawn?.(info);
  const render = (version: number) => {
    flushSync(() => {
      root.render(
        <LossCurve
          train={train}
          test={test}
          version={version}
          onDraw={onDraw}
          announceEvery={2000}
        />,
      );
    });
  };
  const firstDraw = new Promise<LossCurveDrawInfo>((resolve) => (drawn = resolve));
  render(0);
  await firstDraw;

  const work: number[] = [];
  const latency: number[] = [];
  let last = POINTS;
  let info: LossCurveDrawInfo | undefined;
  for (let f = 0; f < WARM_UP + FRAMES; f++) {
    // Start on a frame boundary, as a training loop driven by requestAnimationFrame does.
    await nextFrame();
    const next = new Promise<LossCurveDrawInfo>((resolve) => (drawn = resolve));
    const t0 = performance.now();
    fill(train, test, last + 1, last + PER_FRAME);
    last += PER_FRAME;
    render(f + 1);
    const t1 = performance.now();
    info = await next;
    const t2 = performance.now();
    if (f >= WARM_UP) {
      work.push(t1 - t0 + info.durationMs);
      latency.push(t2 - t0);
    }
  }
  const liveCanvas = host.querySelector("canvas");
  expect(liveCanvas && paintedPixels(liveCanvas)).toBeGreaterThan(1000);
  expect(info?.points).toBe(train.length + test.length);
  expect(info?.vertices).toBeLessThanOrEqual(2 * 4 * WIDTH);
  root.unmount();
  host.remove();

  const rows = [
    { what: "append 100,000 + 10,000 points to empty series", times: appends },
    { what: "`drawLossCurve` alone (axes, both curves, raster)", times: draws },
    { what: "streaming frame: append 100 + React update + draw", times: work },
    { what: "append → drawn in the next animation frame", times: latency },
    { what: "naive: every point through lineTo (no summary)", times: naive },
  ];
  console.info(
    `\nLoss curve — ${/(Headless)?Chrome\/[\d.]+/.exec(navigator.userAgent)?.[0] ?? navigator.userAgent}, ` +
      `${train.length.toLocaleString("en")} train + ${test.length.toLocaleString("en")} test points at the end, ` +
      `summary resolution ${train.resolution} points per bucket, ${info?.vertices ?? 0} vertices drawn\n` +
      table(rows),
  );
});
