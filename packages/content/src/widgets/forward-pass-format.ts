import { formatNumber } from "@neuronlab/viz/format";
import type { FormatNumber } from "@neuronlab/viz/i18n";

/*
 * `fmt` is the page's number format (`useFormatNumber()` from @neuronlab/viz/i18n); without it the
 * numbers are written the English way.
 */

/** A number as it appears inside a sum: negative ones in brackets, "(−0.50)". */
export function term(value: number, decimals = 2, fmt: FormatNumber = formatNumber): string {
  const text = fmt(value, decimals);
  return text.startsWith("−") ? `(${text})` : text;
}

/**
 * A list of numbers as a vector: "(1.00, −0.50)"; where the decimal mark is a comma the entries
 * are separated by semicolons, "(1,00; −0,50)".
 */
export function vector(
  values: readonly number[],
  decimals = 2,
  fmt: FormatNumber = formatNumber,
): string {
  const separator = fmt(0.5, 1).includes(",") ? "; " : ", ";
  return `(${values.map((v) => fmt(v, decimals)).join(separator)})`;
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
