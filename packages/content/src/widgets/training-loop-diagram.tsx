"use client";

import { useEffect, useEffectEvent, useRef, useState } from "react";
import { gaussianClusters } from "@neuronlab/engine/datasets/generators";
import { initWeights, type NetworkSpec } from "@neuronlab/engine/network-spec";
import { DivergenceError, Trainer, type Phase } from "@neuronlab/engine/trainer";
import { useFormatNumber, type FormatNumber } from "@neuronlab/viz/i18n";
import { useReducedMotion } from "@neuronlab/viz/hooks/use-reduced-motion";
import { LossCurve, LossSeries } from "@neuronlab/viz/loss-curve";
import { TrainingLoop } from "@neuronlab/viz/training-loop";
import { useWidgetT, type WidgetT } from "./i18n.ts";

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
export function phaseNote(
  phase: Phase,
  t: WidgetT<"TrainingLoopDiagram">,
  fmt: FormatNumber,
): string {
  const step = String(phase.step);
  switch (phase.phase) {
    case "forward":
      return t("forward", {
        step,
        count: phase.batchSize,
        first: fmt(phase.outputs[0] ?? Number.NaN),
      });
    case "loss":
      return t("loss", { step, loss: fmt(phase.loss, 3) });
    case "backward":
      return t("backward", { step, norm: fmt(phase.gradientNorm, 3) });
    case "update":
      return t("update", { step, next: String(phase.step + 1) });
  }
}

interface Run {
  phase: Phase | null;
  /** The loss of each completed loss phase, step by step. */
  losses: LossSeries;
  /** The step at which training diverged, if it did. */
  error: number | null;
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
  const t = useWidgetT("TrainingLoopDiagram");
  const fmt = useFormatNumber();
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
      setRun({ ...run, error: error.step });
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
          {t("nextPhase")}
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
          {t(playing ? "pause" : "play")}
        </button>
        <button type="button" className={button} onClick={reset}>
          {t("reset")}
        </button>
      </div>
      <div className="grid items-start gap-6 md:grid-cols-[minmax(0,26rem)_minmax(0,1fr)]">
        <TrainingLoop
          phase={phase?.phase ?? null}
          step={phase?.step ?? 0}
          {...(latestLoss === undefined ? {} : { loss: latestLoss })}
          caption={
            <span className="mt-2 block text-sm text-muted">
              {caption ?? t("caption", { points: String(POINTS), rate: fmt(rate) })}
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
            {error !== null
              ? t("diverged", { step: String(error) })
              : phase
                ? phaseNote(phase, t, fmt)
                : t("start", { button: t("nextPhase") })}
          </p>
          <h3 className="mt-4 text-sm font-semibold">{t("lossHeading")}</h3>
          {recent.length === 0 ? (
            <p className="mt-1 text-sm text-muted">{t("noLoss")}</p>
          ) : (
            <ol className="mt-1 text-sm tabular-nums" aria-label={t("lossHeading")}>
              {recent.map((entry) => (
                <li key={entry.step}>
                  {t("lossEntry", { step: String(entry.step), loss: fmt(entry.loss, 3) })}
                </li>
              ))}
            </ol>
          )}
          <LossCurve
            className="mt-3"
            train={losses}
            version={losses.length}
            height={140}
            showScaleControl={false}
            labels={{ train: t("lossSeries") }}
            caption={t("lossCaption")}
          />
        </div>
      </div>
    </div>
  );
}
