"use client";

import { DATASETS } from "@neuronlab/engine/datasets/generators";
import { trainTestSplit } from "@neuronlab/engine/datasets/split";
import type { Split } from "@neuronlab/engine/dataset";
import { initWeights, type NetworkSpec } from "@neuronlab/engine/network-spec";
import { DivergenceError, Trainer } from "@neuronlab/engine/trainer";
import { DecisionBoundary, type BoundaryPoint } from "@neuronlab/viz/decision-boundary";
import { formatNumber } from "@neuronlab/viz/format";
import { useReducedMotion } from "@neuronlab/viz/hooks/use-reduced-motion";
import { useCallback, useEffect, useId, useMemo, useState } from "react";

export const DEMO_DATASETS = ["circle", "xor", "spirals", "gaussianClusters", "moons"] as const;
export type DemoDataset = (typeof DEMO_DATASETS)[number];

const SIZE = 300;
const TEST_FRACTION = 0.2;

function makeSplit(dataset: DemoDataset, noise: number): Split {
  const data = DATASETS[dataset].generate({ n: SIZE, noise, seed: 1 });
  return trainTestSplit(data, { testFraction: TEST_FRACTION, seed: 2, stratify: true });
}

function toPoints(split: Split): BoundaryPoint[] {
  const points: BoundaryPoint[] = [];
  for (const [part, data] of [
    ["train", split.train],
    ["test", split.test],
  ] as const) {
    for (let i = 0; i < data.size; i++) {
      points.push({
        x1: data.x[2 * i] ?? 0,
        x2: data.x[2 * i + 1] ?? 0,
        label: data.labels?.[i] ?? 0,
        split: part,
      });
    }
  }
  return points;
}

export interface TrainingDemoOptions {
  dataset: DemoDataset;
  noise: number;
  /** Training steps between two redraws while playing. */
  stepsPerFrame: number;
}

/**
 * A Trainer on one of the engine's toy datasets, stepped on requestAnimationFrame while playing.
 * With reduced motion it keeps training but redraws once a second instead of every frame.
 */
export function useTrainingDemo(spec: NetworkSpec, options: TrainingDemoOptions) {
  const { dataset, noise, stepsPerFrame } = options;
  const reducedMotion = useReducedMotion();
  const split = useMemo(() => makeSplit(dataset, noise), [dataset, noise]);
  const points = useMemo(() => toPoints(split), [split]);
  const [resets, setResets] = useState(0);
  const trainer = useMemo(
    () =>
      new Trainer(spec, initWeights(spec, 1 + resets), split.train, {
        optimizer: { kind: "adam", learningRate: 0.03 },
        batchSize: 32,
        seed: 1,
      }),
    [spec, split, resets],
  );
  const [playing, setPlaying] = useState(false);
  const [revision, setRevision] = useState(0);
  const [error, setError] = useState<string | null>(null);

  const train = useCallback(
    (steps: number): boolean => {
      try {
        for (let s = 0; s < steps; s++) trainer.trainStep();
        return true;
      } catch (cause) {
        if (!(cause instanceof DivergenceError)) throw cause;
        setError(cause.message);
        setPlaying(false);
        return false;
      }
    },
    [trainer],
  );

  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    let shown = -Infinity;
    const tick = (now: number) => {
      if (!train(stepsPerFrame)) return;
      if (!reducedMotion || now - shown >= 1000) {
        shown = now;
        setRevision((r) => r + 1);
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => {
      cancelAnimationFrame(frame);
    };
  }, [playing, train, stepsPerFrame, reducedMotion]);

  const predict = useCallback((xs: Float64Array, n: number) => trainer.predict(xs, n), [trainer]);
  const trainEval = trainer.evaluate();
  const testEval = trainer.evaluate(split.test);

  return {
    trainer,
    split,
    points,
    predict,
    revision: `${resets}:${revision}:${trainer.step}`,
    step: trainer.step,
    trainLoss: trainEval.loss,
    trainAccuracy: trainEval.accuracy ?? 0,
    testAccuracy: testEval.accuracy ?? 0,
    playing,
    error,
    togglePlaying: () => {
      setError(null);
      setPlaying((p) => !p);
      setRevision((r) => r + 1);
    },
    stepOnce: () => {
      setError(null);
      train(1);
      setRevision((r) => r + 1);
    },
    reset: () => {
      setError(null);
      setPlaying(false);
      setResets((r) => r + 1);
    },
  };
}

export type TrainingDemo = ReturnType<typeof useTrainingDemo>;

const buttonClass =
  "rounded-md border border-line px-3 py-1.5 text-sm font-medium hover:bg-panel disabled:opacity-50";

/** Play/pause, one step, reset, the dataset and its noise: the controls both demos share. */
export function TrainingControls({
  demo,
  dataset,
  onDatasetChange,
  noise,
  onNoiseChange,
  datasets = DEMO_DATASETS,
}: {
  demo: TrainingDemo;
  dataset: DemoDataset;
  onDatasetChange: (dataset: DemoDataset) => void;
  noise: number;
  onNoiseChange: (noise: number) => void;
  datasets?: readonly DemoDataset[];
}) {
  const datasetId = useId();
  const noiseId = useId();
  return (
    <div className="flex flex-wrap items-end gap-x-5 gap-y-3">
      <div className="flex gap-2">
        <button type="button" className={buttonClass} onClick={demo.togglePlaying}>
          {demo.playing ? "Pause" : "Play"}
        </button>
        <button type="button" className={buttonClass} onClick={demo.stepOnce}>
          Step
        </button>
        <button type="button" className={buttonClass} onClick={demo.reset}>
          Reset
        </button>
      </div>
      <div className="flex flex-col gap-1 text-sm">
        <label htmlFor={datasetId}>Dataset</label>
        <select
          id={datasetId}
          value={dataset}
          onChange={(event) => {
            onDatasetChange(event.target.value as DemoDataset);
          }}
          className="rounded-md border border-line bg-canvas px-2 py-1.5"
        >
          {datasets.map((name) => (
            <option key={name} value={name}>
              {DATASETS[name].title}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1 text-sm">
        <label htmlFor={noiseId}>
          Noise <output htmlFor={noiseId}>{formatNumber(noise)}</output>
        </label>
        <input
          id={noiseId}
          type="range"
          min={0}
          max={1}
          step={0.05}
          value={noise}
          onChange={(event) => {
            onNoiseChange(Number(event.target.value));
          }}
          className="w-36 accent-accent"
        />
      </div>
    </div>
  );
}

/** "Step 120 · training loss 0.12 · …": the training's numbers, in words and figures. */
export function TrainingStatus({ demo }: { demo: TrainingDemo }) {
  return (
    <p className="mt-3 text-sm tabular-nums">
      {`Step ${demo.step} · training loss ${formatNumber(demo.trainLoss, 3)} · training accuracy ${Math.round(demo.trainAccuracy * 100)}% · test accuracy ${Math.round(demo.testAccuracy * 100)}%`}
      {demo.error ? (
        <span role="alert" className="mt-1 block">
          {demo.error}
        </span>
      ) : null}
    </p>
  );
}

const SPEC: NetworkSpec = {
  inputs: 2,
  layers: [
    { units: 8, activation: "tanh" },
    { units: 8, activation: "tanh" },
    { units: 1, activation: "sigmoid" },
  ],
  loss: "binaryCrossEntropy",
};

export function DecisionBoundaryDemo() {
  const [dataset, setDataset] = useState<DemoDataset>("circle");
  const [noise, setNoise] = useState(0.1);
  const [discretize, setDiscretize] = useState(false);
  const [contour, setContour] = useState(true);
  const demo = useTrainingDemo(SPEC, { dataset, noise, stepsPerFrame: 4 });
  return (
    <div>
      <TrainingControls
        demo={demo}
        dataset={dataset}
        onDatasetChange={setDataset}
        noise={noise}
        onNoiseChange={setNoise}
      />
      <div className="mt-3 flex flex-wrap gap-x-5 gap-y-2 text-sm">
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            checked={discretize}
            onChange={(event) => {
              setDiscretize(event.target.checked);
            }}
          />
          Discretise output
        </label>
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            checked={contour}
            onChange={(event) => {
              setContour(event.target.checked);
            }}
          />
          Show boundary line
        </label>
      </div>
      <TrainingStatus demo={demo} />
      <DecisionBoundary
        className="mt-4"
        predict={demo.predict}
        revision={demo.revision}
        points={demo.points}
        trainAccuracy={demo.trainAccuracy}
        testAccuracy={demo.testAccuracy}
        discretize={discretize}
        contour={contour}
        caption="A 2-8-8-1 tanh network learning to separate the two classes, 4 training steps per frame."
      />
    </div>
  );
}
