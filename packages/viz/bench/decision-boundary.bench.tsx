import { circle } from "@neuronlab/engine/datasets/generators";
import { trainTestSplit } from "@neuronlab/engine/datasets/split";
import { initWeights, type NetworkSpec } from "@neuronlab/engine/network-spec";
import { Trainer } from "@neuronlab/engine/trainer";
import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";
import { expect, test } from "vitest";
import { gridInputs, planeGrid } from "../src/boundary-grid.ts";
import {
  DecisionBoundary,
  paintBoundary,
  type BoundaryBuffers,
  type BoundaryPoint,
} from "../src/decision-boundary.tsx";
import { prepareCanvas } from "../src/canvas.ts";

/*
 * Frame time of the decision boundary in a real browser (headless Chromium), on the gallery's
 * setup: a 2-8-8-1 tanh network on 300 circle points, a 100×100 grid, contour line on. Each frame
 * is timed from the React update to the end of the canvas drawing: flushSync renders, commits
 * and, because the update is synchronous, runs the drawing effect before it returns.
 * It prints figures; it never fails on time.
 */

const FRAMES = 120;
const WARM_UP = 20;
const BUDGET_MS = 1000 / 60;
const SIZE = 480;

const spec: NetworkSpec = {
  inputs: 2,
  layers: [
    { units: 8, activation: "tanh" },
    { units: 8, activation: "tanh" },
    { units: 1, activation: "sigmoid" },
  ],
  loss: "binaryCrossEntropy",
};

function quantile(sorted: number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] ?? Number.NaN;
}

interface Row {
  what: string;
  times: number[];
}

function table(rows: Row[]): string {
  const lines = [
    "| what (100×100 grid, 2-8-8-1 tanh) | median ms | p95 ms | budget ms (60 fps) |",
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

test("decision boundary: recompute and redraw per frame", () => {
  const { train, test: held } = trainTestSplit(circle({ n: 300, noise: 0.1, seed: 1 }), {
    testFraction: 0.2,
    seed: 2,
    stratify: true,
  });
  const points: BoundaryPoint[] = [];
  for (const [split, data] of [
    ["train", train],
    ["test", held],
  ] as const) {
    for (let i = 0; i < data.size; i++) {
      points.push({
        x1: data.x[2 * i] ?? 0,
        x2: data.x[2 * i + 1] ?? 0,
        label: data.labels?.[i] ?? 0,
        split,
      });
    }
  }
  const trainer = new Trainer(spec, initWeights(spec, 1), train, {
    optimizer: { kind: "adam", learningRate: 0.03 },
    batchSize: 32,
    seed: 1,
  });
  const predict = (xs: Float64Array, n: number) => trainer.predict(xs, n);

  const host = document.createElement("div");
  host.style.width = `${SIZE + 56}px`;
  document.body.append(host);
  const root = createRoot(host);
  const frame = (revision: number, props: { outputs?: Float64Array } = {}) => {
    flushSync(() => {
      root.render(
        <DecisionBoundary
          {...(props.outputs ? { outputs: props.outputs } : { predict, revision })}
          points={points}
          contour
          maxSize={SIZE}
        />,
      );
    });
  };

  // Full frames: a training step (not timed), then predict 10,000 points + paint.
  const full: number[] = [];
  for (let f = 0; f < WARM_UP + FRAMES; f++) {
    trainer.trainStep();
    const t0 = performance.now();
    frame(f);
    const t1 = performance.now();
    if (f >= WARM_UP) full.push(t1 - t0);
  }
  const canvas = host.querySelector("canvas");
  expect(canvas?.width).toBeGreaterThan(0);

  // The same frames with the outputs computed beforehand: React + paint only.
  const grid = planeGrid(100);
  const inputs = gridInputs(grid);
  const snapshots: Float64Array[] = [];
  for (let f = 0; f < WARM_UP + FRAMES; f++) {
    trainer.trainStep();
    snapshots.push(trainer.predict(inputs, 10_000));
  }
  const paintOnly: number[] = [];
  snapshots.forEach((outputs, f) => {
    const t0 = performance.now();
    frame(f, { outputs });
    const t1 = performance.now();
    if (f >= WARM_UP) paintOnly.push(t1 - t0);
  });

  // Below React: the model alone, and the canvas drawing alone.
  const predictOnly: number[] = [];
  const drawOnly: number[] = [];
  const bare = document.createElement("canvas");
  document.body.append(bare);
  const ctx = prepareCanvas(bare, SIZE, SIZE);
  if (!ctx) throw new Error("No 2-D canvas in this browser.");
  const buffers: BoundaryBuffers = {};
  snapshots.forEach((outputs, f) => {
    const t0 = performance.now();
    trainer.predict(inputs, 10_000);
    const t1 = performance.now();
    paintBoundary(ctx, buffers, { grid, values: outputs, size: SIZE, points, contour: true });
    // getImageData waits for the drawing to finish, as a frame on screen would.
    ctx.getImageData(0, 0, 1, 1);
    const t2 = performance.now();
    if (f >= WARM_UP) {
      predictOnly.push(t1 - t0);
      drawOnly.push(t2 - t1);
    }
  });
  root.unmount();

  console.info(
    `\nDecision boundary frame time, ${FRAMES} frames after ${WARM_UP} warm-up, ${navigator.userAgent}\n` +
      table([
        { what: "recompute + redraw (React update, predict, paint)", times: full },
        { what: "redraw only (React update, paint)", times: paintOnly },
        { what: "predict 10,000 points alone", times: predictOnly },
        { what: "paintBoundary alone", times: drawOnly },
      ]),
  );
});
