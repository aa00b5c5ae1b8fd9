"use client";

import { useId, type ReactNode } from "react";
import { Figure } from "./figure.tsx";
import { useFormatNumber, useVizT } from "./i18n.tsx";
import { palette } from "./palette.ts";
import {
  describeTrainingLoop,
  PHASE_MESSAGES,
  TRAINING_PHASES,
  type TrainingPhase,
} from "./training-loop-model.ts";

export type { TrainingPhase } from "./training-loop-model.ts";

export interface TrainingLoopProps {
  /** The step under way (the `phase` of `Trainer.phases()`), lit in the diagram; null for none. */
  phase: TrainingPhase | null;
  /** Training steps so far, shown in the middle. */
  step?: number;
  /** The latest loss, shown in the middle. */
  loss?: number;
  caption?: ReactNode;
  className?: string;
}

const WIDTH = 360;
const HEIGHT = 280;
const BOX = { w: 120, h: 46 };
const MIDDLE = WIDTH / 2;

const CENTRES: Record<TrainingPhase, { x: number; y: number }> = {
  forward: { x: MIDDLE, y: 40 },
  loss: { x: 290, y: 140 },
  backward: { x: MIDDLE, y: 240 },
  update: { x: 70, y: 140 },
};

/** Arrows between the boxes, clockwise; each is named by the phase it leads into. */
const ARROWS: Record<TrainingPhase, string> = {
  loss: "M 242 40 Q 290 40 290 113",
  backward: "M 290 167 Q 290 240 242 240",
  update: "M 118 240 Q 70 240 70 167",
  forward: "M 70 113 Q 70 40 118 40",
};

/**
 * The training loop as a cycle — forward → loss → backprop → update — with the step under way
 * lit (filled, bold, a thicker border and a ▶ mark, so not by colour alone).
 */
export function TrainingLoop({ phase, step, loss, caption, className }: TrainingLoopProps) {
  const t = useVizT("TrainingLoop");
  const fmt = useFormatNumber();
  // Unique per instance (two diagrams on a page must not share marker ids), and safe in url(#…).
  const id = `nl-loop-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const markerId = `${id}-arrow`;
  const activeMarkerId = `${id}-arrow-active`;
  return (
    <Figure
      caption={caption ?? t("caption")}
      description={describeTrainingLoop({ phase, step, loss }, t, fmt)}
      {...(className === undefined ? {} : { className })}
    >
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        style={{ maxWidth: 420, height: "auto", display: "block", color: palette.ink }}
        fontFamily="inherit"
      >
        <defs>
          <marker
            id={markerId}
            viewBox="0 0 10 10"
            refX="8"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M 0 0 L 10 5 L 0 10 z" fill="currentColor" />
          </marker>
          <marker
            id={activeMarkerId}
            viewBox="0 0 10 10"
            refX="8"
            refY="5"
            markerWidth="6"
            markerHeight="6"
            orient="auto-start-reverse"
          >
            <path d="M 0 0 L 10 5 L 0 10 z" fill="var(--accent, currentColor)" />
          </marker>
        </defs>
        {TRAINING_PHASES.map((p) => {
          const active = p === phase;
          return (
            <path
              key={`arrow-${p}`}
              d={ARROWS[p]}
              fill="none"
              stroke={active ? "var(--accent, currentColor)" : "currentColor"}
              strokeOpacity={active ? 1 : 0.6}
              strokeWidth={active ? 3.5 : 2}
              markerEnd={`url(#${active ? activeMarkerId : markerId})`}
            />
          );
        })}
        {TRAINING_PHASES.map((p) => {
          const { x, y } = CENTRES[p];
          const active = p === phase;
          return (
            <g key={p} data-phase={p} data-active={active ? "true" : undefined}>
              <rect
                x={x - BOX.w / 2}
                y={y - BOX.h / 2}
                width={BOX.w}
                height={BOX.h}
                rx={12}
                fill={active ? "var(--accent, currentColor)" : palette.surface}
                stroke={active ? "var(--accent, currentColor)" : "currentColor"}
                strokeWidth={active ? 4 : 1.5}
                style={{ transition: "fill 200ms ease-out" }}
              />
              <text
                x={x}
                y={y}
                dy="0.35em"
                textAnchor="middle"
                fontSize={18}
                fontWeight={active ? 700 : 400}
                fill={active ? "var(--accent-ink, var(--canvas))" : "currentColor"}
              >
                {`${active ? "▶ " : ""}${t(PHASE_MESSAGES[p].label)}`}
              </text>
            </g>
          );
        })}
        {step !== undefined ? (
          <text x={MIDDLE} y={134} textAnchor="middle" fontSize={18} fill="currentColor">
            {t("step", { step: String(step) })}
          </text>
        ) : null}
        {loss !== undefined && Number.isFinite(loss) ? (
          <text
            x={MIDDLE}
            y={step !== undefined ? 162 : 146}
            textAnchor="middle"
            fontSize={15}
            fill="currentColor"
          >
            {t("loss", { loss: fmt(loss, 3) })}
          </text>
        ) : null}
      </svg>
    </Figure>
  );
}
