/**
 * Numbers as figures and their text alternatives print them: a fixed number of decimals, a true
 * minus sign (U+2212, which screen readers say as "minus"), and no "-0".
 */
export function formatNumber(value: number, decimals = 2): string {
  if (Number.isNaN(value)) return "not a number";
  if (!Number.isFinite(value)) return value > 0 ? "∞" : "−∞";
  const rounded = Number(value.toFixed(decimals));
  const text = Math.abs(rounded).toFixed(decimals);
  return rounded < 0 ? `−${text}` : text;
}

/** "x₁", "w₃": subscripted names the lessons use for inputs and weights (1-based). */
export function subscript(name: string, index: number): string {
  const digits = "₀₁₂₃₄₅₆₇₈₉";
  const sub = String(index)
    .split("")
    .map((d) => digits[Number(d)] ?? d)
    .join("");
  return `${name}${sub}`;
}
