import { scaleLinear } from "d3-scale";
import type { FormatNumber, VizT } from "./i18n.tsx";

/** The matrix's words, from the "WeightMatrix" messages. */
export type MatrixT = VizT<"WeightMatrix">;

/**
 * The weight-matrix heatmap apart from its drawing: cell size and label spacing for the width
 * offered, a colour extent that does not jump every training step, legend ticks, which cell a
 * pointer is over, keyboard movement between cells and the text alternative with its values.
 * Rows are a layer's inputs, columns its units, as in the kernel's row-major [inputs × units].
 */

export interface MatrixLayoutOptions {
  rows: number;
  columns: number;
  /** Width available in CSS pixels. */
  width: number;
  /** Longest row label, in characters (sets the room on the left). Default 3. */
  rowLabelChars?: number;
  /** Length of the rows' heading, which sits above the row labels. Default 0. */
  rowTitleChars?: number;
  /** Largest cell side. Default 48. */
  maxCell?: number;
  /** Smallest cell side; below it the heatmap scrolls sideways. Default 6. */
  minCell?: number;
  /** Tallest the grid gets before cells shrink (never below minCell). Default 480. */
  maxHeight?: number;
}

export interface MatrixLayout {
  readonly rows: number;
  readonly columns: number;
  /** Side of one cell in CSS pixels. */
  readonly cell: number;
  /** Room for row labels, left of the grid. */
  readonly left: number;
  /** Room for the column title and labels, above the grid. */
  readonly top: number;
  readonly gridWidth: number;
  readonly gridHeight: number;
  readonly width: number;
  readonly height: number;
  /** Label every n-th row / column so labels never overlap. */
  readonly rowStride: number;
  readonly columnStride: number;
  /** Cells are large enough to print their value in. */
  readonly showValues: boolean;
  /** Cells are large enough for separating lines. */
  readonly showGridLines: boolean;
  readonly scrolls: boolean;
}

const LABEL_HEIGHT = 16;
const LABEL_CHAR_WIDTH = 8;
/** Average width of a character of the 12 px titles. */
const TITLE_CHAR_WIDTH = 6.6;

export function matrixLayout(options: MatrixLayoutOptions): MatrixLayout {
  const rows = Math.max(1, Math.floor(options.rows));
  const columns = Math.max(1, Math.floor(options.columns));
  const maxCell = options.maxCell ?? 48;
  const minCell = Math.min(maxCell, options.minCell ?? 6);
  const maxHeight = options.maxHeight ?? 480;
  const left = Math.max(
    32,
    Math.ceil((options.rowLabelChars ?? 3) * LABEL_CHAR_WIDTH + 12),
    Math.ceil((options.rowTitleChars ?? 0) * TITLE_CHAR_WIDTH + 8),
  );
  const top = 2 * LABEL_HEIGHT + 6;
  const offered = Number.isFinite(options.width) && options.width > 0 ? options.width : 0;
  const byWidth = Math.floor((offered - left - 2) / columns);
  const byHeight = Math.floor(maxHeight / rows);
  const cell = Math.max(minCell, Math.min(maxCell, byWidth, Math.max(byHeight, minCell)));
  const gridWidth = cell * columns;
  const gridHeight = cell * rows;
  const width = left + gridWidth + 2;
  return {
    rows,
    columns,
    cell,
    left,
    top,
    gridWidth,
    gridHeight,
    width,
    height: top + gridHeight + 2,
    rowStride: Math.max(1, Math.ceil(LABEL_HEIGHT / cell)),
    columnStride: Math.max(1, Math.ceil(30 / cell)),
    showValues: cell >= 40,
    showGridLines: cell >= 10,
    scrolls: width > offered + 0.5,
  };
}

/**
 * A symmetric colour extent that covers every weight and moves in round steps (0.5, 1, 2, …),
 * so the legend does not jump with every training step.
 */
export function niceExtent(values: Iterable<number>): number {
  let max = 0;
  for (const value of values) {
    const v = Math.abs(value);
    if (Number.isFinite(v) && v > max) max = v;
  }
  if (max === 0) return 1;
  const [, upper] = scaleLinear().domain([0, max]).nice(4).domain();
  return upper ?? max;
}

/** Five ticks under the legend: −extent, −extent/2, 0, extent/2, extent. */
export function legendTicks(extent: number): number[] {
  return [-extent, -extent / 2, 0, extent / 2, extent];
}

/** Fewest decimals (at most 3) that print the legend's ticks exactly. */
export function legendDecimals(extent: number): number {
  const half = Math.abs(extent / 2);
  for (let d = 0; d < 3; d++) {
    const scaled = half * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-9) return d;
  }
  return 3;
}

export interface Cell {
  readonly row: number;
  readonly column: number;
}

/** The cell under a point given in pixels from the grid's top-left corner, or null. */
export function cellAt(x: number, y: number, layout: MatrixLayout): Cell | null {
  if (!(x >= 0 && y >= 0 && x < layout.gridWidth && y < layout.gridHeight)) return null;
  return { row: Math.floor(y / layout.cell), column: Math.floor(x / layout.cell) };
}

/**
 * Keyboard movement: arrows by one cell, Home/End to the row's ends, PageUp/PageDown to the
 * column's ends. Returns undefined for keys the heatmap leaves alone.
 */
export function moveCell(
  cell: Cell | null,
  key: string,
  rows: number,
  columns: number,
): Cell | undefined {
  const clamp = (row: number, column: number): Cell => ({
    row: Math.max(0, Math.min(rows - 1, row)),
    column: Math.max(0, Math.min(columns - 1, column)),
  });
  const moves = [
    "ArrowUp",
    "ArrowDown",
    "ArrowLeft",
    "ArrowRight",
    "Home",
    "End",
    "PageUp",
    "PageDown",
  ];
  if (!moves.includes(key)) return undefined;
  if (!cell) return clamp(0, 0);
  switch (key) {
    case "ArrowUp":
      return clamp(cell.row - 1, cell.column);
    case "ArrowDown":
      return clamp(cell.row + 1, cell.column);
    case "ArrowLeft":
      return clamp(cell.row, cell.column - 1);
    case "ArrowRight":
      return clamp(cell.row, cell.column + 1);
    case "Home":
      return clamp(cell.row, 0);
    case "End":
      return clamp(cell.row, columns - 1);
    case "PageUp":
      return clamp(0, cell.column);
    default:
      return clamp(rows - 1, cell.column);
  }
}

export interface MatrixText {
  kernel: ArrayLike<number>;
  rows: number;
  columns: number;
  rowLabels: readonly string[];
  columnLabels: readonly string[];
  /** What the matrix belongs to, e.g. "hidden layer 1". */
  name: string;
}

/** "x₂ → h₅: w = −0.41" */
export function cellText(m: MatrixText, cell: Cell, t: MatrixT, fmt: FormatNumber): string {
  const value = m.kernel[cell.row * m.columns + cell.column] ?? Number.NaN;
  return t("cell", {
    row: m.rowLabels[cell.row] ?? cell.row + 1,
    column: m.columnLabels[cell.column] ?? cell.column + 1,
    value: fmt(value),
  });
}

/** The text alternative: shape, range with where the extremes are, mean size, and small matrices in full. */
export function describeMatrix(m: MatrixText, t: MatrixT, fmt: FormatNumber): string {
  const count = m.rows * m.columns;
  let minK = 0;
  let maxK = 0;
  let sumAbs = 0;
  for (let k = 0; k < count; k++) {
    const v = m.kernel[k] ?? 0;
    if (v < (m.kernel[minK] ?? 0)) minK = k;
    if (v > (m.kernel[maxK] ?? 0)) maxK = k;
    sumAbs += Math.abs(v);
  }
  const at = (k: number) =>
    `${m.rowLabels[Math.floor(k / m.columns)] ?? ""} → ${m.columnLabels[k % m.columns] ?? ""}`;
  const parts = [
    t("describeShape", { name: m.name, rows: m.rows, columns: m.columns }),
    t("describeRange", {
      min: fmt(m.kernel[minK] ?? Number.NaN),
      minAt: at(minK),
      max: fmt(m.kernel[maxK] ?? Number.NaN),
      maxAt: at(maxK),
      mean: fmt(sumAbs / Math.max(1, count)),
    }),
  ];
  if (count <= 24) {
    // The language's list separator: "; " in German, where the comma is the decimal mark.
    const separator = t("listSeparator");
    for (let i = 0; i < m.rows; i++) {
      const row = Array.from({ length: m.columns }, (_, j) =>
        fmt(m.kernel[i * m.columns + j] ?? Number.NaN),
      );
      parts.push(t("describeRow", { label: m.rowLabels[i] ?? i + 1, values: row.join(separator) }));
    }
  }
  return parts.join(" ");
}

/** Black or white, whichever reads better on a cell of colour [r, g, b]. */
export function inkOn([r, g, b]: readonly [number, number, number]): "#000000" | "#ffffff" {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  // Contrast against white (1.05 / (L + 0.05)) beats black ((L + 0.05) / 0.05) below L ≈ 0.179.
  return luminance > 0.179 ? "#000000" : "#ffffff";
}
