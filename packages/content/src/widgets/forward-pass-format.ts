import { formatNumber } from "@neuronlab/viz/format";

/** A number as it appears inside a sum: negative ones in brackets, "(−0.50)". */
export function term(value: number, decimals = 2): string {
  const text = formatNumber(value, decimals);
  return text.startsWith("−") ? `(${text})` : text;
}

/** A list of numbers as a vector: "(1.00, −0.50)". */
export function vector(values: readonly number[], decimals = 2): string {
  return `(${values.map((v) => formatNumber(v, decimals)).join(", ")})`;
}

/** `value` inside [min, max] on the control's grid, or `fallback` when it is not a number. */
export function onGrid(
  value: number | undefined,
  fallback: number,
  min: number,
  max: number,
  step: number,
): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  const clamped = Math.min(max, Math.max(min, value));
  return Number((Math.round(clamped / step) * step).toFixed(6)) || 0;
}

/** "⁽¹⁾": a layer index as a superscript in brackets. */
export function layerMark(index: number): string {
  const digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
  const sup = String(index)
    .split("")
    .map((d) => digits[Number(d)] ?? d)
    .join("");
  return `⁽${sup}⁾`;
}
