"use client";

import { useEffect, useMemo, useRef, useState, type RefObject } from "react";
import { useThrottledValue } from "@neuronlab/viz/hooks/use-throttled";
import { useFormatNumber } from "@neuronlab/viz/i18n";
import { LossLandscape, type Pair } from "@neuronlab/viz/loss-landscape";
import { BUTTON_CLASS } from "./forward-pass-controls.tsx";
import { useWidgetT } from "./i18n.ts";
import {
  LEARNING_RATE_RANGE,
  PRESETS,
  STEPS,
  descentProblem,
  describeUpdate,
  descentRun,
  rateText,
  startingPoint,
  type DescentMode,
} from "./gradient-descent-run.ts";

export type { DescentMode } from "./gradient-descent-run.ts";

export interface GradientDescentProps {
  /** Starting learning rate η, between 0.005 and 1. Default 0.1. */
  learningRate?: number;
  /**
   * Where the walk starts: the weight w (the bias b stays where the figure holds it), or [w, b].
   * Default: up the side of the bowl.
   */
  start?: number | number[];
  /** The loss over the weight w alone ("curve") or over w and the bias b ("surface"). Default "curve". */
  mode?: DescentMode;
  /** Caption under the figure. */
  caption?: string;
}

/**
 * The figure's "Step k of n" line in any language ("Schritt k von n"): a word, k, a word, n.
 */
const SHOWN_STEP = /^\p{L}+ (\d+) \p{L}+ \d+/u;

/**
 * The step the loss-landscape figure shows, read from its "Step k of n" line. The figure plays
 * its walk by itself and does not report the step; until it does, its status line is the one
 * place that says which step is on screen.
 */
function useShownStep(ref: RefObject<HTMLElement | null>, initial: number): number {
  const [step, setStep] = useState(initial);
  useEffect(() => {
    const root = ref.current;
    if (!root || typeof MutationObserver === "undefined") return;
    const read = () => {
      for (const span of root.querySelectorAll("span")) {
        const match = SHOWN_STEP.exec(span.textContent);
        if (match) {
          setStep(Number(match[1]));
          return;
        }
      }
    };
    const observer = new MutationObserver(read);
    observer.observe(root, { subtree: true, childList: true, characterData: true });
    const first = window.setTimeout(read, 0);
    return () => {
      observer.disconnect();
      window.clearTimeout(first);
    };
  }, [ref]);
  return step;
}

/**
 * Gradient descent on a loss curve (or surface) with a learning-rate control: the figure walks
 * downhill step by step, and beside it every update w ← w − η·dL/dw is written out with the
 * numbers of the step on screen. Too small a rate crawls, a good one settles, too large a one
 * overshoots and runs away.
 */
export default function GradientDescent({
  learningRate,
  start,
  mode: modeProp,
  caption,
}: GradientDescentProps) {
  const t = useWidgetT("GradientDescent");
  const fmt = useFormatNumber();
  const mode: DescentMode = modeProp === "surface" ? "surface" : "curve";
  const problem = descentProblem();
  const initialRate =
    learningRate !== undefined && Number.isFinite(learningRate)
      ? Math.min(LEARNING_RATE_RANGE[1], Math.max(LEARNING_RATE_RANGE[0], learningRate))
      : 0.1;
  const initialStart = startingPoint(problem, start);
  const [rate, setRate] = useState(initialRate);
  const [from, setFrom] = useState<Pair>(initialStart);

  const run = useMemo(() => descentRun(problem, mode, from, rate), [problem, mode, from, rate]);
  const longest = run.path.length - 1;
  const boxRef = useRef<HTMLDivElement>(null);
  const shown = Math.min(useShownStep(boxRef, STEPS), longest);
  const update = describeUpdate(problem, mode, run, shown, rate, t, fmt);
  const spoken = useThrottledValue(update.text, 800);

  return (
    <div className="text-ink">
      <fieldset className="mb-4 text-sm">
        <legend className="font-medium">{t("presets")}</legend>
        <div className="mt-1 flex flex-wrap gap-2">
          {PRESETS[mode].map((preset) => (
            <button
              key={preset.label}
              type="button"
              aria-pressed={rate === preset.rate}
              onClick={() => {
                setRate(preset.rate);
              }}
              className={`${BUTTON_CLASS} aria-pressed:bg-panel aria-pressed:ring-2 aria-pressed:ring-accent`}
            >
              {t("preset", { label: t(preset.label), rate: rateText(preset.rate, fmt) })}
            </button>
          ))}
          <button
            type="button"
            className={BUTTON_CLASS}
            onClick={() => {
              setRate(initialRate);
              setFrom(initialStart);
            }}
          >
            {t("backToStart")}
          </button>
        </div>
      </fieldset>

      <div ref={boxRef}>
        <LossLandscape
          view={mode === "curve" ? "one" : "two"}
          learningRate={rate}
          onLearningRateChange={setRate}
          learningRateRange={LEARNING_RATE_RANGE}
          start={from}
          onStartChange={setFrom}
          steps={STEPS}
          {...(caption === undefined ? {} : { caption })}
        />
      </div>

      <div
        className="mt-4 rounded-lg border border-line bg-panel p-3 text-sm"
        data-testid="gradient-descent-update"
      >
        <p className="font-semibold">{update.heading}</p>
        <div className="mt-1 space-y-1 overflow-x-auto font-mono text-xs leading-6 tabular-nums sm:text-sm">
          {update.lines.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
        {update.note ? <p className="mt-2 text-muted">{update.note}</p> : null}
      </div>
      <p aria-live="polite" className="sr-only" data-testid="gradient-descent-description">
        {spoken}
      </p>
    </div>
  );
}
