"use client";

import type { NetworkSpec, NetworkWeights } from "@neuronlab/engine/network-spec";
import {
  useEffect,
  useEffectEvent,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
} from "react";
import { useElementWidth } from "./hooks/use-element-width.ts";
import { useReducedMotion } from "./hooks/use-reduced-motion.ts";
import { useFormatNumber, useVizT, type FormatNumber } from "./i18n.tsx";
import {
  columnHeading,
  describeNetworkGraph,
  edgeGradient,
  edgeWeight,
  focusDetails,
  lastStage,
  maxAbsGradient,
  maxAbsWeight,
  moveFocus,
  nodeValue,
  stageLabel,
  stageView,
  traceNetwork,
  type GraphFocus,
  type GraphModel,
  type GraphT,
  type GraphTrace,
} from "./network-graph-model.ts";
import { networkLayout, type NetworkLayout } from "./network-layout.ts";
import { edgeWidth, palette, signColor } from "./palette.ts";

export { traceNetwork, type GraphTrace } from "./network-graph-model.ts";

/** The example to trace: the component runs it through the glass-box network itself. */
interface ExampleData {
  spec: NetworkSpec;
  weights: NetworkWeights;
  input: readonly number[];
  /** With a target the walk-through continues into the backward pass. */
  target?: readonly number[];
  trace?: never;
}

/** A trace computed elsewhere (e.g. with `traceNetwork` from ./network-graph-model). */
interface TraceData {
  spec: NetworkSpec;
  weights: NetworkWeights;
  trace: GraphTrace;
  input?: never;
  target?: never;
}

export type NetworkGraphProps = (ExampleData | TraceData) & {
  /**
   * Stage of the walk-through (controlled): 0 shows the input, 1…L the forward pass layer by
   * layer, L + 1…2L the backward pass (with a target).
   */
  stage?: number;
  /** Starting stage when uncontrolled. Default 0. */
  defaultStage?: number;
  onStageChange?: (stage: number) => void;
  /** Milliseconds per stage while playing. Default 900. */
  playInterval?: number;
  /** Columns with more neurons show the first ones, "⋮" and the last. Default 12. */
  maxVisible?: number;
  caption?: ReactNode;
  className?: string;
};

const SERVER_WIDTH = 640;

function sameFocus(a: GraphFocus | null, b: GraphFocus | null): boolean {
  if (!a || !b) return a === b;
  if (a.kind === "node" && b.kind === "node") return a.layer === b.layer && a.index === b.index;
  if (a.kind === "edge" && b.kind === "edge")
    return a.layer === b.layer && a.from === b.from && a.to === b.to;
  return false;
}

function focusExists(focus: GraphFocus | null, visible: readonly (readonly number[])[]): boolean {
  if (!focus) return false;
  if (focus.kind === "node") return visible[focus.layer]?.includes(focus.index) ?? false;
  return (
    (visible[focus.layer - 1]?.includes(focus.from) ?? false) &&
    (visible[focus.layer]?.includes(focus.to) ?? false)
  );
}

/** Reads which neuron or connection a pointer event is over from the drawing's data attributes. */
function focusFromTarget(target: EventTarget | null): GraphFocus | null {
  if (!(target instanceof Element)) return null;
  const element = target.closest("[data-node],[data-edge]");
  const node = element?.getAttribute("data-node");
  if (node) {
    const [layer, index] = node.split(":").map(Number);
    return { kind: "node", layer: layer ?? 0, index: index ?? 0 };
  }
  const edge = element?.getAttribute("data-edge");
  if (edge) {
    const [layer, from, to] = edge.split(":").map(Number);
    return {
      kind: "edge",
      layer: layer ?? 1,
      from: from ?? 0,
      to: to ?? 0,
      anchor: { layer: layer ?? 1, index: to ?? 0 },
    };
  }
  return null;
}

/**
 * A dense network, one example at a time: the forward pass lights the layers left to right with
 * the activations on the neurons, the backward pass carries ∂L/∂z back with the connections
 * weighted by |∂L/∂w|. Every neuron and connection can be read by pointer or keyboard.
 */
export function NetworkGraph(props: NetworkGraphProps) {
  const t = useVizT("NetworkGraph");
  const fmt = useFormatNumber();
  const { spec, weights, maxVisible = 12, playInterval = 900 } = props;
  const { input, target, trace: givenTrace } = props;
  const trace = useMemo(
    () => givenTrace ?? traceNetwork(spec, weights, input, target),
    [givenTrace, spec, weights, input, target],
  );
  const model: GraphModel = useMemo(() => ({ spec, weights, trace }), [spec, weights, trace]);
  const L = spec.layers.length;
  const last = lastStage(L, trace.backward !== undefined);

  const [innerStage, setInnerStage] = useState(props.defaultStage ?? 0);
  const stage = Math.max(0, Math.min(last, Math.round(props.stage ?? innerStage)));
  const setStage = (next: number) => {
    const s = Math.max(0, Math.min(last, next));
    if (props.stage === undefined) setInnerStage(s);
    props.onStageChange?.(s);
  };
  const view = stageView(stage, L);

  const reducedMotion = useReducedMotion();
  const [playRequested, setPlaying] = useState(false);
  const atEnd = stage >= last;
  // Playing stops by itself at the last stage.
  const playing = playRequested && !atEnd;
  const tick = useEffectEvent(() => {
    setStage(stage + 1);
  });
  useEffect(() => {
    if (!playing) return;
    const timer = window.setTimeout(tick, playInterval);
    return () => {
      window.clearTimeout(timer);
    };
  }, [playing, stage, playInterval]);

  const play = () => {
    if (playing) {
      setPlaying(false);
      return;
    }
    if (reducedMotion) {
      // Without motion, Play shows the end of the pass under way at once.
      setStage(stage < L ? L : last);
      return;
    }
    if (atEnd) setStage(0);
    setPlaying(true);
  };

  const scrollRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(scrollRef, SERVER_WIDTH);
  const sizes = useMemo(() => [spec.inputs, ...spec.layers.map((l) => l.units)], [spec]);
  const layout = useMemo(
    () => networkLayout(sizes, { width, maxVisible }),
    [sizes, width, maxVisible],
  );
  const visible = useMemo(() => layout.nodes.map((c) => c.map((n) => n.index)), [layout]);

  const [focus, setFocus] = useState<GraphFocus | null>(null);
  const [hover, setHover] = useState<GraphFocus | null>(null);
  const [focused, setFocused] = useState(false);
  const current = focusExists(focus, visible) ? focus : null;
  const hovered = focusExists(hover, visible) ? hover : null;
  const inspected = hovered ?? current;

  // Keeps the keyboard's neuron in view when the drawing scrolls sideways.
  useEffect(() => {
    const element = scrollRef.current;
    if (!element || !current || !layout.scrolls) return;
    const x = layout.columns[current.kind === "node" ? current.layer : current.layer] ?? 0;
    const margin = layout.radius * 2;
    if (x - margin < element.scrollLeft) element.scrollLeft = Math.max(0, x - margin);
    else if (x + margin > element.scrollLeft + element.clientWidth)
      element.scrollLeft = x + margin - element.clientWidth;
  }, [current, layout]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Focus picks the first input; a key pressed before that renders starts from it too.
    const from = current ?? moveFocus(null, "Home", visible) ?? null;
    const next = moveFocus(from, event.key, visible);
    if (!next) return;
    event.preventDefault();
    setHover(null);
    setFocus(next);
  };

  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const next = focusFromTarget(event.target);
    if (!sameFocus(next, hover)) setHover(next);
  };

  const pointerRef = useRef(false);
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    pointerRef.current = true;
    window.setTimeout(() => {
      pointerRef.current = false;
    }, 0);
    const next = focusFromTarget(event.target);
    if (next) setFocus(next);
  };

  const description = describeNetworkGraph(model, stage, t, fmt);
  const details = inspected ? focusDetails(model, stage, inspected, t, fmt) : null;
  const stageText = stageLabel(stage, L, t);
  const status =
    view.forwardColumn === L && trace.backward && trace.target
      ? t("statusWithLoss", { status: stageText, loss: fmt(trace.backward.loss, 3) })
      : stageText;

  const descriptionId = useId();
  const detailsId = useId();
  const hintId = useId();

  const button =
    "rounded-md border border-line px-3 py-1.5 text-sm font-medium text-ink hover:bg-panel disabled:cursor-not-allowed disabled:opacity-50";

  return (
    <figure className={props.className} aria-describedby={descriptionId}>
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          className={button}
          onClick={() => {
            setPlaying(false);
            setStage(stage - 1);
          }}
          disabled={stage === 0}
        >
          {t("stepBack")}
        </button>
        <button
          type="button"
          className={button}
          onClick={() => {
            setPlaying(false);
            setStage(stage + 1);
          }}
          disabled={atEnd}
        >
          {t("stepForward")}
        </button>
        <button type="button" className={button} onClick={play} aria-pressed={playing}>
          {playing ? t("pause") : t("play")}
        </button>
        <button
          type="button"
          className={button}
          onClick={() => {
            setPlaying(false);
            setStage(0);
          }}
          disabled={stage === 0 && !playing}
        >
          {t("reset")}
        </button>
      </div>
      <p className="mt-2 text-sm font-medium" data-testid="network-graph-status">
        {status}
      </p>
      <p className="mt-1 text-xs text-muted">{t("legend")}</p>
      {layout.scrolls ? (
        <p id={hintId} className="mt-1 text-xs font-medium text-muted">
          {t("scrollHint")}
        </p>
      ) : null}
      {/* An application, not a group: screen readers then pass the arrow keys through to it. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- a keyboard widget */}
      <div
        ref={scrollRef}
        role="application"
        aria-roledescription={t("graphRole")}
        aria-label={t("graphLabel")}
        aria-describedby={detailsId}
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- its one tab stop
        tabIndex={0}
        className="mt-2 w-full overflow-x-auto rounded-md"
        style={{ color: palette.ink }}
        onKeyDown={onKeyDown}
        onFocus={() => {
          setFocused(true);
          // A click picks its own neuron; only keyboard focus starts at the first one.
          if (!current && !pointerRef.current) setFocus(moveFocus(null, "Home", visible) ?? null);
        }}
        onBlur={() => {
          setFocused(false);
        }}
        onPointerMove={onPointerMove}
        onPointerLeave={() => {
          setHover(null);
        }}
        onPointerDown={onPointerDown}
      >
        <GraphDrawing
          model={model}
          layout={layout}
          stage={stage}
          animate={!reducedMotion}
          inspected={inspected}
          showFocus={focused || hovered !== null}
          t={t}
          fmt={fmt}
        />
      </div>
      <div
        id={detailsId}
        aria-live="polite"
        className="mt-2 min-h-24 rounded-md border border-line bg-panel p-3 text-sm"
        data-testid="network-graph-details"
      >
        {details ? (
          <>
            <p className="font-semibold">{details.title}</p>
            <ul className="mt-1 space-y-0.5">
              {details.lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </>
        ) : (
          <p className="text-muted">{t("detailsHint")}</p>
        )}
      </div>
      <p id={descriptionId} aria-live="polite" className="sr-only">
        {description}
      </p>
      <figcaption className="mt-2 text-sm text-muted">{props.caption ?? t("caption")}</figcaption>
    </figure>
  );
}

interface DrawingProps {
  model: GraphModel;
  layout: NetworkLayout;
  stage: number;
  animate: boolean;
  inspected: GraphFocus | null;
  showFocus: boolean;
  t: GraphT;
  fmt: FormatNumber;
}

const PULSE_CSS = `
@keyframes nl-pulse-forward { from { stroke-dashoffset: 14; } to { stroke-dashoffset: -100; } }
@keyframes nl-pulse-backward { from { stroke-dashoffset: -100; } to { stroke-dashoffset: 14; } }
@keyframes nl-fade-in { from { opacity: 0; } to { opacity: 1; } }
`;

function GraphDrawing({
  model,
  layout,
  stage,
  animate,
  inspected,
  showFocus,
  t,
  fmt,
}: DrawingProps) {
  const { spec, weights, trace } = model;
  const L = spec.layers.length;
  const view = stageView(stage, L);
  const maxW = maxAbsWeight(weights);
  const maxG = maxAbsGradient(trace);
  const maxDz = Math.max(
    1e-12,
    ...(trace.backward?.layers.flatMap((g) => g.dz.map((v) => Math.abs(v))) ?? [0]),
  );
  const maxA = Math.max(
    1e-12,
    ...trace.forward.input.map((v) => Math.abs(v)),
    ...trace.forward.layers.flatMap((t) => t.a.map((v) => Math.abs(v))),
  );
  const r = layout.radius;
  const shortHeadings = layout.columnGap < 84;
  const fontSize = Math.max(9.5, Math.min(12.5, r * 0.62));
  const pulseColumn =
    view.pass === "forward" ? view.activeColumn : view.pass === "backward" ? view.gradientFrom : 0;
  const inspectedEdge =
    inspected?.kind === "edge"
      ? layout.edges[inspected.layer - 1]?.find(
          (e) => e.from === inspected.from && e.to === inspected.to,
        )
      : undefined;

  return (
    <svg
      aria-hidden="true"
      width={layout.width}
      height={layout.height}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      fontFamily="inherit"
      style={{ display: "block", touchAction: "pan-x pan-y" }}
    >
      <style>{PULSE_CSS}</style>
      {layout.columns.map((x, c) => (
        <g key={`col-${c}`}>
          {c === view.activeColumn ? (
            <rect
              x={x - r - 6}
              y={22}
              width={2 * r + 12}
              height={layout.height - 26}
              rx={10}
              fill={palette.neutral}
              opacity={0.12}
            />
          ) : null}
          <text
            x={x}
            y={15}
            textAnchor="middle"
            fontSize={12}
            fontWeight={c === view.activeColumn ? 700 : 400}
            fill="currentColor"
            textDecoration={c === view.activeColumn ? "underline" : undefined}
          >
            {columnHeading(c, L, shortHeadings, t)}
          </text>
        </g>
      ))}
      {layout.edges.map((column, k) => {
        const c = k + 1;
        const hasGradient = c >= view.gradientFrom;
        const reached = c <= view.forwardColumn;
        return (
          <g key={`edges-${c}`}>
            {column.map((e) => {
              const w = edgeWeight(spec, weights, c, e.from, e.to);
              const g = hasGradient ? edgeGradient(trace, c, e.from, e.to) : undefined;
              const value = g ?? w;
              const magnitude =
                g !== undefined
                  ? maxG > 0
                    ? Math.abs(g) / maxG
                    : 0
                  : maxW > 0
                    ? Math.abs(w) / maxW
                    : 0;
              const opacity =
                g !== undefined
                  ? 0.2 + 0.8 * magnitude
                  : reached
                    ? 0.15 + 0.75 * magnitude
                    : 0.07 + 0.28 * magnitude;
              return (
                <g key={`${e.from}-${e.to}`} data-edge={`${c}:${e.from}:${e.to}`}>
                  <line
                    x1={e.x1}
                    y1={e.y1}
                    x2={e.x2}
                    y2={e.y2}
                    stroke={signColor(value)}
                    strokeOpacity={opacity}
                    strokeWidth={g !== undefined ? edgeWidth(g, maxG, 0.75, 4.5) : 1.25}
                    strokeDasharray={value < 0 ? "4 3" : undefined}
                  />
                  <line
                    x1={e.x1}
                    y1={e.y1}
                    x2={e.x2}
                    y2={e.y2}
                    stroke="transparent"
                    strokeWidth={8}
                    pointerEvents="stroke"
                  />
                </g>
              );
            })}
          </g>
        );
      })}
      {animate && pulseColumn > 0 ? (
        <g key={`pulse-${stage}`} pointerEvents="none">
          {(layout.edges[pulseColumn - 1] ?? []).map((e) => (
            <line
              key={`${e.from}-${e.to}`}
              x1={e.x1}
              y1={e.y1}
              x2={e.x2}
              y2={e.y2}
              pathLength={100}
              stroke={palette.ink}
              strokeWidth={2.5}
              strokeLinecap="round"
              strokeDasharray="14 100"
              strokeDashoffset={-100}
              style={{
                animation: `${view.pass === "backward" ? "nl-pulse-backward" : "nl-pulse-forward"} 700ms ease-out 1 both`,
              }}
            />
          ))}
        </g>
      ) : null}
      {inspectedEdge && showFocus ? (
        <line
          x1={inspectedEdge.x1}
          y1={inspectedEdge.y1}
          x2={inspectedEdge.x2}
          y2={inspectedEdge.y2}
          stroke="var(--accent, currentColor)"
          strokeWidth={4}
          strokeLinecap="round"
          pointerEvents="none"
        />
      ) : null}
      {layout.nodes.map((column, c) =>
        column.map((n) => {
          const v = nodeValue(trace, view, c, n.index);
          const known = v.kind !== "unknown";
          const magnitude =
            v.kind === "gradient"
              ? Math.abs(v.value) / maxDz
              : v.kind === "unknown"
                ? 0
                : Math.abs(v.value) / maxA;
          // Gradients are small, so they get a third decimal where the node has room for it.
          const decimals = v.kind === "gradient" && r >= 18 ? 3 : 2;
          const text = known ? fmt(v.value, decimals) : "";
          // Shrinks long numbers so they always fit inside the circle.
          const size = Math.min(fontSize, (2 * r - 5) / (0.58 * Math.max(text.length, 1)));
          const isInspected =
            showFocus &&
            ((inspected?.kind === "node" && inspected.layer === c && inspected.index === n.index) ||
              (inspected?.kind === "edge" &&
                ((inspected.layer === c && inspected.to === n.index) ||
                  (inspected.layer === c + 1 && inspected.from === n.index))));
          const justComputed = animate && c === (view.pass === "forward" ? view.activeColumn : -1);
          return (
            <g key={`${c}-${n.index}`} data-node={`${c}:${n.index}`}>
              <circle cx={n.x} cy={n.y} r={r} fill={palette.surface} />
              {known ? (
                <circle
                  cx={n.x}
                  cy={n.y}
                  r={r}
                  fill={signColor(v.value)}
                  fillOpacity={0.06 + 0.24 * Math.min(1, magnitude)}
                />
              ) : null}
              <circle
                cx={n.x}
                cy={n.y}
                r={r}
                fill="none"
                stroke="currentColor"
                strokeOpacity={known ? 1 : 0.45}
                strokeWidth={1.5}
              />
              {v.kind === "gradient" ? (
                <circle
                  cx={n.x}
                  cy={n.y}
                  r={r + 3.5}
                  fill="none"
                  stroke="currentColor"
                  strokeWidth={1.5}
                  strokeDasharray="3 2.5"
                />
              ) : null}
              {isInspected ? (
                <circle
                  cx={n.x}
                  cy={n.y}
                  r={r + (v.kind === "gradient" ? 7 : 5)}
                  fill="none"
                  stroke="var(--accent, currentColor)"
                  strokeWidth={3}
                />
              ) : null}
              {known ? (
                <text
                  key={`${v.kind}-${stage}`}
                  x={n.x}
                  y={n.y}
                  dy="0.35em"
                  textAnchor="middle"
                  fontSize={size}
                  fill="currentColor"
                  style={
                    justComputed ? { animation: "nl-fade-in 500ms ease-out 1 both" } : undefined
                  }
                >
                  {text}
                </text>
              ) : null}
            </g>
          );
        }),
      )}
      {layout.ellipses.map((e, c) =>
        e ? (
          <text
            key={`ellipsis-${c}`}
            x={e.x}
            y={e.y}
            dy="0.35em"
            textAnchor="middle"
            fontSize={14}
            fill="currentColor"
          >
            {`⋮ ${e.hidden}`}
          </text>
        ) : null,
      )}
    </svg>
  );
}
