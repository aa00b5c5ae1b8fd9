"use client";

import { useEffect, useEffectEvent, useId, useRef, useState } from "react";
import { circle } from "@neuronlab/engine/datasets/generators";
import { initWeights, type NetworkSpec, type NetworkWeights } from "@neuronlab/engine/network-spec";
import { Trainer, type StepReport } from "@neuronlab/engine/trainer";
import { formatNumber, subscript } from "@neuronlab/viz/format";
import { useReducedMotion } from "@neuronlab/viz/hooks/use-reduced-motion";
import { WeightMatrix } from "@neuronlab/viz/weight-matrix";

const SPEC: NetworkSpec = {
  inputs: 2,
  layers: [
    { units: 8, activation: "tanh" },
    { units: 6, activation: "tanh" },
    { units: 1, activation: "sigmoid" },
  ],
  loss: "binaryCrossEntropy",
};
const SEED = 4;
const STEPS_PER_FRAME = 2;
/** Training pauses here; the circle is learnt long before. */
const MAX_STEPS = 3000;
/** With reduced motion the heatmap changes at most this often (training itself does not slow). */
const REDUCED_MOTION_UPDATE_MS = 700;

const names = (symbol: string, n: number) =>
  Array.from({ length: n }, (_, i) => subscript(symbol, i + 1));

const LAYERS = [
  {
    name: "hidden layer 1",
    rows: names("x", 2),
    columns: names("h", 8),
    from: "from input",
    to: "to hidden unit h",
  },
  {
    name: "hidden layer 2",
    rows: names("h", 8),
    columns: names("g", 6),
    from: "from h",
    to: "to hidden unit g",
  },
  {
    name: "the output layer",
    rows: names("g", 6),
    columns: ["ŷ"],
    from: "from g",
    to: "to output",
  },
] as const;

function createTrainer(): Trainer {
  const data = circle({ n: 200, noise: 0.1, seed: 1 });
  return new Trainer(SPEC, initWeights(SPEC, SEED), data, {
    optimizer: { kind: "adam", learningRate: 0.03 },
    batchSize: 32,
    seed: 1,
  });
}

/** A Trainer learning the circle dataset on requestAnimationFrame; the heatmap follows its weights. */
export function WeightMatrixDemo() {
  const trainerRef = useRef<Trainer | null>(null);
  const [weights, setWeights] = useState<NetworkWeights>(() => initWeights(SPEC, SEED));
  const [report, setReport] = useState<StepReport | null>(null);
  const [playing, setPlaying] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [layer, setLayer] = useState(0);
  const reducedMotion = useReducedMotion();
  const layerId = useId();

  const trainer = () => {
    trainerRef.current ??= createTrainer();
    return trainerRef.current;
  };

  const train = (steps: number): boolean => {
    const t = trainer();
    try {
      let last: StepReport | null = null;
      for (let k = 0; k < steps && t.step < MAX_STEPS; k++) last = t.trainStep();
      if (last) setReport(last);
      return t.step < MAX_STEPS;
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return false;
    }
  };

  // One animation frame: a few training steps, then (less often under reduced motion) a redraw.
  const onFrame = useEffectEvent((time: number, shownAt: number): [boolean, number] => {
    const more = train(STEPS_PER_FRAME);
    if (!reducedMotion || time - shownAt >= REDUCED_MOTION_UPDATE_MS || !more) {
      setWeights(trainer().getWeights());
      return [more, time];
    }
    return [more, shownAt];
  });

  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    let shownAt = -Infinity;
    const loop = (time: number) => {
      const [more, at] = onFrame(time, shownAt);
      shownAt = at;
      if (more) frame = requestAnimationFrame(loop);
      else setPlaying(false);
    };
    frame = requestAnimationFrame(loop);
    return () => {
      cancelAnimationFrame(frame);
    };
  }, [playing]);

  const shown = LAYERS[layer] ?? LAYERS[0];
  const kernel = weights[layer]?.kernel ?? new Float64Array(0);
  const button =
    "rounded-md border border-line px-3 py-1.5 font-medium hover:bg-panel disabled:opacity-50";

  return (
    <div>
      <div className="mb-4 flex flex-col gap-3 text-sm sm:flex-row sm:flex-wrap sm:items-end sm:gap-6">
        <div className="flex flex-col gap-1">
          <label htmlFor={layerId} className="font-semibold">
            Layer
          </label>
          <select
            id={layerId}
            className="rounded-md border border-line bg-canvas px-2 py-1.5"
            value={layer}
            onChange={(event) => {
              setLayer(Number(event.currentTarget.value));
            }}
          >
            {LAYERS.map((l, i) => (
              <option key={l.name} value={i}>
                {`${l.name.replace(/^the /, "")} (${l.rows.length} × ${l.columns.length})`}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <button
            type="button"
            className={button}
            aria-pressed={playing}
            onClick={() => {
              setError(null);
              setPlaying((p) => !p);
            }}
          >
            {playing ? "Pause training" : "Train"}
          </button>
          <button
            type="button"
            className={button}
            disabled={playing}
            onClick={() => {
              train(1);
              setWeights(trainer().getWeights());
            }}
          >
            One step
          </button>
          <button
            type="button"
            className={button}
            onClick={() => {
              setPlaying(false);
              trainerRef.current = null;
              setReport(null);
              setError(null);
              setWeights(initWeights(SPEC, SEED));
            }}
          >
            Reset
          </button>
        </div>
      </div>
      <p className="mb-3 text-sm" data-testid="weight-matrix-status">
        {report
          ? `Step ${report.step} · epoch ${report.epoch} · batch loss ${formatNumber(report.loss, 3)}`
          : "Not trained yet: the weights are the seeded starting values."}
        {reducedMotion && playing ? " (Reduced motion: the heatmap updates less often.)" : ""}
      </p>
      {error ? (
        <p role="alert" className="mb-3 text-sm font-medium">
          {error}
        </p>
      ) : null}
      <WeightMatrix
        kernel={kernel}
        inputs={shown.rows.length}
        units={shown.columns.length}
        rowLabels={shown.rows}
        columnLabels={shown.columns}
        rowTitle={shown.from}
        columnTitle={shown.to}
        name={shown.name}
        caption={`The weights of ${shown.name} of a 2 → 8 → 6 → 1 network learning to tell the points inside a circle from those around it.`}
      />
    </div>
  );
}
