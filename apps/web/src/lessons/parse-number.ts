/**
 * Reads what a learner typed as a number: "0.5", "0,5" (a decimal comma), "-1.2e-3", "−2" (a
 * typographic minus), " 3 ". Anything else, including "", "1/2" and "Infinity", is null.
 */
export function parseNumberInput(text: string): number | null {
  const cleaned = text.replace(/\s/g, "").replace(/^[−–]/, "-").replace(",", ".");
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}
