"use client";

import { useMemo, useState } from "react";
import { useLocale } from "use-intl";
import { useFormatNumber } from "@neuronlab/viz/i18n";
import { NetworkGraph } from "@neuronlab/viz/network-graph";
import {
  backpropWalk,
  stepperSpec,
  type BackpropStep,
  type StepperActivation,
  type StepperLoss,
  type UpdateRow,
} from "./backprop-stepper-steps.ts";
import { BUTTON_CLASS, HIDE_GRAPH_TOOLBAR } from "./forward-pass-controls.tsx";
import { onGrid, vector } from "./forward-pass-format.ts";
import { seededWeights } from "./forward-pass-network.ts";
import { useWidgetT, type WidgetT } from "./i18n.ts";

export type { StepperActivation, StepperLoss } from "./backprop-stepper-steps.ts";

export interface BackpropStepperProps {
  /** The example's two inputs, each in [−2, 2]. Default [1, 0.5]. */
  input?: number[];
  /** Its target, in [0, 1] (the output is a sigmoid). Default 1. */
  target?: number;
  /** Learning rate η of the final update, in [0.01, 5]. Default 0.5. */
  learningRate?: number;
  /** Seed of the weights (rounded to tenths) and biases. Default 1. */
  seed?: number;
  /** The hidden neurons' activation. Default "sigmoid". */
  activation?: StepperActivation;
  /** Squared error or binary cross-entropy. Default "mse". */
  loss?: StepperLoss;
  /** Caption under the graph. */
  caption?: string;
}

/** The text alternative of one step: what it computes, with the numbers, and where. */
export function describeStep(
  step: BackpropStep,
  index: number,
  count: number,
  t: WidgetT<"BackpropStepper">,
): string {
  const formula = step.lines.join(" ");
  return t("describeStep", {
    step: index + 1,
    count,
    title: step.title,
    formula,
    where: step.where,
  });
}

/**
 * Backpropagation through one example of a 2 → 2 → 1 network, one partial derivative at a time:
 * from ∂L/∂ŷ at the output back through the sigmoid, to each weight and bias, then into the
 * hidden layer by the chain rule; a last step updates every parameter and shows the new, lower
 * loss. Every number is the engine's.
 */
export default function BackpropStepper({
  input,
  target,
  learningRate,
  seed,
  activation,
  loss,
  caption,
}: BackpropStepperProps) {
  const t = useWidgetT("BackpropStepper");
  const fmt = useFormatNumber();
  const locale = useLocale();
  const x0 = onGrid(input?.[0], 1, -2, 2, 0.01);
  const x1 = onGrid(input?.[1], 0.5, -2, 2, 0.01);
  const y = onGrid(target, 1, 0, 1, 0.01);
  const eta = onGrid(learningRate, 0.5, 0.01, 5, 0.01);
  const seedValue = seed !== undefined && Number.isFinite(seed) ? Math.trunc(seed) : 1;
  const hidden: StepperActivation = activation === "tanh" ? "tanh" : "sigmoid";
  const lossName: StepperLoss = loss === "crossEntropy" ? "crossEntropy" : "mse";

  const { spec, weights, walk } = useMemo(() => {
    const s = stepperSpec(hidden, lossName);
    const w = seededWeights(s, seedValue);
    return {
      spec: s,
      weights: w,
      walk: backpropWalk(
        {
          spec: s,
          weights: w,
          input: [x0, x1],
          target: y,
          learningRate: eta,
        },
        t,
        fmt,
      ),
    };
    // `t` and `fmt` are new functions on every render but change only with the language.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hidden, lossName, seedValue, x0, x1, y, eta, locale]);
  const { steps, trace, update } = walk;
  const count = steps.length;

  // Other props (or an editor previewing them) start the walk over.
  const key = `${x0}|${x1}|${y}|${eta}|${seedValue}|${hidden}|${lossName}`;
  const [state, setState] = useState({ key, index: 0 });
  let index = state.index;
  if (state.key !== key) {
    index = 0;
    setState({ key, index: 0 });
  }
  const go = (next: number) => {
    setState({ key, index: Math.max(0, Math.min(count - 1, next)) });
  };
  const step = steps[index] ?? steps[0];
  if (!step) return null;
  const done = steps.slice(1, index + 1).filter((s) => s.kind === "gradient");

  return (
    <div className="text-ink">
      <p className="text-sm">
        {t("setup", {
          activation: hidden,
          loss: lossName,
          input: vector([x0, x1], 2, fmt),
          target: fmt(y),
        })}
      </p>

      <div role="group" aria-label={t("steps")} className="mt-3 flex flex-wrap items-center gap-2">
        <button
          type="button"
          className={BUTTON_CLASS}
          disabled={index === 0}
          onClick={() => {
            go(index - 1);
          }}
        >
          {t("previousStep")}
        </button>
        <button
          type="button"
          className={BUTTON_CLASS}
          disabled={index >= count - 1}
          onClick={() => {
            go(index + 1);
          }}
        >
          {t("nextStep")}
        </button>
        <button
          type="button"
          className={BUTTON_CLASS}
          disabled={index === 0}
          onClick={() => {
            go(0);
          }}
        >
          {t("startOver")}
        </button>
        <span className="text-sm text-muted tabular-nums" data-testid="backprop-step">
          {t("stepOf", { step: index + 1, count })}
        </span>
      </div>

      <div className="mt-3 rounded-lg border border-line bg-panel p-3 text-sm">
        <p className="font-semibold">{step.title}</p>
        <div className="mt-2 space-y-1 overflow-x-auto font-mono text-xs leading-6 sm:text-sm">
          {step.lines.map((line, k) => (
            <p key={k} className={k > 0 && line.startsWith("=") ? "pl-4" : undefined}>
              {line}
            </p>
          ))}
        </div>
        <p className="mt-2">
          <span className="text-muted">{`${t("result")} `}</span>
          <strong data-testid="backprop-value" className="font-mono tabular-nums">
            {`${step.kind === "update" ? t("newLoss") : step.symbol} = ${fmt(step.value, step.kind === "gradient" ? 4 : 3)}`}
          </strong>
        </p>
        <p className="mt-1 text-muted">{t("onTheGraph", { where: step.where })}</p>
        {step.kind === "update" ? (
          <UpdateTable
            rows={update.rows}
            lossBefore={update.lossBefore}
            lossAfter={update.lossAfter}
          />
        ) : null}
      </div>

      {done.length > 0 ? (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer font-medium">
            {t("gradientsSoFar", { count: done.length })}
          </summary>
          <ul className="mt-1 grid gap-x-6 font-mono text-xs tabular-nums sm:grid-cols-2 sm:text-sm">
            {done.map((s) => (
              <li key={s.symbol}>{`${s.symbol} = ${fmt(s.value, 4)}`}</li>
            ))}
          </ul>
        </details>
      ) : null}

      <div className={`mt-4 ${HIDE_GRAPH_TOOLBAR}`}>
        <NetworkGraph
          spec={spec}
          weights={weights}
          trace={trace}
          stage={step.stage}
          onStageChange={(stage) => {
            const first = steps.findIndex((s) => s.stage >= stage);
            go(first === -1 ? count - 1 : first);
          }}
          caption={caption ?? t("caption")}
        />
      </div>
      <p aria-live="polite" className="sr-only" data-testid="backprop-description">
        {describeStep(step, index, count, t)}
      </p>
    </div>
  );
}

function UpdateTable({
  rows,
  lossBefore,
  lossAfter,
}: {
  rows: readonly UpdateRow[];
  lossBefore: number;
  lossAfter: number;
}) {
  const t = useWidgetT("BackpropStepper");
  const fmt = useFormatNumber();
  return (
    <>
      <div className="mt-3 overflow-x-auto">
        <table className="w-full min-w-[18rem] text-left font-mono text-xs tabular-nums sm:text-sm">
          <caption className="sr-only">{t("tableCaption")}</caption>
          <thead>
            <tr className="border-b border-line">
              <th scope="col" className="py-1 pr-3 font-sans font-semibold">
                {t("parameter")}
              </th>
              <th scope="col" className="py-1 pr-3 text-right font-sans font-semibold">
                {t("before")}
              </th>
              <th scope="col" className="py-1 pr-3 text-right font-sans font-semibold">
                ∂L/∂
              </th>
              <th scope="col" className="py-1 text-right font-sans font-semibold">
                {t("after")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.name} className="border-b border-line/50">
                <th scope="row" className="py-0.5 pr-3 font-normal">
                  {r.name}
                </th>
                <td className="py-0.5 pr-3 text-right">{fmt(r.before)}</td>
                <td className="py-0.5 pr-3 text-right">{fmt(r.gradient, 4)}</td>
                <td className="py-0.5 text-right">{fmt(r.after, 3)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="mt-2 font-medium" data-testid="backprop-loss-change">
        {t(lossAfter < lossBefore ? "lossLower" : "lossNotLower", {
          before: fmt(lossBefore, 4),
          after: fmt(lossAfter, 4),
        })}
      </p>
    </>
  );
}
