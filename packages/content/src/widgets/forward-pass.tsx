"use client";

import { useEffect, useMemo, useState, type ReactNode } from "react";
import { network, type Network } from "@neuronlab/engine/network";
import { useActivationLabels } from "@neuronlab/viz/activation-plot";
import { subscript } from "@neuronlab/viz/format";
import { useFormatNumber, type FormatNumber } from "@neuronlab/viz/i18n";
import { useReducedMotion } from "@neuronlab/viz/hooks/use-reduced-motion";
import { NetworkGraph, traceNetwork, type GraphTrace } from "@neuronlab/viz/network-graph";
import { BUTTON_CLASS, HIDE_GRAPH_TOOLBAR, NumberField } from "./forward-pass-controls.tsx";
import { layerMark, term, vector } from "./forward-pass-format.ts";
import {
  HIDDEN_ACTIVATIONS,
  givenWeights,
  networkSizes,
  networkSpec,
  seededWeights,
  startingInputs,
  weightMatrix,
  type GivenLayer,
  type HiddenActivation,
} from "./forward-pass-network.ts";
import { useWidgetT, type WidgetT } from "./i18n.ts";

export type { GivenLayer, HiddenActivation } from "./forward-pass-network.ts";

export interface ForwardPassProps {
  /** The input values x₁…xₙ, each in [−2, 2]. Default [1, −0.5] (padded for more inputs). */
  inputs?: number[];
  /**
   * Neurons per column, inputs first and output last, e.g. [2, 3, 2, 1] (the default). Up to 4
   * inputs, 5 neurons a layer and 5 columns; the output layer is sigmoid.
   */
  layers?: number[];
  /** The hidden layers' activation. Default "relu". */
  activation?: HiddenActivation;
  /** Seed of the weights (rounded to tenths) and biases. Default 3. */
  seed?: number;
  /**
   * The lesson's own weights, one entry per dense layer: `W[j][i]` from input i to neuron j, and
   * `b[j]`. Used when they fit `layers`; otherwise the seeded ones are.
   */
  weights?: GivenLayer[];
  /** Caption under the graph. */
  caption?: string;
}

const INPUT_RANGE = { min: -2, max: 2, step: 0.1 };
const RUN_INTERVAL_MS = 700;

/** What the current stage computes, in words and numbers, for the live text alternative. */
export function describeStage(
  net: Network,
  trace: GraphTrace,
  stage: number,
  activation: string,
  t: WidgetT<"ForwardPass">,
  fmt: FormatNumber,
): string {
  const L = net.spec.layers.length;
  const v = (values: readonly number[]) => vector(values, 2, fmt);
  if (stage === 0) return t("describeStart", { count: String(L), input: v(trace.forward.input) });
  const layer = trace.forward.layers[stage - 1];
  const values = {
    stage: String(stage),
    count: String(L),
    index: String(stage),
    z: v(layer?.z ?? []),
    activation,
    a: v(layer?.a ?? []),
  };
  return stage === L
    ? t("describeOutput", { ...values, output: v(trace.forward.output) })
    : t("describeHidden", values);
}

/** Stands in a message for the element that `withSlot` puts there. */
const SLOT = "\uE000";

/** A message with one placeholder (filled with SLOT) as an element, the words around it kept. */
function withSlot(text: string, slot: ReactNode): ReactNode {
  const [before = "", after = ""] = text.split(SLOT);
  return (
    <>
      {before}
      {slot}
      {after}
    </>
  );
}

/**
 * A forward pass through a small dense network with real numbers: set the inputs, then compute
 * the network one layer at a time, each as z = W·a + b and a = f(z) with every number written
 * in, while the graph lights the layer just computed.
 */
export default function ForwardPass({
  inputs,
  layers,
  activation,
  seed,
  weights: given,
  caption,
}: ForwardPassProps) {
  const t = useWidgetT("ForwardPass");
  const fmt = useFormatNumber();
  const activationLabels = useActivationLabels();
  const sizes = networkSizes(layers);
  const hidden: HiddenActivation =
    activation !== undefined && HIDDEN_ACTIVATIONS.includes(activation) ? activation : "relu";
  const seedValue = seed !== undefined && Number.isFinite(seed) ? Math.trunc(seed) : 3;
  const sizesKey = sizes.join(",");
  const givenKey = JSON.stringify(given ?? null);
  const { spec, weights, net } = useMemo(() => {
    const s = networkSpec(sizesKey.split(",").map(Number), hidden);
    const parsed = givenKey === "null" ? undefined : (JSON.parse(givenKey) as GivenLayer[]);
    const w = givenWeights(s, parsed) ?? seededWeights(s, seedValue);
    return { spec: s, weights: w, net: network(s, w) };
  }, [sizesKey, hidden, seedValue, givenKey]);
  const L = spec.layers.length;

  const initial = startingInputs(inputs, spec.inputs, INPUT_RANGE);
  // A lesson that passes other numbers (or an editor previewing one) starts over from them.
  const initialKey = `${JSON.stringify(initial)}|${sizesKey}|${hidden}|${seedValue}|${givenKey}`;
  const [state, setState] = useState({ key: initialKey, x: initial, stage: 0 });
  let current = state;
  if (state.key !== initialKey) {
    current = { key: initialKey, x: initial, stage: 0 };
    setState(current);
  }
  const { x, stage } = current;
  const setStage = (next: number) => {
    setState((s) => ({ ...s, stage: Math.max(0, Math.min(L, next)) }));
  };

  const trace = useMemo(() => traceNetwork(spec, weights, x), [spec, weights, x]);

  const reducedMotion = useReducedMotion();
  const [runRequested, setRunning] = useState(false);
  // Running stops by itself at the output layer.
  const running = runRequested && stage < L;
  useEffect(() => {
    if (!running) return;
    const timer = window.setTimeout(() => {
      setState((s) => ({ ...s, stage: Math.min(L, s.stage + 1) }));
    }, RUN_INTERVAL_MS);
    return () => {
      window.clearTimeout(timer);
    };
  }, [running, stage, L]);

  const runAll = () => {
    if (running) {
      setRunning(false);
      return;
    }
    if (reducedMotion) {
      setStage(L);
      return;
    }
    if (stage >= L) setStage(0);
    setRunning(true);
  };

  const activationOf = (s: number) => activationLabels[s === L ? "sigmoid" : hidden];
  const description = describeStage(net, trace, stage, activationOf(stage), t, fmt);

  return (
    <div className="text-ink">
      <fieldset className="min-w-0 space-y-2 text-sm">
        <legend className="mb-1 font-semibold">{t("inputs")}</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {x.map((value, i) => (
            <NumberField
              key={i}
              label={subscript("x", i + 1)}
              name={t("inputName", { name: subscript("x", i + 1) })}
              value={value}
              {...INPUT_RANGE}
              onChange={(v) => {
                setState((s) => ({ ...s, x: s.x.map((old, k) => (k === i ? v : old)) }));
              }}
            />
          ))}
        </div>
      </fieldset>

      <div
        role="group"
        aria-label={t("controls")}
        className="mt-4 flex flex-wrap items-center gap-2"
      >
        <button
          type="button"
          className={BUTTON_CLASS}
          disabled={stage === 0}
          onClick={() => {
            setRunning(false);
            setStage(stage - 1);
          }}
        >
          {t("previousLayer")}
        </button>
        <button
          type="button"
          className={BUTTON_CLASS}
          disabled={stage >= L}
          onClick={() => {
            setRunning(false);
            setStage(stage + 1);
          }}
        >
          {t("nextLayer")}
        </button>
        <button type="button" className={BUTTON_CLASS} aria-pressed={running} onClick={runAll}>
          {t(running ? "pause" : "runAll")}
        </button>
        <button
          type="button"
          className={BUTTON_CLASS}
          onClick={() => {
            setRunning(false);
            setState({ key: initialKey, x: initial, stage: 0 });
          }}
        >
          {t("reset")}
        </button>
        <span className="text-sm text-muted tabular-nums" data-testid="forward-pass-step">
          {t("layerOfCount", { stage: String(stage), count: String(L) })}
        </span>
      </div>

      <StagePanel
        net={net}
        trace={trace}
        stage={stage}
        activation={activationOf(stage)}
        t={t}
        fmt={fmt}
      />

      <div className={`mt-4 ${HIDE_GRAPH_TOOLBAR}`}>
        <NetworkGraph
          spec={spec}
          weights={weights}
          trace={trace}
          stage={stage}
          onStageChange={(s) => {
            setRunning(false);
            setStage(s);
          }}
          caption={caption ?? t("caption")}
        />
      </div>
      <p aria-live="polite" className="sr-only" data-testid="forward-pass-description">
        {description}
      </p>
    </div>
  );
}

interface StagePanelProps {
  net: Network;
  trace: GraphTrace;
  stage: number;
  activation: string;
  t: WidgetT<"ForwardPass">;
  fmt: FormatNumber;
}

/** The layer just computed: W·a + b = z, then a = f(z), as a picture and neuron by neuron. */
function StagePanel({ net, trace, stage, activation, t, fmt }: StagePanelProps) {
  const L = net.spec.layers.length;
  const panel = "mt-4 rounded-lg border border-line bg-panel p-3 text-sm";
  if (stage === 0) {
    return (
      <div className={panel}>
        <p>
          {withSlot(
            t("inputIs", { formula: SLOT }),
            <span className="font-mono">{`x = a${layerMark(0)} = ${vector(trace.forward.input, 2, fmt)}`}</span>,
          )}
        </p>
        <p className="mt-1 text-muted">{t("pressNext", { button: t("nextLayer") })}</p>
      </div>
    );
  }
  const l = stage - 1;
  const W = weightMatrix(net, l);
  const previous = l === 0 ? trace.forward.input : (trace.forward.layers[l - 1]?.a ?? []);
  const layer = trace.forward.layers[l];
  const z = layer?.z ?? [];
  const a = layer?.a ?? [];
  const b = Array.from(net.weights[l]?.bias ?? []);
  const inName = l === 0 ? "x" : `a${layerMark(l)}`;
  const outName = stage === L ? "ŷ" : `a${layerMark(stage)}`;
  const mark = layerMark(stage);
  const title = t("panelTitle", {
    layer: stage === L ? t("outputLayer") : t("hiddenLayer", { index: String(stage) }),
    z: `z${mark} = W${mark}·${inName} + b${mark}`,
    a: `${outName} = ${activation}(z${mark})`,
  });
  return (
    <div className={panel}>
      <p className="font-semibold">{title}</p>
      <div
        aria-hidden="true"
        className="mt-3 flex flex-wrap items-center gap-x-2 gap-y-3 overflow-x-auto font-mono tabular-nums"
      >
        <Matrix rows={W} fmt={fmt} />
        <span>·</span>
        <Matrix rows={previous.map((v) => [v])} fmt={fmt} />
        <span>+</span>
        <Matrix rows={b.map((v) => [v])} fmt={fmt} />
        <span>=</span>
        <Matrix rows={z.map((v) => [v])} fmt={fmt} emphasis />
        <span className="whitespace-nowrap">{`→ ${activation} →`}</span>
        <Matrix rows={a.map((v) => [v])} fmt={fmt} emphasis />
      </div>
      <ol className="mt-3 space-y-1 font-mono text-xs leading-6 sm:text-sm">
        {z.map((zj, j) => {
          const sum = (W[j] ?? [])
            .map((w, i) => `${term(w, 2, fmt)}·${term(previous[i] ?? Number.NaN, 2, fmt)}`)
            .join(" + ");
          const aj = a[j] ?? Number.NaN;
          return (
            <li key={j}>
              {`${subscript("z", j + 1)} = ${sum} + ${term(b[j] ?? Number.NaN, 2, fmt)} = `}
              <strong data-testid={`forward-pass-z-${j + 1}`}>{fmt(zj)}</strong>
              {`; ${subscript("a", j + 1)} = ${activation}(${fmt(zj)}) = `}
              <strong data-testid={`forward-pass-a-${j + 1}`}>{fmt(aj)}</strong>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

/** A matrix (or a column vector) between brackets. */
function Matrix({
  rows,
  fmt,
  emphasis = false,
}: {
  rows: readonly number[][];
  fmt: FormatNumber;
  emphasis?: boolean;
}) {
  const columns = rows[0]?.length ?? 1;
  return (
    <span
      className={`inline-grid gap-x-3 rounded-md border-x-2 border-ink/60 px-2 py-1 text-right ${emphasis ? "font-semibold" : ""}`}
      style={{ gridTemplateColumns: `repeat(${columns}, auto)` }}
    >
      {rows.flatMap((row, j) => row.map((v, i) => <span key={`${j}-${i}`}>{fmt(v)}</span>))}
    </span>
  );
}
