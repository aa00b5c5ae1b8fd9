"use client";

import { useEffect, useState } from "react";
import { spirals } from "@neuronlab/engine/datasets/generators";
import { trainTestSplit } from "@neuronlab/engine/datasets/split";
import { initWeights, type NetworkSpec } from "@neuronlab/engine/network-spec";
import { DivergenceError, Trainer } from "@neuronlab/engine/trainer";
import { LossCurve, LossSeries, type LossCurveDrawInfo } from "@neuronlab/viz/loss-curve";

const SPEC: NetworkSpec = {
  inputs: 2,
  layers: [
    { units: 12, activation: "tanh" },
    { units: 12, activation: "tanh" },
    { units: 1, activation: "sigmoid" },
  ],
  loss: "binaryCrossEntropy",
};
const STEPS_PER_FRAME = 8;
const EVAL_EVERY = 5;
const MAX_STEPS = 20_000;
const WARM_UP = 1_500;
const SYNTHETIC_POINTS = 100_000;
const SYNTHETIC_PER_FRAME = 2_000;

interface Run {
  trainer: Trainer;
  test: ReturnType<typeof trainTestSplit>["test"];
  trainLoss: LossSeries;
  testLoss: LossSeries;
}

/** Two spirals, a quarter held out, and a small tanh network with Adam, all seeded. */
function createRun(warmUp: number): Run {
  const { train, test } = trainTestSplit(spirals({ n: 400, noise: 0.3, seed: 3 }), {
    testFraction: 0.25,
    seed: 4,
    stratify: true,
  });
  const trainer = new Trainer(SPEC, initWeights(SPEC, 5), train, {
    optimizer: { kind: "adam", learningRate: 0.02 },
    batchSize: 32,
    seed: 6,
  });
  const run: Run = { trainer, test, trainLoss: new LossSeries(), testLoss: new LossSeries() };
  record(run);
  trainSteps(run, warmUp);
  return run;
}

/**
 * Both losses over whole sets (not the noisy loss of one mini-batch), so the two curves measure
 * the same thing and the gap between them is the overfitting.
 */
function record(run: Run): void {
  const step = run.trainer.step;
  run.trainLoss.append(step, run.trainer.evaluate().loss);
  run.testLoss.append(step, run.trainer.evaluate(run.test).loss);
}

function trainSteps(run: Run, count: number): void {
  for (let k = 0; k < count; k++) {
    const report = run.trainer.trainStep();
    if (report.step % EVAL_EVERY === 0) record(run);
  }
}

/** A long run made up for the stress test: a decay with noise, the test loss turning up late. */
function syntheticPoint(i: number): [number, number] {
  // Deterministic noise in [−1, 1], proportional to the loss as mini-batch noise is.
  const noise = Math.sin(i * 12.9898) * Math.cos(i * 78.233);
  const train = (0.06 + 1.2 * Math.exp(-i / 12_000)) * (1 + 0.25 * noise);
  const test = 0.12 + 1.2 * Math.exp(-i / 11_000) + 0.1 * Math.max(0, (i - 60_000) / 40_000) ** 2;
  return [train, test];
}

/**
 * A real network learning two spirals, its training and test loss streaming into the curve a few
 * steps per frame; and a stress test that streams 100,000 points in 50 frames.
 */
export function LossCurveDemo() {
  const [run, setRun] = useState(() => createRun(WARM_UP));
  const [version, setVersion] = useState(0);
  const [mode, setMode] = useState<"paused" | "training" | "streaming">("paused");
  const [source, setSource] = useState<"spirals" | "synthetic">("spirals");
  const [problem, setProblem] = useState<string | null>(null);
  const [lastDraw, setLastDraw] = useState<LossCurveDrawInfo | null>(null);

  useEffect(() => {
    if (mode === "paused") return;
    let frame = 0;
    let streamed = 0;
    const tick = () => {
      if (mode === "training") {
        try {
          trainSteps(run, STEPS_PER_FRAME);
        } catch (error) {
          if (!(error instanceof DivergenceError)) throw error;
          setProblem(error.message);
          setMode("paused");
          return;
        }
        if (run.trainer.step >= MAX_STEPS) {
          setMode("paused");
          return;
        }
      } else {
        const end = Math.min(SYNTHETIC_POINTS, streamed + SYNTHETIC_PER_FRAME);
        for (let i = streamed + 1; i <= end; i++) {
          const [train, test] = syntheticPoint(i);
          run.trainLoss.append(i, train);
          if (i % 10 === 0) run.testLoss.append(i, test);
        }
        streamed = end;
        if (streamed >= SYNTHETIC_POINTS) {
          setVersion((v) => v + 1);
          setMode("paused");
          return;
        }
      }
      setVersion((v) => v + 1);
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => {
      cancelAnimationFrame(frame);
    };
  }, [mode, run]);

  const reset = () => {
    setMode("paused");
    setProblem(null);
    setRun(createRun(0));
    setSource("spirals");
    setVersion((v) => v + 1);
    setLastDraw(null);
  };

  const stream = () => {
    setProblem(null);
    const fresh = createRun(0);
    fresh.trainLoss.clear();
    fresh.testLoss.clear();
    setRun(fresh);
    setSource("synthetic");
    setVersion((v) => v + 1);
    setMode("streaming");
  };

  const button =
    "rounded-md border border-line px-3 py-1.5 text-sm font-medium text-ink hover:bg-panel disabled:opacity-50";

  return (
    <div>
      <div className="mb-4 flex flex-wrap items-center gap-2">
        <button
          type="button"
          className={button}
          disabled={mode === "streaming" || source === "synthetic"}
          onClick={() => {
            setProblem(null);
            setMode(mode === "training" ? "paused" : "training");
          }}
        >
          {mode === "training" ? "Pause training" : "Train"}
        </button>
        <button type="button" className={button} onClick={reset}>
          Reset
        </button>
        <button type="button" className={button} disabled={mode === "streaming"} onClick={stream}>
          Stream 100,000 synthetic points
        </button>
      </div>
      <LossCurve
        train={run.trainLoss}
        test={run.testLoss}
        version={version}
        caption={
          source === "synthetic"
            ? "Synthetic stress test: 100,000 training-loss points and 10,000 test-loss points."
            : "A 2-12-12-1 tanh network learning two spirals with Adam (learning rate 0.02, batches of 32). Every 5 steps: the loss on the whole training set and on a held-out quarter."
        }
        onDraw={setLastDraw}
      />
      <p className="mt-2 text-sm text-muted">
        Step {run.trainLoss.length > 0 ? run.trainLoss.lastStep.toLocaleString("en") : 0}
        {mode === "training" ? " · training" : mode === "streaming" ? " · streaming" : ""}
        {lastDraw && lastDraw.points > 0
          ? ` · last redraw ${lastDraw.durationMs.toFixed(1)} ms for ${lastDraw.points.toLocaleString("en")} points`
          : ""}
      </p>
      {problem ? (
        <p role="alert" className="mt-2 text-sm">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
