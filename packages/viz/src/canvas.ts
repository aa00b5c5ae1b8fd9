/**
 * Canvas helpers shared by the heavy figures. A canvas is sized in device pixels so it is sharp on
 * high-density screens, and grids are filled through ImageData, not one fillRect per cell.
 */

/** Resizes `canvas` to `width`×`height` CSS pixels at the device's pixel ratio; returns the context. */
export function prepareCanvas(
  canvas: HTMLCanvasElement,
  width: number,
  height: number,
): CanvasRenderingContext2D | null {
  const ratio = typeof window === "undefined" ? 1 : Math.min(window.devicePixelRatio || 1, 3);
  const w = Math.max(1, Math.round(width * ratio));
  const h = Math.max(1, Math.round(height * ratio));
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  const context = canvas.getContext("2d");
  context?.setTransform(ratio, 0, 0, ratio, 0, 0);
  return context;
}

/**
 * Writes a grid of `columns`×`rows` values (row-major, row 0 at the top) as RGBA pixels through a
 * colour lookup table (see `colorTable`). `index` maps a value to a table row.
 */
export function fillGrid(
  image: ImageData,
  values: ArrayLike<number>,
  columns: number,
  rows: number,
  table: Uint8ClampedArray,
  index: (value: number) => number,
  alpha = 255,
): void {
  const data = image.data;
  for (let k = 0; k < columns * rows; k++) {
    const t = 3 * index(values[k] ?? 0);
    const p = 4 * k;
    data[p] = table[t] ?? 0;
    data[p + 1] = table[t + 1] ?? 0;
    data[p + 2] = table[t + 2] ?? 0;
    data[p + 3] = alpha;
  }
}
