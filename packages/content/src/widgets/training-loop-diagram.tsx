"use client";

import { useEffect, useEffectEvent, useRef, useState } from "react";
import { gaussianClusters } from "@neuronlab/engine/datasets/generators";
import { initWeights, type NetworkSpec } from "@neuronlab/engine/network-spec";
import { DivergenceError, Trainer, type Phase } from "@neuronlab/engine/trainer";
import { formatNumber } from "@neuronlab/viz/format";
import { useReducedMotion } from "@neuronlab/viz/hooks/use-reduced-motion";
import { LossCurve, LossSeries } from "@neuronlab/viz/loss-curve";
import { TrainingLoop } from "@neuronlab/viz/training-loop";

export interface TrainingLoopDiagramProps {
  /** Step size of gradient descent, 0.01 to 5. Default 1. */
  learningRate?: number;
  /** Seeds the points and the starting weights. Default 1. */
  seed?: number;
  /** Milliseconds per phase while playing (doubled when the learner asks for less motion). */
  phaseMs?: number;
  /** Caption under the diagram. */
  caption?: string;
}

/** Two blobs of 24 points, one per class; every step trains on all of them (one full batch). */
const POINTS = 24;
const SPEC: NetworkSpec = {
  inputs: 2,
  layers: [
    { units: 3, activation: "tanh" },
    { units: 1, activation: "sigmoid" },
  ],
  loss: "binaryCrossEntropy",
};
/** Losses listed under the diagram: the most recent steps. */
const HISTORY = 6;

function clamp(value: number | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, value));
}

function createTrainer(learningRate: number, seed: number): Trainer {
  const data = gaussianClusters({ n: POINTS, noise: 0.2, seed });
  return new Trainer(SPEC, initWeights(SPEC, seed + 1), data, {
    optimizer: { kind: "sgd", learningRate },
    batchSize: POINTS,
    seed,
  });
}

/** What the phase just computed, in words, for the line under the diagram. */
export function phaseNote(phase: Phase): string {
  switch (phase.phase) {
    case "forward":
      return `Step ${phase.step}, forward: the network made ${phase.batchSize} predictions; the first is ${formatNumber(phase.outputs[0] ?? Number.NaN)} (the chance that point is class 1).`;
    case "loss":
      return `Step ${phase.step}, loss: the predictions are off by ${formatNumber(phase.loss, 3)} on average (cross-entropy).`;
    case "backward":
      return `Step ${phase.step}, backprop: every weight now has a gradient; together they have size ${formatNumber(phase.gradientNorm, 3)}.`;
    case "update":
      return `Step ${phase.step}, update: every weight moved a little against its gradient. Next comes step ${phase.step + 1}.`;
  }
}

interface Run {
  phase: Phase | null;
  /** The loss of each completed loss phase, step by step. */
  losses: LossSeries;
  error: string | null;
}

function freshRun(): Run {
  return { phase: null, losses: new LossSeries(), error: null };
}

/**
 * The training loop — forward, loss, backprop, update — lit one phase at a time while a real
 * network learns to separate two clusters of points. Each press of "Next phase" runs the next
 * phase of the engine's training step; the losses underneath show the loop doing its job.
 */
export default function TrainingLoopDiagram({
  learningRate,
  seed,
  phaseMs,
  caption,
}: TrainingLoopDiagramProps) {
  const rate = clamp(learningRate, 1, 0.01, 5);
  const startSeed = Math.round(clamp(seed, 1, 0, 999_999));
  const interval = clamp(phaseMs, 1000, 200, 10_000);
  const trainerRef = useRef<Trainer | null>(null);
  const stepRef = useRef<Generator<Phase, unknown> | null>(null);
  const [run, setRun] = useState<Run>(freshRun);
  const [playing, setPlaying] = useState(false);
  const reducedMotion = useReducedMotion();

  const advance = () => {
    trainerRef.current ??= createTrainer(rate, startSeed);
    const trainer = trainerRef.current;
    stepRef.current ??= trainer.phases();
    try {
      let next = stepRef.current.next();
      if (next.done) {
        // The update ended that step; the next one starts with a forward pass.
        stepRef.current = trainer.phases();
        next = stepRef.current.next();
      }
      if (next.done) return;
      const phase = next.value;
      if (phase.phase === "loss") run.losses.append(phase.step, phase.loss);
      setRun({ ...run, phase });
    } catch (error) {
      if (!(error instanceof DivergenceError)) throw error;
      setPlaying(false);
      setRun({ ...run, error: error.message });
    }
  };

  const reset = () => {
    setPlaying(false);
    trainerRef.current = null;
    stepRef.current = null;
    setRun(freshRun());
  };

  const tick = useEffectEvent(advance);
  useEffect(() => {
    if (!playing) return;
    const timer = window.setInterval(
      () => {
        tick();
      },
      reducedMotion ? 2 * interval : interval,
    );
    return () => {
      window.clearInterval(timer);
    };
  }, [playing, interval, reducedMotion]);

  const { phase, losses, error } = run;
  const recent = Array.from({ length: Math.min(HISTORY, losses.length) }, (_, k) => {
    const i = losses.length - Math.min(HISTORY, losses.length) + k;
    return { step: losses.stepAt(i), loss: losses.valueAt(i) };
  });
  const latestLoss = losses.latest?.value;
  const button =
    "rounded-md border border-line bg-canvas px-3 py-1.5 text-sm font-medium text-ink hover:bg-panel disabled:cursor-not-allowed disabled:opacity-50";

  return (
    <div className="text-ink">
      <div className="mb-4 flex flex-wrap items-center gap-2">
        <button type="button" className={button} onClick={advance} disabled={error !== null}>
          Next phase
        </button>
        <button
          type="button"
          className={button}
          aria-pressed={playing}
          disabled={error !== null}
          onClick={() => {
            setPlaying((p) => !p);
          }}
        >
          {playing ? "Pause" : "Play"}
        </button>
        <button type="button" className={button} onClick={reset}>
          Reset
        </button>
      </div>
      <div className="grid items-start gap-6 md:grid-cols-[minmax(0,26rem)_minmax(0,1fr)]">
        <TrainingLoop
          phase={phase?.phase ?? null}
          step={phase?.step ?? 0}
          {...(latestLoss === undefined ? {} : { loss: latestLoss })}
          caption={
            <span className="mt-2 block text-sm text-muted">
              {caption ??
                `A 2 → 3 → 1 network learning to separate two clusters of ${POINTS} points, all of them in every step, with learning rate ${formatNumber(rate)}.`}
            </span>
          }
          className="min-w-0"
        />
        <div className="min-w-0">
          <p
            className="min-h-12 text-sm font-medium"
            aria-live="polite"
            data-testid="training-loop-note"
          >
            {error ??
              (phase
                ? phaseNote(phase)
                : "Press Next phase to run the first phase of the first training step.")}
          </p>
          <h3 className="mt-4 text-sm font-semibold">Loss after each step</h3>
          {recent.length === 0 ? (
            <p className="mt-1 text-sm text-muted">No loss measured yet.</p>
          ) : (
            <ol className="mt-1 text-sm tabular-nums" aria-label="Loss after each step">
              {recent.map((entry) => (
                <li key={entry.step}>{`Step ${entry.step}: ${formatNumber(entry.loss, 3)}`}</li>
              ))}
            </ol>
          )}
          <LossCurve
            className="mt-3"
            train={losses}
            version={losses.length}
            height={140}
            showScaleControl={false}
            labels={{ train: "loss of the step" }}
            caption="The loss falls a little with every trip round the loop."
          />
        </div>
      </div>
    </div>
  );
}
