"use client";

import { Figure } from "./figure.tsx";
import { subscript } from "./format.ts";
import { useFormatNumber, useVizT, type FormatNumber, type VizT } from "./i18n.tsx";
import { edgeWidth, palette, signColor } from "./palette.ts";

export interface NeuronDiagramProps {
  inputs: readonly number[];
  weights: readonly number[];
  bias: number;
  /** The activation's name as the lesson calls it, e.g. "ReLU". */
  activationLabel: string;
  /** z = Σ wᵢxᵢ + b, as computed by the engine. */
  z: number;
  /** a = f(z), as computed by the engine. */
  a: number;
  caption?: string;
  className?: string;
  /**
   * "wide" (520 units across) suits a column of text; "compact" (340 units) keeps the labels
   * readable on a phone, where the drawing is scaled down to the screen.
   */
  layout?: NeuronLayoutName;
}

export type NeuronLayoutName = "wide" | "compact";

/** The text alternative of the diagram: every number the picture shows, in reading order. */
export function describeNeuron(
  p: NeuronDiagramProps,
  t: VizT<"NeuronDiagram">,
  fmt: FormatNumber,
): string {
  const terms = p.inputs.map((x, i) =>
    t("describeTerm", {
      x: subscript("x", i + 1),
      value: fmt(x),
      w: subscript("w", i + 1),
      weight: fmt(p.weights[i] ?? 0),
    }),
  );
  return t("describe", {
    count: p.inputs.length,
    terms: terms.join(t("termSeparator")),
    bias: fmt(p.bias),
    z: fmt(p.z),
    activation: p.activationLabel,
    a: fmt(p.a),
  });
}

interface NeuronLayout {
  width: number;
  input: { x: number; r: number };
  sum: { x: number; r: number };
  act: { x: number; w: number; h: number };
  out: { x: number; r: number };
  /**
   * Where a weight's label sits: halfway along its edge, or (where the edges are short and close
   * together) just after the input, on the side of the edge that no other edge crosses.
   */
  weightLabel: "middle" | "start";
}

const LAYOUTS: Readonly<Record<NeuronLayoutName, NeuronLayout>> = {
  wide: {
    width: 520,
    input: { x: 34, r: 22 },
    sum: { x: 300, r: 36 },
    act: { x: 400, w: 52, h: 44 },
    out: { x: 482, r: 24 },
    weightLabel: "middle",
  },
  compact: {
    width: 340,
    input: { x: 30, r: 22 },
    sum: { x: 184, r: 32 },
    act: { x: 258, w: 46, h: 40 },
    out: { x: 314, r: 22 },
    weightLabel: "start",
  },
};

/** Tall enough that the input circles never touch, however many inputs there are. */
function diagramHeight(inputCount: number): number {
  return Math.max(240, (inputCount + 1) * 50);
}

/** Text over lines: a halo in the background colour keeps it readable where an edge crosses it. */
const halo = {
  stroke: palette.surface,
  strokeWidth: 4,
  strokeLinejoin: "round",
  paintOrder: "stroke",
} as const;

/** Anatomy of one neuron: inputs, weighted connections, Σ + b, the activation, the output. */
export function NeuronDiagram(props: NeuronDiagramProps) {
  const t = useVizT("NeuronDiagram");
  const fmt = useFormatNumber();
  const { inputs, weights, bias, activationLabel, z, a } = props;
  const { width, input, sum, act, out, weightLabel } = LAYOUTS[props.layout ?? "wide"];
  const n = inputs.length;
  const height = diagramHeight(n);
  const cy = height / 2;
  const maxMagnitude = Math.max(...weights.map((w) => Math.abs(w)), 1e-9);
  const inputY = (i: number) => (height * (i + 1)) / (n + 1);
  const edgeStart = input.x + input.r;

  return (
    <Figure
      caption={props.caption ?? t("caption")}
      description={describeNeuron(props, t, fmt)}
      {...(props.className === undefined ? {} : { className: props.className })}
    >
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        style={{ maxWidth: width, height: "auto", display: "block", color: palette.ink }}
        fontFamily="inherit"
        fontSize="16"
      >
        {/* Every edge first, so no edge is drawn over another input's label. */}
        {weights.slice(0, n).map((w, i) => (
          <line
            key={i}
            x1={edgeStart}
            y1={inputY(i)}
            x2={sum.x - sum.r}
            y2={cy}
            stroke={signColor(w)}
            strokeWidth={edgeWidth(w, maxMagnitude)}
            strokeDasharray={w < 0 ? "6 4" : undefined}
            // Round caps would fill the gaps of a thick dashed edge and hide its dashes.
            strokeLinecap={w < 0 ? "butt" : "round"}
          />
        ))}
        {inputs.map((x, i) => {
          const w = weights[i] ?? 0;
          const y = inputY(i);
          const middle = weightLabel === "middle";
          // An edge rising to Σ has free space below it, one falling or level has it above.
          const below = !middle && y > cy + 0.5;
          const labelX = middle ? (edgeStart + sum.x - sum.r) / 2 : edgeStart + 4;
          const labelY = middle ? (y + cy) / 2 - 10 : below ? y + 18 : y - 8;
          return (
            <g key={i}>
              <circle
                cx={input.x}
                cy={y}
                r={input.r}
                fill={palette.surface}
                stroke="currentColor"
              />
              <text x={input.x} y={y - 2} textAnchor="middle" fill="currentColor">
                {subscript("x", i + 1)}
              </text>
              <text x={input.x} y={y + 13} textAnchor="middle" fill="currentColor" fontSize="13">
                {fmt(x)}
              </text>
              <text
                x={labelX}
                y={labelY}
                textAnchor={middle ? "middle" : "start"}
                fill={signColor(w)}
                fontSize="14"
                {...halo}
              >
                {`${subscript("w", i + 1)} = ${fmt(w)}`}
              </text>
            </g>
          );
        })}
        <circle cx={sum.x} cy={cy} r={sum.r} fill={palette.surface} stroke="currentColor" />
        <text x={sum.x} y={cy - 4} textAnchor="middle" fill="currentColor">
          Σ + b
        </text>
        <text x={sum.x} y={cy + 14} textAnchor="middle" fill="currentColor" fontSize="13">
          {`z = ${fmt(z)}`}
        </text>
        <text x={sum.x} y={cy + sum.r + 18} textAnchor="middle" fill="currentColor" fontSize="13">
          {`b = ${fmt(bias)}`}
        </text>
        <line x1={sum.x + sum.r} y1={cy} x2={act.x - act.w / 2} y2={cy} stroke="currentColor" />
        <rect
          x={act.x - act.w / 2}
          y={cy - act.h / 2}
          width={act.w}
          height={act.h}
          rx={8}
          fill={palette.surface}
          stroke="currentColor"
        />
        <text x={act.x} y={cy + 5} textAnchor="middle" fill="currentColor">
          f
        </text>
        <text
          x={act.x}
          y={cy + act.h / 2 + 16}
          textAnchor="middle"
          fill="currentColor"
          fontSize="13"
        >
          {activationLabel}
        </text>
        <line x1={act.x + act.w / 2} y1={cy} x2={out.x - out.r} y2={cy} stroke="currentColor" />
        <circle cx={out.x} cy={cy} r={out.r} fill={palette.surface} stroke="currentColor" />
        <text x={out.x} y={cy - 2} textAnchor="middle" fill="currentColor">
          a
        </text>
        <text x={out.x} y={cy + 13} textAnchor="middle" fill="currentColor" fontSize="13">
          {fmt(a)}
        </text>
      </svg>
    </Figure>
  );
}
