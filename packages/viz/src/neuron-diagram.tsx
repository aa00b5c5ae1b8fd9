import { Figure } from "./figure.tsx";
import { formatNumber, subscript } from "./format.ts";
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
}

/** The text alternative of the diagram: every number the picture shows, in reading order. */
export function describeNeuron(p: NeuronDiagramProps): string {
  const terms = p.inputs.map(
    (x, i) =>
      `input ${subscript("x", i + 1)} = ${formatNumber(x)} times weight ${subscript("w", i + 1)} = ${formatNumber(p.weights[i] ?? 0)}`,
  );
  return [
    `A neuron with ${p.inputs.length} input${p.inputs.length === 1 ? "" : "s"}.`,
    `${terms.join("; ")}.`,
    `Their sum plus the bias ${formatNumber(p.bias)} gives z = ${formatNumber(p.z)}.`,
    `${p.activationLabel} turns z into the output a = ${formatNumber(p.a)}.`,
  ].join(" ");
}

const WIDTH = 520;
const HEIGHT = 240;
const SUM = { x: 300, y: HEIGHT / 2, r: 36 };
const ACT = { x: 400, y: HEIGHT / 2, w: 52, h: 44 };
const OUT = { x: 482, y: HEIGHT / 2, r: 24 };

/** Anatomy of one neuron: inputs, weighted connections, Σ + b, the activation, the output. */
export function NeuronDiagram(props: NeuronDiagramProps) {
  const { inputs, weights, bias, activationLabel, z, a } = props;
  const n = inputs.length;
  const maxMagnitude = Math.max(...weights.map((w) => Math.abs(w)), 1e-9);
  const inputY = (i: number) => (HEIGHT * (i + 1)) / (n + 1);

  return (
    <Figure
      caption={
        props.caption ?? "One neuron: weigh the inputs, add them up with the bias, activate."
      }
      description={describeNeuron(props)}
      {...(props.className === undefined ? {} : { className: props.className })}
    >
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        style={{ maxWidth: WIDTH, height: "auto", display: "block", color: palette.ink }}
        fontFamily="inherit"
        fontSize="16"
      >
        {inputs.map((x, i) => {
          const w = weights[i] ?? 0;
          const y = inputY(i);
          const midX = (56 + SUM.x - SUM.r) / 2;
          const midY = (y + SUM.y) / 2;
          return (
            <g key={i}>
              <line
                x1={56}
                y1={y}
                x2={SUM.x - SUM.r}
                y2={SUM.y}
                stroke={signColor(w)}
                strokeWidth={edgeWidth(w, maxMagnitude)}
                strokeDasharray={w < 0 ? "6 4" : undefined}
                strokeLinecap="round"
              />
              <circle cx={34} cy={y} r={22} fill={palette.surface} stroke="currentColor" />
              <text x={34} y={y - 2} textAnchor="middle" fill="currentColor">
                {subscript("x", i + 1)}
              </text>
              <text x={34} y={y + 13} textAnchor="middle" fill="currentColor" fontSize="13">
                {formatNumber(x)}
              </text>
              <text x={midX} y={midY - 10} textAnchor="middle" fill={signColor(w)} fontSize="14">
                {`${subscript("w", i + 1)} = ${formatNumber(w)}`}
              </text>
            </g>
          );
        })}
        <circle cx={SUM.x} cy={SUM.y} r={SUM.r} fill={palette.surface} stroke="currentColor" />
        <text x={SUM.x} y={SUM.y - 4} textAnchor="middle" fill="currentColor">
          Σ + b
        </text>
        <text x={SUM.x} y={SUM.y + 14} textAnchor="middle" fill="currentColor" fontSize="13">
          {`z = ${formatNumber(z)}`}
        </text>
        <text
          x={SUM.x}
          y={SUM.y + SUM.r + 18}
          textAnchor="middle"
          fill="currentColor"
          fontSize="13"
        >
          {`b = ${formatNumber(bias)}`}
        </text>
        <line
          x1={SUM.x + SUM.r}
          y1={SUM.y}
          x2={ACT.x - ACT.w / 2}
          y2={ACT.y}
          stroke="currentColor"
        />
        <rect
          x={ACT.x - ACT.w / 2}
          y={ACT.y - ACT.h / 2}
          width={ACT.w}
          height={ACT.h}
          rx={8}
          fill={palette.surface}
          stroke="currentColor"
        />
        <text x={ACT.x} y={ACT.y + 5} textAnchor="middle" fill="currentColor">
          f
        </text>
        <text
          x={ACT.x}
          y={ACT.y + ACT.h / 2 + 16}
          textAnchor="middle"
          fill="currentColor"
          fontSize="13"
        >
          {activationLabel}
        </text>
        <line
          x1={ACT.x + ACT.w / 2}
          y1={ACT.y}
          x2={OUT.x - OUT.r}
          y2={OUT.y}
          stroke="currentColor"
        />
        <circle cx={OUT.x} cy={OUT.y} r={OUT.r} fill={palette.surface} stroke="currentColor" />
        <text x={OUT.x} y={OUT.y - 2} textAnchor="middle" fill="currentColor">
          a
        </text>
        <text x={OUT.x} y={OUT.y + 13} textAnchor="middle" fill="currentColor" fontSize="13">
          {formatNumber(a)}
        </text>
      </svg>
    </Figure>
  );
}
