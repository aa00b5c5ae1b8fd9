"use client";

import { useId, useState } from "react";
import { LineSwatch, type LineStyle } from "@neuronlab/viz/activation-plot";
import { Figure } from "@neuronlab/viz/figure";
import { subscript } from "@neuronlab/viz/format";
import { useFormatNumber, type FormatNumber } from "@neuronlab/viz/i18n";
import { palette } from "@neuronlab/viz/palette";
import { BUTTON_CLASS, NumberField } from "./forward-pass-controls.tsx";
import { term } from "./forward-pass-format.ts";
import { useWidgetT, type WidgetT } from "./i18n.ts";
import {
  CLASS_START,
  PROBABILITY_RANGE,
  REGRESSION_RANGE,
  REGRESSION_START,
  classificationLosses,
  crossEntropy,
  harshest,
  meanOf,
  regressionLosses,
  squaredError,
  type SetLosses,
} from "./loss-explorer-sets.ts";

export type LossExplorerMode = "both" | "mse" | "crossEntropy";

export interface LossExplorerProps {
  /**
   * Which sets to show: the regression set with mean squared error ("mse"), the classification
   * set with binary cross-entropy and the plot comparing the two losses ("crossEntropy"), or both.
   * Default "both".
   */
  mode?: LossExplorerMode;
  /** Caption under the plot. */
  caption?: string;
}

const CE_STYLE: LineStyle = { color: palette.positive, dash: undefined, width: 2.5 };
const SE_STYLE: LineStyle = { color: palette.negative, dash: "7 4", width: 2.5 };

/** The text alternative: both sets' losses with every example's share. */
export function describeLosses(
  regression: SetLosses | null,
  classification: SetLosses | null,
  t: WidgetT<"LossExplorer">,
  fmt: FormatNumber,
): string {
  const parts: string[] = [];
  if (regression) {
    const each = regression.examples
      .map((e, i) =>
        t("describeRegressionExample", {
          n: i + 1,
          prediction: fmt(e.prediction),
          target: fmt(e.target),
          squaredError: fmt(e.squaredError),
        }),
      )
      .join("; ");
    parts.push(t("describeRegression", { mse: fmt(regression.mse), examples: each }));
  }
  if (classification) {
    const each = classification.examples
      .map((e, i) =>
        t("describeClassificationExample", {
          n: i + 1,
          probability: fmt(e.prediction),
          label: e.target,
          crossEntropy: fmt(e.crossEntropy),
          squaredError: fmt(e.squaredError),
        }),
      )
      .join("; ");
    parts.push(
      t("describeClassification", {
        crossEntropy: fmt(classification.crossEntropy),
        mse: fmt(classification.mse),
        examples: each,
      }),
    );
  }
  return parts.join(" ");
}

/**
 * Squared error and cross-entropy on predictions the learner chooses: drag each example's
 * prediction and watch its share of the loss; on the classification set, see how much harder
 * cross-entropy punishes a confident wrong answer than squared error does.
 */
export default function LossExplorer({ mode = "both", caption }: LossExplorerProps) {
  const t = useWidgetT("LossExplorer");
  const fmt = useFormatNumber();
  const showRegression = mode !== "crossEntropy";
  const showClassification = mode !== "mse";
  const [regression, setRegression] = useState<number[]>([...REGRESSION_START]);
  const [classes, setClasses] = useState<number[]>([...CLASS_START]);
  const reg = regressionLosses(regression);
  const cls = classificationLosses(classes);
  const description = describeLosses(
    showRegression ? reg : null,
    showClassification ? cls : null,
    t,
    fmt,
  );

  return (
    <div className="text-ink">
      <div className={`grid gap-6 ${mode === "both" ? "lg:grid-cols-2" : ""}`}>
        {showRegression ? (
          <RegressionSet
            losses={reg}
            onChange={(i, v) => {
              setRegression((p) => p.map((old, k) => (k === i ? v : old)));
            }}
          />
        ) : null}
        {showClassification ? (
          <ClassificationSet
            losses={cls}
            onChange={(i, v) => {
              setClasses((p) => p.map((old, k) => (k === i ? v : old)));
            }}
          />
        ) : null}
      </div>
      <button
        type="button"
        className={`mt-4 ${BUTTON_CLASS}`}
        onClick={() => {
          setRegression([...REGRESSION_START]);
          setClasses([...CLASS_START]);
        }}
      >
        {t("resetPredictions")}
      </button>
      {showClassification ? <LossPlot losses={cls} caption={caption} /> : null}
      <p aria-live="polite" className="sr-only" data-testid="loss-explorer-description">
        {description}
      </p>
    </div>
  );
}

interface SetProps {
  losses: SetLosses;
  onChange: (index: number, value: number) => void;
}

/** A bar as long as this example's share of the total, so the big contributors stand out. */
function Share({ value, total, style }: { value: number; total: number; style: LineStyle }) {
  const share = total > 0 ? Math.min(1, value / total) : 0;
  return (
    <span aria-hidden="true" className="block h-1.5 w-full rounded-full bg-line/60">
      <span
        className="block h-1.5 rounded-full"
        style={{ width: `${(100 * share).toFixed(1)}%`, background: style.color }}
      />
    </span>
  );
}

function RegressionSet({ losses, onChange }: SetProps) {
  const t = useWidgetT("LossExplorer");
  const fmt = useFormatNumber();
  const total = losses.examples.reduce((s, e) => s + e.squaredError, 0);
  return (
    <section className="min-w-0 rounded-lg border border-line p-3 text-sm">
      <h3 className="font-semibold">{t("regressionHeading")}</h3>
      <p className="mt-1 text-muted">{t("regressionIntro")}</p>
      <ol className="mt-3 space-y-3">
        {losses.examples.map((e, i) => (
          <li key={i}>
            <p className="mb-1">
              {t("regressionExample", {
                n: i + 1,
                symbol: subscript("y", i + 1),
                target: fmt(e.target),
              })}
            </p>
            <NumberField
              label={subscript("ŷ", i + 1)}
              name={t("predictionName", { symbol: subscript("ŷ", i + 1), n: i + 1 })}
              value={e.prediction}
              {...REGRESSION_RANGE}
              onChange={(v) => {
                onChange(i, v);
              }}
            />
            <p className="mt-1 font-mono text-xs tabular-nums sm:text-sm">
              {`(ŷ − y)² = (${fmt(e.prediction)} − ${term(e.target, 2, fmt)})² = `}
              <strong data-testid={`mse-term-${i + 1}`}>{fmt(e.squaredError)}</strong>
            </p>
            <Share value={e.squaredError} total={total} style={SE_STYLE} />
          </li>
        ))}
      </ol>
      <p className="mt-3 font-mono text-xs tabular-nums sm:text-sm">
        {`${t("mse")} = ${meanOf(
          losses.examples.map((e) => e.squaredError),
          fmt,
        )} = `}
        <strong data-testid="mse-total">{fmt(losses.mse)}</strong>
      </p>
    </section>
  );
}

function ClassificationSet({ losses, onChange }: SetProps) {
  const t = useWidgetT("LossExplorer");
  const fmt = useFormatNumber();
  const total = losses.examples.reduce((s, e) => s + e.crossEntropy, 0);
  const worst = harshest(losses);
  const worstExample = worst ? losses.examples[worst.index] : undefined;
  return (
    <section className="min-w-0 rounded-lg border border-line p-3 text-sm">
      <h3 className="font-semibold">{t("classificationHeading")}</h3>
      <p className="mt-1 text-muted">{t("classificationIntro")}</p>
      <ol className="mt-3 space-y-3">
        {losses.examples.map((e, i) => (
          <li key={i}>
            <p className="mb-1">{t("classificationExample", { n: i + 1, label: e.target })}</p>
            <NumberField
              label={subscript("p", i + 1)}
              name={t("probabilityName", { symbol: subscript("p", i + 1), n: i + 1 })}
              value={e.prediction}
              {...PROBABILITY_RANGE}
              onChange={(v) => {
                onChange(i, v);
              }}
            />
            <p className="mt-1 font-mono text-xs tabular-nums sm:text-sm">
              {e.target === 1
                ? `−log p = −log ${fmt(e.prediction)} = `
                : `−log(1 − p) = −log ${fmt(1 - e.prediction)} = `}
              <strong data-testid={`ce-term-${i + 1}`}>{fmt(e.crossEntropy)}</strong>
              <span className="text-muted">{` ${t("squaredErrorAside", { value: fmt(e.squaredError) })}`}</span>
            </p>
            <Share value={e.crossEntropy} total={total} style={CE_STYLE} />
          </li>
        ))}
      </ol>
      <p className="mt-3 font-mono text-xs tabular-nums sm:text-sm">
        {`${t("crossEntropy")} = ${meanOf(
          losses.examples.map((e) => e.crossEntropy),
          fmt,
        )} = `}
        <strong data-testid="ce-total">{fmt(losses.crossEntropy)}</strong>
      </p>
      <p className="mt-1 font-mono text-xs tabular-nums sm:text-sm">
        {`${t("mseOnProbabilities")} = `}
        <strong data-testid="ce-set-mse">{fmt(losses.mse)}</strong>
      </p>
      {worst && worstExample ? (
        <p
          className="mt-3 rounded-md border-l-4 border-line bg-panel px-3 py-2"
          data-testid="harshest"
        >
          {t("harshest", {
            n: worst.index + 1,
            label: worstExample.target,
            probability: fmt(
              worstExample.target === 1 ? worstExample.prediction : 1 - worstExample.prediction,
            ),
            crossEntropy: fmt(worstExample.crossEntropy),
            squaredError: fmt(worstExample.squaredError),
            ratio: fmt(worst.ratio, 1),
          })}
        </p>
      ) : null}
    </section>
  );
}

const PLOT = { width: 360, height: 230, top: 12, right: 14, bottom: 40, left: 40 };
const Y_MAX = 5;

/** Both losses of one example of class 1 against its predicted probability p. */
function LossPlot({ losses, caption }: { losses: SetLosses; caption: string | undefined }) {
  const t = useWidgetT("LossExplorer");
  const fmt = useFormatNumber();
  const clipId = `loss-plot-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const { width, height, top, right, bottom, left } = PLOT;
  const innerWidth = width - left - right;
  const innerHeight = height - top - bottom;
  const px = (p: number) => left + p * innerWidth;
  const py = (loss: number) => top + innerHeight * (1 - Math.min(loss, Y_MAX + 1) / Y_MAX);
  const samples = Array.from({ length: 121 }, (_, k) => 0.004 + ((1 - 0.004) * k) / 120);
  const path = (f: (p: number) => number) =>
    samples
      .map((p, k) => `${k === 0 ? "M" : "L"}${px(p).toFixed(1)},${py(f(p)).toFixed(1)}`)
      .join("");
  const ones = losses.examples.map((e, i) => ({ ...e, n: i + 1 })).filter((e) => e.target === 1);
  const description = `${t("plotDescription", {
    half: fmt(0.5, 1),
    tenth: fmt(0.1, 1),
    hundredth: fmt(0.01),
    crossEntropyHalf: fmt(crossEntropy(0.5, 1)),
    crossEntropyTenth: fmt(crossEntropy(0.1, 1)),
    crossEntropyHundredth: fmt(crossEntropy(0.01, 1)),
    squaredErrorHalf: fmt(squaredError(0.5, 1)),
    squaredErrorTenth: fmt(squaredError(0.1, 1)),
  })} ${ones
    .map((e) =>
      t("plotExample", {
        n: e.n,
        probability: fmt(e.prediction),
        crossEntropy: fmt(e.crossEntropy),
        squaredError: fmt(e.squaredError),
      }),
    )
    .join(" ")}`;

  return (
    <Figure
      className="mt-6"
      caption={<span className="mt-2 block text-sm text-muted">{caption ?? t("plotCaption")}</span>}
      description={description}
    >
      <p className="mb-1 text-sm font-medium">{t("plotTitle")}</p>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        style={{ display: "block", maxWidth: 520, color: palette.ink }}
        fontSize={12}
      >
        <defs>
          <clipPath id={clipId}>
            <rect x={left} y={top} width={innerWidth} height={innerHeight} />
          </clipPath>
        </defs>
        <g fill="currentColor">
          {[0, 1, 2, 3, 4, 5].map((tick) => (
            <g key={`y${tick}`}>
              <line
                x1={left}
                x2={left + innerWidth}
                y1={py(tick)}
                y2={py(tick)}
                stroke="currentColor"
                strokeOpacity={tick === 0 ? 0.55 : 0.12}
              />
              <text x={left - 6} y={py(tick) + 4} textAnchor="end">
                {tick}
              </text>
            </g>
          ))}
          {[0, 0.25, 0.5, 0.75, 1].map((tick) => (
            <text key={`x${tick}`} x={px(tick)} y={top + innerHeight + 16} textAnchor="middle">
              {fmt(tick)}
            </text>
          ))}
          <rect
            x={left}
            y={top}
            width={innerWidth}
            height={innerHeight}
            fill="none"
            stroke="currentColor"
            strokeOpacity={0.3}
          />
          <text x={left + innerWidth} y={height - 4} textAnchor="end" fontStyle="italic">
            {t("axisProbability")}
          </text>
          <text
            transform={`translate(12,${top + innerHeight / 2}) rotate(-90)`}
            textAnchor="middle"
          >
            {t("axisLoss")}
          </text>
        </g>
        <g clipPath={`url(#${clipId})`} fill="none">
          <path
            d={path((p) => squaredError(p, 1))}
            stroke={SE_STYLE.color}
            strokeWidth={SE_STYLE.width}
            strokeDasharray={SE_STYLE.dash}
          />
          <path
            d={path((p) => crossEntropy(p, 1))}
            stroke={CE_STYLE.color}
            strokeWidth={CE_STYLE.width}
          />
          {ones.map((e) => (
            <g key={e.n}>
              <circle
                cx={px(e.prediction)}
                cy={py(e.crossEntropy)}
                r={5}
                fill={CE_STYLE.color}
                stroke={palette.surface}
                strokeWidth={1.5}
              />
              <rect
                x={px(e.prediction) - 4.5}
                y={py(e.squaredError) - 4.5}
                width={9}
                height={9}
                fill={SE_STYLE.color}
                stroke={palette.surface}
                strokeWidth={1.5}
              />
              <text
                x={px(e.prediction) + 8}
                y={py(e.crossEntropy) - 6}
                fill="currentColor"
                stroke={palette.surface}
                strokeWidth={3}
                paintOrder="stroke"
              >
                {`${e.n}`}
              </text>
            </g>
          ))}
        </g>
      </svg>
      <ul className="mt-2 flex flex-wrap gap-x-5 gap-y-1 text-sm">
        <li className="flex items-center gap-2">
          <LineSwatch style={CE_STYLE} />
          {t("legendCrossEntropy")}
        </li>
        <li className="flex items-center gap-2">
          <LineSwatch style={SE_STYLE} />
          {t("legendSquaredError")}
        </li>
      </ul>
    </Figure>
  );
}
