"use client";

import { useEffect, useId, useMemo, useRef, useState } from "react";
import type { Split } from "@neuronlab/engine/dataset";
import { loadMnist, MNIST_PIXELS, MNIST_SIDE } from "@neuronlab/engine/datasets/mnist";
import { initWeights, type NetworkSpec } from "@neuronlab/engine/network-spec";
import { simdKernelSupported } from "@neuronlab/engine/simd-kernel";
import { DivergenceError, Trainer } from "@neuronlab/engine/trainer";
import { fillGrid } from "@neuronlab/viz/canvas";
import { colorTable, divergingScale, tableIndex, type Rgb } from "@neuronlab/viz/color-scales";
import { useReducedMotion } from "@neuronlab/viz/hooks/use-reduced-motion";
import { useThrottledValue } from "@neuronlab/viz/hooks/use-throttled";
import { useFormatNumber, type FormatNumber } from "@neuronlab/viz/i18n";
import { LossCurve, LossSeries } from "@neuronlab/viz/loss-curve";
import { divergenceValues } from "./divergence.ts";
import { useWidgetT, type WidgetT } from "./i18n.ts";

export interface DigitsDemoProps {
  /** Training images per digit, 5 to 200. Default 60 (600 images for ten digits). */
  trainPerDigit?: number;
  /** Test images per digit, 1 to 50. Default 20. */
  testPerDigit?: number;
  /** Which digits to learn, each 0–9 once. Default all ten. */
  digits?: number[];
  /** Hidden layers of the deeper network, 1 to 3 layers of 1 to 128 units. Default [32, 16]. */
  hidden?: number[];
  /** Training steps (batches of 32) for each network, 10 to 5,000. Default 800. */
  steps?: number;
  /** Seeds the choice of images, their order and both networks' starting weights. Default 1. */
  seed?: number;
  /** Caption under the demo. */
  caption?: string;
}

const ALL_DIGITS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
const BATCH = 32;
const LEARNING_RATE = 0.003;
/** Steps between two measurements on the test set. */
const EVAL_EVERY = 20;
/** Longest stretch of training in one animation frame (ms), so the page stays responsive. */
const FRAME_BUDGET_MS = 12;
/** With reduced motion the figures redraw this often while training runs on (ms). */
const REDUCED_MOTION_REDRAW_MS = 1000;
/** First-layer units drawn as images for the deeper network. */
const MAX_FEATURE_IMAGES = 16;

function whole(value: number | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.round(value)));
}

interface Settings {
  trainPerDigit: number;
  testPerDigit: number;
  digits: number[];
  hidden: number[];
  steps: number;
  seed: number;
}

/** The props, checked: anything out of range is brought back in, anything unreadable defaulted. */
export function digitsSettings(props: DigitsDemoProps): Settings {
  const digits = (props.digits ?? [...ALL_DIGITS]).filter(
    (d, i, all) => Number.isInteger(d) && d >= 0 && d <= 9 && all.indexOf(d) === i,
  );
  const hidden = (props.hidden ?? [32, 16]).slice(0, 3).map((u) => whole(u, 16, 1, 128));
  return {
    trainPerDigit: whole(props.trainPerDigit, 60, 5, 200),
    testPerDigit: whole(props.testPerDigit, 20, 1, 50),
    digits: digits.length >= 2 ? digits : [...ALL_DIGITS],
    hidden: hidden.length > 0 ? hidden : [32, 16],
    steps: whole(props.steps, 800, 10, 5000),
    seed: whole(props.seed, 1, 0, 999_999),
  };
}

function digitsSpec(hidden: readonly number[]): NetworkSpec {
  return {
    inputs: MNIST_PIXELS,
    layers: [
      ...hidden.map((units) => ({ units, activation: "relu" as const })),
      { units: 10, activation: "softmax" },
    ],
    loss: "categoricalCrossEntropy",
  };
}

type DigitsT = WidgetT<"DigitsDemo">;

/** "No hidden layer", "One hidden layer", "Two hidden layers", "Three hidden layers". */
function networkName(t: DigitsT, hidden: readonly number[]): string {
  return t("networkName", { count: hidden.length });
}

/** The same inside a sentence: "no hidden layer", "two hidden layers". */
function networkNameInline(t: DigitsT, hidden: readonly number[]): string {
  return t("networkNameInline", { count: hidden.length });
}

function networkShape(hidden: readonly number[]): string {
  return [MNIST_PIXELS, ...hidden, 10].join(" → ");
}

function argmax(values: ArrayLike<number>, from: number, count: number): number {
  let best = 0;
  for (let k = 1; k < count; k++) {
    if ((values[from + k] as number) > (values[from + best] as number)) best = k;
  }
  return best;
}

/** One image's pixels (or one unit's weights from a [784 × units] kernel), row by row. */
function column(kernel: Float64Array, units: number, unit: number): Float64Array {
  const out = new Float64Array(MNIST_PIXELS);
  for (let p = 0; p < MNIST_PIXELS; p++) out[p] = kernel[p * units + unit] as number;
  return out;
}

interface DigitsModel {
  readonly key: "shallow" | "deep";
  readonly hidden: readonly number[];
  readonly shape: string;
  readonly trainer: Trainer;
  readonly testLoss: LossSeries;
  testAccuracy: number;
  /** Its guess for each sample digit. */
  guesses: number[];
  /** What its first layer's units look for, as 28 × 28 images. */
  features: Float64Array[];
  /** Largest weight magnitude among the features drawn, for a shared colour scale. */
  extent: number;
}

/** Two networks learning the same digits with the same batches, measured side by side. */
class DigitsRun {
  readonly data: Split;
  /** Test images shown in the grid: the first of each digit. */
  readonly sample: number[];
  readonly sampleX: Float64Array;
  readonly models: readonly [DigitsModel, DigitsModel];
  readonly maxSteps: number;
  readonly digits: readonly number[];
  error: DivergenceError | null = null;

  constructor(data: Split, settings: Settings) {
    this.data = data;
    this.maxSteps = settings.steps;
    this.digits = settings.digits;
    const { test } = data;
    this.sample = settings.digits.flatMap((digit) => {
      const i = Array.from(test.labels ?? []).indexOf(digit);
      return i < 0 ? [] : [i];
    });
    this.sampleX = new Float64Array(this.sample.length * MNIST_PIXELS);
    this.sample.forEach((i, k) => {
      this.sampleX.set(test.x.subarray(i * MNIST_PIXELS, (i + 1) * MNIST_PIXELS), k * MNIST_PIXELS);
    });
    const kernel = simdKernelSupported() ? "simd" : "float64";
    const model = (key: DigitsModel["key"], hidden: number[]): DigitsModel => {
      const spec = digitsSpec(hidden);
      const trainer = new Trainer(
        spec,
        initWeights(spec, settings.seed + 1),
        data.train,
        // The same batch order for both: the only difference is the network.
        {
          optimizer: { kind: "adam", learningRate: LEARNING_RATE },
          batchSize: BATCH,
          seed: settings.seed,
        },
        { kernel },
      );
      return {
        key,
        hidden,
        shape: networkShape(hidden),
        trainer,
        testLoss: new LossSeries(),
        testAccuracy: 0,
        guesses: [],
        features: [],
        extent: 1,
      };
    };
    this.models = [model("shallow", []), model("deep", settings.hidden)];
    this.measure();
  }

  get step(): number {
    return this.models[0].trainer.step;
  }

  get done(): boolean {
    return this.step >= this.maxSteps || this.error !== null;
  }

  /**
   * Trains both networks a step at a time until `budgetMs` has passed (at least one step each),
   * measuring them every {@link EVAL_EVERY} steps. True while there are steps left.
   */
  train(budgetMs: number): boolean {
    const deadline = performance.now() + budgetMs;
    try {
      do {
        if (this.done) break;
        for (const m of this.models) m.trainer.trainStep();
        if (this.step % EVAL_EVERY === 0 || this.step >= this.maxSteps) this.measure();
      } while (performance.now() < deadline);
    } catch (error) {
      if (!(error instanceof DivergenceError)) throw error;
      this.error = error;
      this.measure();
    }
    return !this.done;
  }

  /** Test loss and accuracy, the sample's guesses and the first layer's images, per network. */
  measure(): void {
    const n = this.sample.length;
    for (const m of this.models) {
      const result = m.trainer.evaluate(this.data.test);
      m.testAccuracy = result.accuracy ?? 0;
      if (m.testLoss.latest?.step !== this.step) m.testLoss.append(this.step, result.loss);
      const out = m.trainer.predict(this.sampleX, n);
      m.guesses = Array.from({ length: n }, (_, k) => argmax(out, k * 10, 10));
      const first = m.trainer.getWeights()[0];
      if (!first) continue;
      const units = first.bias.length;
      // The shallow network's output unit d is digit d's template; the deeper one's units are
      // features of its own.
      const shown =
        m.key === "shallow"
          ? this.digits
          : Array.from({ length: Math.min(units, MAX_FEATURE_IMAGES) }, (_, j) => j);
      m.features = shown.map((j) => column(first.kernel, units, j));
      let extent = 0;
      for (const image of m.features) for (const w of image) extent = Math.max(extent, Math.abs(w));
      m.extent = extent > 0 ? extent : 1;
    }
  }

  label(i: number): number {
    return this.data.test.labels?.[i] ?? -1;
  }
}

const INK_TABLE = colorTable(
  (v): Rgb => {
    const c = Math.round(255 * (1 - v));
    return [c, c, c];
  },
  0,
  1,
);

/** A 28 × 28 grid of values as a small picture: a digit's ink, or a unit's weights. */
function PixelImage({
  values,
  extent,
  size,
}: {
  values: Float64Array;
  /** Weights: colours span [−extent, extent]. Leave out for a digit's grey ink. */
  extent?: number;
  size: number;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  const table = useMemo(
    () => (extent === undefined ? INK_TABLE : colorTable(divergingScale(extent), -extent, extent)),
    [extent],
  );
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext("2d");
    if (!canvas || !ctx) return;
    const image = ctx.createImageData(MNIST_SIDE, MNIST_SIDE);
    const lo = extent === undefined ? 0 : -extent;
    const hi = extent ?? 1;
    fillGrid(image, values, MNIST_SIDE, MNIST_SIDE, table, (v) => tableIndex(v, lo, hi));
    ctx.putImageData(image, 0, 0);
  }, [values, table, extent]);
  return (
    <canvas
      ref={ref}
      aria-hidden="true"
      width={MNIST_SIDE}
      height={MNIST_SIDE}
      className="block rounded-sm border border-line"
      style={{ width: size, height: size, imageRendering: "pixelated" }}
    />
  );
}

type Status = "idle" | "loading" | "ready" | "error";

function percent(t: DigitsT, fmt: FormatNumber, value: number): string {
  return t("percent", { value: fmt(value * 100, 0) });
}

/**
 * "Why deep works" on real handwritten digits: a network with no hidden layer and a deeper one
 * learn the same few hundred MNIST digits, with the same batches, side by side. Their test
 * accuracy, their guesses on a row of test digits and what their first layer looks for update as
 * they train.
 */
export default function DigitsDemo(props: DigitsDemoProps) {
  const t = useWidgetT("DigitsDemo");
  const fmt = useFormatNumber();
  const settings = digitsSettings(props);
  const settingsKey = JSON.stringify(settings);
  const [status, setStatus] = useState<Status>("idle");
  const [loadError, setLoadError] = useState<string | null>(null);
  const [data, setData] = useState<{ key: string; split: Split } | null>(null);
  const [run, setRun] = useState<DigitsRun | null>(null);
  const [playing, setPlaying] = useState(false);
  const [, setRevision] = useState(0);
  const reducedMotion = useReducedMotion();
  const sampleId = useId();

  useEffect(() => {
    if (!playing || !run) return;
    let frame = 0;
    let shown = -Infinity;
    const tick = (now: number) => {
      const more = run.train(FRAME_BUDGET_MS);
      if (!more || !reducedMotion || now - shown >= REDUCED_MOTION_REDRAW_MS) {
        shown = now;
        setRevision((r) => r + 1);
      }
      if (!more) {
        setPlaying(false);
        return;
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => {
      cancelAnimationFrame(frame);
    };
  }, [playing, run, reducedMotion]);

  const begin = (split: Split) => {
    setRun(new DigitsRun(split, settings));
    setPlaying(true);
  };

  const start = async () => {
    if (run && run.data === data?.split && data.key === settingsKey && !run.done) {
      setPlaying(true);
      return;
    }
    if (data?.key === settingsKey) {
      begin(data.split);
      return;
    }
    setStatus("loading");
    setLoadError(null);
    try {
      const split = await loadMnist({
        trainPerDigit: settings.trainPerDigit,
        testPerDigit: settings.testPerDigit,
        seed: settings.seed,
        digits: settings.digits,
      });
      setData({ key: settingsKey, split });
      setStatus("ready");
      begin(split);
    } catch (error) {
      setStatus("error");
      setLoadError(error instanceof Error ? error.message : String(error));
    }
  };

  const current = run && data?.key === settingsKey ? run : null;
  const trainImages = settings.trainPerDigit * settings.digits.length;
  const testImages = settings.testPerDigit * settings.digits.length;
  const summary = current
    ? t("summary", {
        step: fmt(current.step, 0),
        steps: fmt(current.maxSteps, 0),
        count: fmt(testImages, 0),
        results: current.models
          .map((m) =>
            t("result", {
              network: networkNameInline(t, m.hidden),
              accuracy: percent(t, fmt, m.testAccuracy),
            }),
          )
          .join(", "),
      })
    : status === "loading"
      ? t("loadingDigits")
      : t("notTrained");
  const announced = useThrottledValue(summary, 2000);
  const button =
    "rounded-md border border-line bg-canvas px-3 py-1.5 text-sm font-medium text-ink hover:bg-panel disabled:cursor-not-allowed disabled:opacity-50";

  return (
    <div className="text-ink">
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          className={button}
          disabled={status === "loading" || (current?.done ?? false)}
          onClick={() => {
            if (playing) setPlaying(false);
            else void start();
          }}
        >
          {t(
            playing
              ? "stop"
              : status === "loading"
                ? "loading"
                : current?.done
                  ? "finished"
                  : current && current.step > 0
                    ? "continue"
                    : "start",
          )}
        </button>
        <button
          type="button"
          className={button}
          disabled={!current || status === "loading"}
          onClick={() => {
            if (data) begin(data.split);
          }}
        >
          {t("startOver")}
        </button>
      </div>
      <p className="mt-2 text-sm text-muted">
        {t("about", {
          train: fmt(trainImages, 0),
          test: fmt(testImages, 0),
          all: settings.digits.length === 10 ? "yes" : "no",
          digits: settings.digits.join(", "),
          batch: BATCH,
        })}
      </p>
      <p className="mt-2 text-sm font-medium tabular-nums" data-testid="digits-summary">
        {summary}
      </p>
      <p className="sr-only" aria-live="polite">
        {announced}
      </p>
      {loadError !== null ? (
        <p role="alert" className="mt-2 text-sm font-medium">
          {t("loadFailed", { reason: loadError })}
        </p>
      ) : null}
      {current?.error ? (
        <p role="alert" className="mt-2 text-sm font-medium">
          {t("diverged", divergenceValues(current.error, fmt))}
        </p>
      ) : null}

      <div className="mt-4 grid gap-4 md:grid-cols-2">
        {(["shallow", "deep"] as const).map((key, k) => {
          const hidden = key === "shallow" ? [] : settings.hidden;
          return (
            <ModelColumn
              key={key}
              name={networkName(t, hidden)}
              shape={networkShape(hidden)}
              model={current?.models[k] ?? null}
              idKey={key}
            />
          );
        })}
      </div>

      {current && current.sample.length > 0 ? (
        <section aria-labelledby={sampleId} className="mt-4">
          <h3 id={sampleId} className="text-base font-semibold">
            {t("guesses")}
          </h3>
          <ul className="mt-2 grid grid-cols-[repeat(auto-fill,minmax(5.5rem,1fr))] gap-2">
            {current.sample.map((i, k) => {
              const truth = current.label(i);
              const pixels = current.sampleX.subarray(k * MNIST_PIXELS, (k + 1) * MNIST_PIXELS);
              return (
                <li
                  key={i}
                  className="flex flex-col items-center gap-1 rounded-md border border-line p-2 text-xs tabular-nums"
                >
                  <PixelImage values={pixels} size={56} />
                  <span className="sr-only">{t("handwritten", { digit: truth })}</span>
                  {current.models.map((m) => {
                    const guess = m.guesses[k] ?? -1;
                    const right = guess === truth;
                    return (
                      <span key={m.key}>
                        <span aria-hidden="true">
                          {t("guessShort", {
                            network: m.key,
                            guess,
                            mark: right ? "✓" : "✗",
                          })}
                        </span>
                        <span className="sr-only">
                          {t("guessLong", {
                            network: networkName(t, m.hidden),
                            guess,
                            right: right ? "yes" : "no",
                          })}
                        </span>
                      </span>
                    );
                  })}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}

      {current ? (
        <LossCurve
          className="mt-4"
          train={current.models[0].testLoss}
          test={current.models[1].testLoss}
          version={current.models[0].testLoss.length}
          height={180}
          labels={{
            train: t("testLoss", { network: networkNameInline(t, current.models[0].hidden) }),
            test: t("testLoss", { network: networkNameInline(t, current.models[1].hidden) }),
          }}
          caption={t("lossCaption")}
        />
      ) : null}
      <p className="mt-3 text-sm text-muted">{props.caption ?? t("caption")}</p>
    </div>
  );
}

/** One network's column: its name and shape, its test accuracy and what its first layer sees. */
function ModelColumn({
  name,
  shape,
  model,
  idKey,
}: {
  name: string;
  shape: string;
  model: DigitsModel | null;
  idKey: string;
}) {
  const t = useWidgetT("DigitsDemo");
  const fmt = useFormatNumber();
  const headingId = `${useId()}-${idKey}`;
  return (
    <section
      aria-labelledby={headingId}
      className="min-w-0 rounded-lg border border-line bg-panel p-3 sm:p-4"
    >
      <h3 id={headingId} className="text-base font-semibold">
        {name}
      </h3>
      <p className="text-sm text-muted">{shape}</p>
      <p
        className="mt-2 text-lg font-semibold tabular-nums"
        data-testid={`digits-${idKey}-accuracy`}
      >
        {t("accuracy", { accuracy: model ? percent(t, fmt, model.testAccuracy) : "—" })}
      </p>
      {model && model.features.length > 0 ? (
        <>
          <p className="mt-3 text-sm">
            {model.key === "shallow"
              ? t("templates")
              : t("features", { count: model.features.length })}
          </p>
          <div className="mt-2 flex flex-wrap gap-1" aria-hidden="true">
            {model.features.map((values, j) => (
              <PixelImage key={j} values={values} extent={model.extent} size={40} />
            ))}
          </div>
        </>
      ) : null}
    </section>
  );
}
