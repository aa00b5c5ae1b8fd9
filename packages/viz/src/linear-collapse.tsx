"use client";

import { useId, useMemo, useRef, useState, type ReactNode } from "react";
import type { ActivationName } from "@neuronlab/engine/activations";
import type { NetworkWeights } from "@neuronlab/engine/network-spec";
import { activationLineStyles, LineSwatch, PlotAxes } from "./activation-plot.tsx";
import { Figure } from "./figure.tsx";
import { useElementWidth } from "./hooks/use-element-width.ts";
import { useFormatNumber, useVizT } from "./i18n.tsx";
import {
  chordDeviation,
  composeLinear,
  describeBentPart,
  describeCollapse,
  describeLinearPart,
  lineEquation,
  lineOf,
  seededStackWeights,
  stackCurve,
  stackShape,
  stackSpec,
  type CollapseSummary,
  type CollapseWords,
} from "./linear-collapse-math.ts";
import { useActivationLabels } from "./neuron-math.ts";
import { palette } from "./palette.ts";
import {
  innerSize,
  linePath,
  linearScale,
  paddedExtent,
  type Domain,
  type Margins,
} from "./plot-scales.ts";

/** The activations the figure compares against the plain linear stack. */
export type CollapseActivation = Exclude<ActivationName, "linear">;

export const COLLAPSE_ACTIVATIONS: readonly CollapseActivation[] = [
  "relu",
  "tanh",
  "sigmoid",
  "leakyRelu",
];

export interface LinearCollapseProps {
  /** Hidden layer sizes of the 1 → … → 1 stack. Default [4, 4]. */
  hidden?: readonly number[];
  /**
   * The stack's weights, in the engine's layout (one `{ kernel, bias }` per layer, shapes matching
   * `hidden`). When given, they replace the seeded ones and the reseed button is not shown.
   */
  weights?: NetworkWeights;
  /** Seed of the weights (controlled). */
  seed?: number;
  /** First seed when uncontrolled. Default 1. */
  defaultSeed?: number;
  /** Called with the next seed when the learner presses "Reseed". */
  onSeedChange?: (seed: number) => void;
  /** The activation between the layers of the bending version (controlled). */
  activation?: CollapseActivation;
  /** First activation when uncontrolled. Default "relu". */
  defaultActivation?: CollapseActivation;
  onActivationChange?: (activation: CollapseActivation) => void;
  /** The input range plotted. Default [−3, 3]. */
  domain?: Domain;
  caption?: ReactNode;
  className?: string;
}

const DEFAULT_HIDDEN: readonly number[] = [4, 4];
const DEFAULT_DOMAIN: Domain = [-3, 3];
const MARGIN: Margins = { top: 14, right: 14, bottom: 38, left: 52 };

/**
 * The same small stack drawn twice as output against input: with no activations it is a straight
 * line (its layers multiply out to one linear map, stated with its slope and intercept); with an
 * activation between the layers the same weights bend.
 */
export function LinearCollapse({
  hidden = DEFAULT_HIDDEN,
  weights: givenWeights,
  seed: controlledSeed,
  defaultSeed = 1,
  onSeedChange,
  activation: controlledActivation,
  defaultActivation = "relu",
  onActivationChange,
  domain = DEFAULT_DOMAIN,
  caption,
  className,
}: LinearCollapseProps) {
  const t = useVizT("LinearCollapse");
  const fmt = useFormatNumber();
  const labels = useActivationLabels();
  const words: CollapseWords = { t, fmt, labels };
  const [innerSeed, setInnerSeed] = useState(defaultSeed);
  const seed = controlledSeed ?? innerSeed;
  const [innerActivation, setInnerActivation] = useState(defaultActivation);
  const activation = controlledActivation ?? innerActivation;

  const reseed = () => {
    const next = seed + 1;
    if (controlledSeed === undefined) setInnerSeed(next);
    onSeedChange?.(next);
  };
  const chooseActivation = (next: CollapseActivation) => {
    if (controlledActivation === undefined) setInnerActivation(next);
    onActivationChange?.(next);
  };

  const weights = useMemo(
    () => givenWeights ?? seededStackWeights(hidden, seed),
    [givenWeights, hidden, seed],
  );
  const [lo, hi] = domain;
  const { straight, bent, line } = useMemo(() => {
    const linearSpec = stackSpec(hidden, "linear");
    return {
      straight: stackCurve(linearSpec, weights, [lo, hi]),
      bent: stackCurve(stackSpec(hidden, activation), weights, [lo, hi]),
      line: lineOf(composeLinear(linearSpec, weights)),
    };
  }, [hidden, weights, activation, lo, hi]);

  const summary: CollapseSummary = {
    hidden,
    activation,
    slope: line.slope,
    intercept: line.intercept,
    bend: chordDeviation(bent),
    domain,
  };

  const ref = useRef<HTMLDivElement>(null);
  const width = Math.max(280, useElementWidth(ref, 640));
  const height = Math.round(Math.min(340, Math.max(240, width * 0.5)));
  const inner = innerSize(width, height, MARGIN);
  const x = linearScale(domain, [MARGIN.left, MARGIN.left + inner.width]);
  const y = linearScale(
    paddedExtent(
      [...straight, ...bent].map((p) => p.y),
      0.08,
    ),
    [MARGIN.top + inner.height, MARGIN.top],
    { nice: 5 },
  );
  const clipId = `linear-collapse-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const selectId = useId();
  const straightStyle = activationLineStyles.linear;
  const bentStyle = activationLineStyles[activation];
  const label = labels[activation];

  return (
    <div ref={ref} className={className}>
      <ul className="mb-2 flex flex-wrap gap-x-5 gap-y-1 text-sm">
        <li className="inline-flex items-center gap-2">
          <LineSwatch style={straightStyle} />
          {t("legendLinear", { equation: lineEquation(line.slope, line.intercept, fmt) })}
        </li>
        <li className="inline-flex items-center gap-2">
          <LineSwatch style={bentStyle} />
          {t("legendBent", { activation: label })}
        </li>
      </ul>
      <Figure
        caption={caption ?? t("caption", { shape: stackShape(hidden) })}
        description={describeCollapse(summary, words)}
      >
        <svg
          viewBox={`0 0 ${width} ${height}`}
          width="100%"
          style={{ display: "block", height: "auto", color: palette.ink }}
          fontFamily="inherit"
          data-testid="linear-collapse-drawing"
        >
          <PlotAxes
            x={x}
            y={y}
            margin={MARGIN}
            width={width}
            height={height}
            xLabel={t("xLabel")}
            yLabel={t("yLabel")}
            xTickCount={width < 420 ? 4 : 6}
          />
          <clipPath id={clipId}>
            <rect x={MARGIN.left} y={MARGIN.top} width={inner.width} height={inner.height} />
          </clipPath>
          <g clipPath={`url(#${clipId})`}>
            <path
              d={linePath(straight, x, y)}
              fill="none"
              stroke={straightStyle.color}
              strokeWidth={straightStyle.width}
              strokeDasharray={straightStyle.dash}
              strokeLinecap="round"
              data-curve="linear"
            />
            <path
              d={linePath(bent, x, y)}
              fill="none"
              stroke={bentStyle.color}
              strokeWidth={bentStyle.width + 0.5}
              strokeDasharray={bentStyle.dash}
              strokeLinejoin="round"
              data-curve={activation}
            />
          </g>
        </svg>
      </Figure>
      <div className="mt-3 space-y-2 leading-7">
        <p data-testid="linear-collapse-line">{describeLinearPart(summary, words)}</p>
        <p data-testid="linear-collapse-bend">{describeBentPart(summary, words)}</p>
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <label htmlFor={selectId} className="font-medium">
          {t("activationBetweenLayers")}
        </label>
        <select
          id={selectId}
          value={activation}
          onChange={(event) => {
            chooseActivation(event.currentTarget.value as CollapseActivation);
          }}
          className="rounded-md border border-line bg-canvas px-2 py-1 text-ink"
        >
          {COLLAPSE_ACTIVATIONS.map((name) => (
            <option key={name} value={name}>
              {labels[name]}
            </option>
          ))}
        </select>
        {givenWeights === undefined ? (
          <>
            <button
              type="button"
              onClick={reseed}
              className="rounded-md border border-line px-3 py-1 font-medium text-ink hover:bg-panel"
            >
              {t("reseed")}
            </button>
            <span className="text-sm tabular-nums" data-testid="linear-collapse-seed">
              {t("seed", { seed: String(seed) })}
            </span>
          </>
        ) : null}
      </div>
    </div>
  );
}
