import { range } from "d3-array";
import { scalePoint } from "d3-scale";

/**
 * Where the neurons and connections of a dense network go on screen. Columns are layers (the
 * input first), rows are neurons. The drawing keeps its numbers readable: when the width offered
 * is too narrow for the columns, the layout grows wider than it and says so (`scrolls`), so the
 * figure can scroll sideways instead of squeezing nodes on top of each other.
 */

export interface NetworkLayoutOptions {
  /** Width available in CSS pixels. */
  width: number;
  /** Closest two column centres may be; below it the layout scrolls. Default 46. */
  minColumnGap?: number;
  /** Widest gap between column centres; wide screens centre the drawing instead. Default 170. */
  maxColumnGap?: number;
  /** Columns with more neurons than this show the first ones, an ellipsis and the last. Default 12. */
  maxVisible?: number;
  /** Room above the columns for their labels. Default 36. */
  top?: number;
  /** Room below the columns. Default 12. */
  bottom?: number;
  /** Least room left and right of the outer columns (more when nodes are large). Default 20. */
  side?: number;
}

export interface NodePosition {
  /** Column: 0 is the input, 1… the dense layers. */
  readonly layer: number;
  /** The neuron's index in its layer (not its position among the visible ones). */
  readonly index: number;
  readonly x: number;
  readonly y: number;
}

export interface EdgePosition {
  /** Column the connection enters (≥ 1); its weight is in that dense layer's kernel. */
  readonly layer: number;
  /** Neuron index in column `layer − 1`. */
  readonly from: number;
  /** Neuron index in column `layer`. */
  readonly to: number;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

export interface NetworkLayout {
  readonly width: number;
  readonly height: number;
  /** Radius of every node. */
  readonly radius: number;
  /** Distance between neighbouring column centres. */
  readonly columnGap: number;
  /** x of each column's centre. */
  readonly columns: readonly number[];
  /** Visible nodes per column, top to bottom. */
  readonly nodes: readonly (readonly NodePosition[])[];
  /** Connections per entered column: `edges[l − 1]` enter column l. */
  readonly edges: readonly (readonly EdgePosition[])[];
  /** Where a column's "⋮" marker goes when some of its neurons are left out, else null. */
  readonly ellipses: readonly ({ x: number; y: number; hidden: number } | null)[];
  /** True when the layout is wider than the width offered. */
  readonly scrolls: boolean;
}

/** The neuron indices a column shows: all of them, or the first ones and the last. */
export function visibleIndices(size: number, maxVisible: number): number[] {
  const n = Math.max(0, Math.floor(size));
  const max = Math.max(2, Math.floor(maxVisible));
  if (n <= max) return range(n);
  return [...range(max - 1), n - 1];
}

const MIN_RADIUS = 12;
const MAX_RADIUS = 22;
/** Beyond the radius: the dashed gradient ring and the focus ring drawn around a node. */
const RING_ROOM = 10;

export function networkLayout(
  sizes: readonly number[],
  options: NetworkLayoutOptions,
): NetworkLayout {
  const minGap = options.minColumnGap ?? 46;
  const maxGap = Math.max(minGap, options.maxColumnGap ?? 170);
  const maxVisible = options.maxVisible ?? 12;
  const top = options.top ?? 36;
  const bottom = options.bottom ?? 12;
  const side = options.side ?? 20;
  const offered = Number.isFinite(options.width) && options.width > 0 ? options.width : 0;
  const count = sizes.length;

  const shown = sizes.map((size) => visibleIndices(size, maxVisible));
  // A column with hidden neurons needs one extra row for its ellipsis.
  const rowsOf = (c: number) =>
    (shown[c]?.length ?? 0) + ((sizes[c] ?? 0) > (shown[c]?.length ?? 0) ? 1 : 0);
  const maxRows = Math.max(1, ...range(count).map(rowsOf));

  const gapFor = (margin: number) => {
    const fit = count > 1 ? (offered - 2 * margin) / (count - 1) : maxGap;
    return count > 1 ? Math.min(maxGap, Math.max(minGap, fit)) : 0;
  };
  const radiusFor = (gap: number) =>
    Math.max(MIN_RADIUS, Math.min(MAX_RADIUS, count > 1 ? gap * 0.34 : MAX_RADIUS));
  // The outer columns need room for a node's rings (gradient and focus) and its heading.
  const margin = Math.max(side, radiusFor(gapFor(side)) + RING_ROOM);
  const columnGap = gapFor(margin);
  const radius = radiusFor(columnGap);
  const drawnWidth = count > 1 ? 2 * margin + columnGap * (count - 1) : 2 * margin + 2 * radius;
  const width = Math.max(offered, drawnWidth);
  const scrolls = drawnWidth > offered + 0.5;

  const rowGap = 2 * radius + Math.max(10, radius * 0.6);
  const height = top + radius * 2 + (maxRows - 1) * rowGap + bottom;
  const middle = top + radius + ((maxRows - 1) * rowGap) / 2;

  const left = (width - drawnWidth) / 2 + margin;
  const x = scalePoint<number>()
    .domain(range(count))
    .range([left, left + columnGap * Math.max(0, count - 1)]);
  const columns = range(count).map((c) => (count > 1 ? (x(c) ?? 0) : width / 2));

  const nodes: NodePosition[][] = [];
  const ellipses: ({ x: number; y: number; hidden: number } | null)[] = [];
  for (let c = 0; c < count; c++) {
    const visible = shown[c] ?? [];
    const rows = rowsOf(c);
    const y = scalePoint<number>()
      .domain(range(rows))
      .range([middle - ((rows - 1) * rowGap) / 2, middle + ((rows - 1) * rowGap) / 2]);
    const cx = columns[c] ?? 0;
    const hidden = (sizes[c] ?? 0) - visible.length;
    const column: NodePosition[] = visible.map((index, k) => {
      // The last visible neuron sits below the ellipsis row when some are hidden.
      const row = hidden > 0 && k === visible.length - 1 ? rows - 1 : k;
      return { layer: c, index, x: cx, y: rows > 1 ? (y(row) ?? middle) : middle };
    });
    nodes.push(column);
    ellipses.push(hidden > 0 ? { x: cx, y: y(rows - 2) ?? middle, hidden } : null);
  }

  const edges: EdgePosition[][] = [];
  for (let c = 1; c < count; c++) {
    const into: EdgePosition[] = [];
    for (const target of nodes[c] ?? []) {
      for (const source of nodes[c - 1] ?? []) {
        // Lines start and end on the circles' rims, pointing at each other.
        const dx = target.x - source.x;
        const dy = target.y - source.y;
        const length = Math.hypot(dx, dy) || 1;
        const ux = (dx / length) * radius;
        const uy = (dy / length) * radius;
        into.push({
          layer: c,
          from: source.index,
          to: target.index,
          x1: source.x + ux,
          y1: source.y + uy,
          x2: target.x - ux,
          y2: target.y - uy,
        });
      }
    }
    edges.push(into);
  }

  return { width, height, radius, columnGap, columns, nodes, edges, ellipses, scrolls };
}
