/**
 * Numbers as figures and their text alternatives print them: a fixed number of decimals, a true
 * minus sign (U+2212, which screen readers say as "minus"), no "-0", and the language's decimal
 * mark (a comma in German). No grouping of thousands, so a number reads the same in a formula.
 * In components, `useFormatNumber()` (i18n.tsx) passes the page's language.
 */
export function formatNumber(value: number, decimals = 2, locale = "en"): string {
  if (Number.isNaN(value)) return "not a number";
  if (!Number.isFinite(value)) return value > 0 ? "∞" : "−∞";
  const rounded = Number(value.toFixed(decimals));
  const text = Math.abs(rounded).toFixed(decimals);
  const local = decimalMark(locale) === "." ? text : text.replace(".", decimalMark(locale));
  return rounded < 0 ? `−${local}` : local;
}

const marks = new Map<string, string>();

/** The decimal mark of a language, from Intl ("." in English, "," in German). */
export function decimalMark(locale: string): string {
  let mark = marks.get(locale);
  if (mark === undefined) {
    mark =
      new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === "decimal")?.value ??
      ".";
    marks.set(locale, mark);
  }
  return mark;
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
