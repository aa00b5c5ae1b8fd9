/**
 * Colours of the course's figures. Signs are told apart by a blue/orange pair (safe for the
 * common red-green colour blindnesses) and always by a second cue too (dashes, labels), never by
 * colour alone. Values are CSS custom properties so light and dark themes can set them.
 */
export const palette = {
  positive: "var(--viz-positive, #1f6fb4)",
  negative: "var(--viz-negative, #c45a00)",
  neutral: "var(--viz-neutral, #6b7280)",
  ink: "var(--viz-ink, currentColor)",
  surface: "var(--viz-surface, transparent)",
} as const;

export function signColor(value: number): string {
  if (value > 0) return palette.positive;
  if (value < 0) return palette.negative;
  return palette.neutral;
}

/** Stroke width for a connection whose weight is `value`, relative to the largest magnitude. */
export function edgeWidth(value: number, maxMagnitude: number, min = 1, max = 7): number {
  if (!(maxMagnitude > 0) || !Number.isFinite(value)) return min;
  const t = Math.min(Math.abs(value) / maxMagnitude, 1);
  return min + t * (max - min);
}
