"use client";

import { useEffect, useEffectEvent, useRef, useState } from "react";
import { xor } from "@neuronlab/engine/datasets/generators";
import { initWeights, type NetworkSpec } from "@neuronlab/engine/network-spec";
import { Trainer, type Phase } from "@neuronlab/engine/trainer";
import { formatNumber } from "@neuronlab/viz/format";
import { Timeline } from "@neuronlab/viz/timeline";
import { TrainingLoop } from "@neuronlab/viz/training-loop";

const SPEC: NetworkSpec = {
  inputs: 2,
  layers: [
    { units: 4, activation: "tanh" },
    { units: 1, activation: "sigmoid" },
  ],
  loss: "binaryCrossEntropy",
};
const PHASE_MS = 1000;

function createTrainer(): Trainer {
  return new Trainer(SPEC, initWeights(SPEC, 2), xor({ n: 64, noise: 0.1, seed: 3 }), {
    optimizer: { kind: "sgd", learningRate: 0.5 },
    batchSize: 16,
    seed: 1,
  });
}

/** What the phase just computed, in words, for the line under the diagram. */
function phaseNote(phase: Phase): string {
  switch (phase.phase) {
    case "forward":
      return `Forward: ${phase.batchSize} predictions, the first ${formatNumber(phase.outputs[0] ?? Number.NaN)}.`;
    case "loss":
      return `Loss of this batch: ${formatNumber(phase.loss, 3)}.`;
    case "backward":
      return `Backprop: the gradient's overall size is ${formatNumber(phase.gradientNorm, 3)}.`;
    case "update":
      return `Update: the weights moved; epoch ${phase.epoch}.`;
  }
}

/** The loop driven by Trainer.phases() on XOR: one phase per click, or one per second. */
export function TrainingLoopDemo() {
  const trainerRef = useRef<Trainer | null>(null);
  const stepRef = useRef<Generator<Phase, unknown> | null>(null);
  const [phase, setPhase] = useState<Phase | null>(null);
  const [loss, setLoss] = useState<number | undefined>(undefined);
  const [playing, setPlaying] = useState(false);

  const advance = () => {
    trainerRef.current ??= createTrainer();
    stepRef.current ??= trainerRef.current.phases();
    let next = stepRef.current.next();
    if (next.done) {
      // The update was the last phase of that step; the next step starts with a forward pass.
      stepRef.current = trainerRef.current.phases();
      next = stepRef.current.next();
    }
    if (next.done) return;
    const value = next.value;
    setPhase(value);
    if (value.phase === "loss") setLoss(value.loss);
  };

  const tick = useEffectEvent(advance);
  useEffect(() => {
    if (!playing) return;
    const timer = window.setInterval(tick, PHASE_MS);
    return () => {
      window.clearInterval(timer);
    };
  }, [playing]);

  const button = "rounded-md border border-line px-3 py-1.5 font-medium hover:bg-panel";
  return (
    <div>
      <div className="mb-4 flex flex-wrap items-center gap-2 text-sm">
        <button type="button" className={button} onClick={advance}>
          Next phase
        </button>
        <button
          type="button"
          className={button}
          aria-pressed={playing}
          onClick={() => {
            setPlaying((p) => !p);
          }}
        >
          {playing ? "Pause" : "Play"}
        </button>
        <button
          type="button"
          className={button}
          onClick={() => {
            setPlaying(false);
            trainerRef.current = null;
            stepRef.current = null;
            setPhase(null);
            setLoss(undefined);
          }}
        >
          Reset
        </button>
      </div>
      <TrainingLoop
        phase={phase?.phase ?? null}
        step={phase?.step ?? 0}
        {...(loss === undefined ? {} : { loss })}
        caption="A 2 → 4 → 1 network learning XOR, sixteen examples per step."
      />
      <p className="mt-2 min-h-6 text-sm" data-testid="training-loop-note">
        {phase ? phaseNote(phase) : "Press Next phase to start the first training step."}
      </p>
      <h3 className="mt-8 mb-4 text-xl font-semibold">Timeline</h3>
      <Timeline />
    </div>
  );
}
