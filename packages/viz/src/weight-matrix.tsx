"use client";

import { useThrottledValue } from "./hooks/use-throttled.ts";
import {
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
} from "react";
import { useLocale } from "use-intl";
import { fillGrid, prepareCanvas } from "./canvas.ts";
import { colorTable, divergingScale, tableIndex } from "./color-scales.ts";
import { subscript } from "./format.ts";
import { useElementWidth } from "./hooks/use-element-width.ts";
import { useFormatNumber, useVizT, type FormatNumber } from "./i18n.tsx";
import {
  cellAt,
  cellText,
  describeMatrix,
  inkOn,
  legendDecimals,
  legendTicks,
  matrixLayout,
  moveCell,
  niceExtent,
  type Cell,
  type MatrixLayout,
} from "./weight-matrix-layout.ts";

export type { Cell } from "./weight-matrix-layout.ts";

export interface WeightMatrixProps {
  /**
   * The layer's kernel (an array or typed array), row-major [inputs × units]: kernel[i·units + j]
   * is input i → unit j.
   */
  kernel: ArrayLike<number> & Iterable<number>;
  inputs: number;
  units: number;
  /** Row names, one per input. Default x₁, x₂, … */
  rowLabels?: readonly string[];
  /** Column names, one per unit. Default u₁, u₂, … */
  columnLabels?: readonly string[];
  /** Heading of the rows. Default "from". */
  rowTitle?: string;
  /** Heading of the columns. Default "to unit". */
  columnTitle?: string;
  /** Colours span [−extent, extent]. Default: a round number just above the largest |w|. */
  extent?: number;
  /** What the weights belong to, for the text alternative. Default "this layer". */
  name?: string;
  /** The cell the keyboard is on (controlled); null for none. */
  cell?: Cell | null;
  defaultCell?: Cell | null;
  onCellChange?: (cell: Cell) => void;
  caption?: ReactNode;
  className?: string;
}

const SERVER_WIDTH = 480;

function clampCell(cell: Cell | null, rows: number, columns: number): Cell | null {
  if (!cell) return null;
  const row = Math.max(0, Math.min(rows - 1, cell.row));
  const column = Math.max(0, Math.min(columns - 1, cell.column));
  return row === cell.row && column === cell.column ? cell : { row, column };
}
/** The text alternative is a polite live region; while training it speaks at most this often. */
const DESCRIPTION_INTERVAL_MS = 2000;

/**
 * A layer's weights as a heatmap: one row per input, one column per unit, orange for negative,
 * purple for positive, white for zero. Redrawn on a canvas whenever `kernel` changes, so it can
 * follow training frame by frame. Cells are read by pointer or by the arrow keys.
 */
export function WeightMatrix(props: WeightMatrixProps) {
  const t = useVizT("WeightMatrix");
  const fmt = useFormatNumber();
  const locale = useLocale();
  const { kernel, inputs, units } = props;
  const rows = Math.max(1, inputs);
  const columns = Math.max(1, units);
  const rowLabels = useMemo(
    () => props.rowLabels ?? Array.from({ length: rows }, (_, i) => subscript("x", i + 1)),
    [props.rowLabels, rows],
  );
  const columnLabels = useMemo(
    () => props.columnLabels ?? Array.from({ length: columns }, (_, j) => subscript("u", j + 1)),
    [props.columnLabels, columns],
  );
  const extent = props.extent ?? niceExtent(kernel);
  const rowLabelChars = Math.max(...rowLabels.map((l) => l.length), 2);
  const rowTitle = props.rowTitle ?? t("rowTitle");
  const columnTitle = props.columnTitle ?? t("columnTitle");

  const measureRef = useRef<HTMLDivElement>(null);
  // Less the scrolling box's padding (p-1.5 on both sides).
  const width = useElementWidth(measureRef, SERVER_WIDTH) - 12;
  const layout = useMemo(
    () => matrixLayout({ rows, columns, width, rowLabelChars, rowTitleChars: rowTitle.length + 2 }),
    [rows, columns, width, rowLabelChars, rowTitle],
  );

  const [innerCell, setInnerCell] = useState<Cell | null>(props.defaultCell ?? null);
  // A cell kept from a larger matrix (the parent switched layers) moves to the nearest one.
  const cell = clampCell(props.cell === undefined ? innerCell : props.cell, rows, columns);
  const setCell = (next: Cell) => {
    if (props.cell === undefined) setInnerCell(next);
    props.onCellChange?.(next);
  };
  const [hoverState, setHover] = useState<Cell | null>(null);
  const hover = clampCell(hoverState, rows, columns);
  const [focused, setFocused] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const pointerRef = useRef(false);

  const text = {
    kernel,
    rows,
    columns,
    rowLabels,
    columnLabels,
    name: props.name ?? t("thisLayer"),
  };
  const description = useThrottledValue(describeMatrix(text, t, fmt), DESCRIPTION_INTERVAL_MS);
  const inspected = hover ?? cell;

  const table = useMemo(() => colorTable(divergingScale(extent), -extent, extent), [extent]);
  const scale = useMemo(() => divergingScale(extent), [extent]);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const bufferRef = useRef<{ canvas: HTMLCanvasElement; image: ImageData } | null>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const context = prepareCanvas(canvas, layout.gridWidth, layout.gridHeight);
    if (!context) return;
    // One pixel per weight in a small buffer, scaled up without smoothing: cheap enough to
    // repaint every animation frame while the network trains.
    let buffer = bufferRef.current;
    if (buffer?.image.width !== columns || buffer.image.height !== rows) {
      const small = document.createElement("canvas");
      small.width = columns;
      small.height = rows;
      const image = small.getContext("2d")?.createImageData(columns, rows);
      if (!image) return;
      buffer = { canvas: small, image };
      bufferRef.current = buffer;
    }
    fillGrid(buffer.image, kernel, columns, rows, table, (v) => tableIndex(v, -extent, extent));
    buffer.canvas.getContext("2d")?.putImageData(buffer.image, 0, 0);
    context.clearRect(0, 0, layout.gridWidth, layout.gridHeight);
    context.imageSmoothingEnabled = false;
    context.drawImage(buffer.canvas, 0, 0, layout.gridWidth, layout.gridHeight);
    drawDecorations(context, layout, kernel, scale, fmt);
    // `locale` stands for `fmt`, a new function every render that prints numbers in that language.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [kernel, layout, table, scale, extent, rows, columns, locale]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Focus picks the first cell; a key pressed before that renders starts from it too.
    const next = moveCell(cell ?? { row: 0, column: 0 }, event.key, rows, columns);
    if (!next) return;
    event.preventDefault();
    setHover(null);
    setCell(next);
    setAnnouncement(cellText(text, next, t, fmt));
  };

  const cellFromPointer = (event: PointerEvent<HTMLDivElement>): Cell | null => {
    const canvas = canvasRef.current;
    if (!canvas) return null;
    const box = canvas.getBoundingClientRect();
    return cellAt(event.clientX - box.left, event.clientY - box.top, layout);
  };

  const descriptionId = useId();
  const readoutId = useId();
  const ticks = legendTicks(extent);
  const decimals = legendDecimals(extent);
  const gradient = useMemo(() => {
    const stops = Array.from({ length: 11 }, (_, k) => {
      const [r, g, b] = scale(-extent + (2 * extent * k) / 10);
      return `rgb(${r} ${g} ${b}) ${k * 10}%`;
    });
    return `linear-gradient(to right, ${stops.join(", ")})`;
  }, [scale, extent]);
  const legendWidth = Math.max(180, Math.min(280, layout.gridWidth));

  return (
    <figure className={props.className} aria-describedby={descriptionId}>
      <div ref={measureRef} className="w-full">
        {layout.scrolls ? (
          <p className="mb-1 text-xs font-medium text-muted">{t("scrollHint")}</p>
        ) : null}
        {/* Padding keeps the focus outline inside the scrolling box, which would clip it. */}
        <div className="max-w-full overflow-x-auto p-1.5">
          {/* An application, not a group: screen readers then pass the arrow keys through to it. */}
          {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- a keyboard widget */}
          <div
            role="application"
            aria-roledescription={t("matrixRole")}
            aria-label={t("matrixLabel", { name: text.name, rows, columns })}
            aria-describedby={readoutId}
            // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- its one tab stop
            tabIndex={0}
            className="relative rounded-sm"
            style={{ width: layout.width, height: layout.height }}
            onKeyDown={onKeyDown}
            onFocus={() => {
              setFocused(true);
              // A click picks its own cell; only keyboard focus starts at the first one.
              if (!cell && !pointerRef.current) setCell({ row: 0, column: 0 });
            }}
            onBlur={() => {
              setFocused(false);
            }}
            onPointerMove={(event) => {
              const next = cellFromPointer(event);
              if (next?.row !== hover?.row || next?.column !== hover?.column) setHover(next);
            }}
            onPointerLeave={() => {
              setHover(null);
            }}
            onPointerDown={(event) => {
              pointerRef.current = true;
              window.setTimeout(() => {
                pointerRef.current = false;
              }, 0);
              const next = cellFromPointer(event);
              if (next) setCell(next);
            }}
          >
            <Labels
              layout={layout}
              rowLabels={rowLabels}
              columnLabels={columnLabels}
              rowTitle={rowTitle}
              columnTitle={columnTitle}
              highlight={inspected}
            />
            <canvas
              ref={canvasRef}
              aria-hidden="true"
              width={layout.gridWidth}
              height={layout.gridHeight}
              className="absolute"
              style={{
                left: layout.left,
                top: layout.top,
                width: layout.gridWidth,
                height: layout.gridHeight,
                touchAction: "pan-x pan-y",
              }}
            />
            {hover ? <CellMarker layout={layout} cell={hover} dashed /> : null}
            {cell && (focused || !hover) ? (
              <CellMarker layout={layout} cell={cell} dashed={false} />
            ) : null}
          </div>
        </div>
      </div>
      <p
        id={readoutId}
        className="mt-2 min-h-6 text-sm font-medium"
        data-testid="weight-matrix-readout"
      >
        {inspected ? cellText(text, inspected, t, fmt) : t("readoutHint")}
      </p>
      <div className="mt-2 text-xs" aria-hidden="true">
        <div
          className="h-3 rounded-sm border border-line"
          style={{ width: legendWidth, background: gradient }}
        />
        <div className="relative mt-1 h-4" style={{ width: legendWidth }}>
          {ticks.map((tick, k) => (
            <span
              key={k}
              // The end ticks align inwards so their numbers stay inside the legend's width.
              className={`absolute tabular-nums ${k === 0 ? "" : k === ticks.length - 1 ? "-translate-x-full" : "-translate-x-1/2"}`}
              style={{ left: `${(k / (ticks.length - 1)) * 100}%` }}
            >
              {fmt(tick, decimals)}
            </span>
          ))}
        </div>
        <p className="mt-1 text-muted">{t("legend")}</p>
      </div>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      <p
        id={descriptionId}
        aria-live="polite"
        className="sr-only"
        data-testid="weight-matrix-description"
      >
        {description}
      </p>
      <figcaption className="mt-2 text-sm text-muted">{props.caption ?? t("caption")}</figcaption>
    </figure>
  );
}

function drawDecorations(
  context: CanvasRenderingContext2D,
  layout: MatrixLayout,
  kernel: ArrayLike<number>,
  scale: (value: number) => readonly [number, number, number],
  fmt: FormatNumber,
) {
  const { cell, rows, columns } = layout;
  if (layout.showGridLines) {
    // Mid grey reads as a separator on every colour of the scale, in either theme.
    context.strokeStyle = "rgba(128, 128, 128, 0.45)";
    context.lineWidth = 1;
    context.beginPath();
    for (let i = 1; i < rows; i++) {
      context.moveTo(0, i * cell + 0.5);
      context.lineTo(layout.gridWidth, i * cell + 0.5);
    }
    for (let j = 1; j < columns; j++) {
      context.moveTo(j * cell + 0.5, 0);
      context.lineTo(j * cell + 0.5, layout.gridHeight);
    }
    context.stroke();
  }
  if (layout.showValues) {
    context.font = `${Math.min(13, cell * 0.3)}px ui-sans-serif, system-ui, sans-serif`;
    context.textAlign = "center";
    context.textBaseline = "middle";
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < columns; j++) {
        const v = kernel[i * columns + j] ?? 0;
        context.fillStyle = inkOn(scale(v));
        context.fillText(fmt(v), (j + 0.5) * cell, (i + 0.5) * cell);
      }
    }
  }
}

function CellMarker({
  layout,
  cell,
  dashed,
}: {
  layout: MatrixLayout;
  cell: Cell;
  dashed: boolean;
}) {
  return (
    <div
      aria-hidden="true"
      className="pointer-events-none absolute"
      style={{
        left: layout.left + cell.column * layout.cell - 2,
        top: layout.top + cell.row * layout.cell - 2,
        width: layout.cell + 4,
        height: layout.cell + 4,
        border: `3px ${dashed ? "dashed" : "solid"} var(--ink, currentColor)`,
        boxShadow:
          "0 0 0 1px var(--canvas, transparent), inset 0 0 0 1px var(--canvas, transparent)",
      }}
    />
  );
}

function Labels({
  layout,
  rowLabels,
  columnLabels,
  rowTitle,
  columnTitle,
  highlight,
}: {
  layout: MatrixLayout;
  rowLabels: readonly string[];
  columnLabels: readonly string[];
  rowTitle: string;
  columnTitle: string;
  highlight: Cell | null;
}) {
  const { cell, left, top } = layout;
  return (
    <div aria-hidden="true" className="pointer-events-none text-xs leading-4">
      <span className="absolute whitespace-nowrap text-muted" style={{ left, top: 0 }}>
        {`${columnTitle} →`}
      </span>
      <span
        className="absolute whitespace-nowrap text-muted"
        style={{ left: 0, top: top - 16, width: left - 6, textAlign: "right" }}
      >
        {`${rowTitle} ↓`}
      </span>
      {columnLabels.map((label, j) =>
        j % layout.columnStride === 0 ? (
          <span
            key={`c${j}`}
            className={`absolute text-center ${highlight?.column === j ? "font-bold" : ""}`}
            style={{ left: left + j * cell, top: top - 18, width: cell }}
          >
            {label}
          </span>
        ) : null,
      )}
      {rowLabels.map((label, i) =>
        i % layout.rowStride === 0 ? (
          <span
            key={`r${i}`}
            className={`absolute whitespace-nowrap text-right ${highlight?.row === i ? "font-bold" : ""}`}
            style={{ left: 0, width: left - 6, top: top + (i + 0.5) * cell - 8 }}
          >
            {label}
          </span>
        ) : null,
      )}
    </div>
  );
}
