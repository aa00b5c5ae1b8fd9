import type { Locale } from "@neuronlab/config/locales";
import { exerciseIn } from "@neuronlab/content/course";
import { findExercise } from "@neuronlab/content/exercises/catalog";
import { answerSchema } from "@neuronlab/content/exercises/schema";

/**
 * A stored answer as a teacher reads it: a number in the page's language, the chosen options'
 * own words, an order as a sequence. Anything else (a playground set-up) stays as its JSON.
 */
export function answerText(exerciseId: string, stored: unknown, locale: Locale): string {
  const parsed = answerSchema.safeParse(stored);
  if (!parsed.success) return JSON.stringify(stored);
  const answer = parsed.data;
  const found = findExercise(exerciseId);
  const exercise = found ? exerciseIn(found.exercise, locale) : undefined;
  const words = (ids: readonly string[]) => {
    const options =
      exercise?.kind === "choice" || exercise?.kind === "predict"
        ? exercise.options
        : exercise?.kind === "ordering"
          ? exercise.items
          : [];
    return ids.map((id) => options.find((o) => o.id === id)?.text ?? id);
  };
  switch (answer.kind) {
    case "numeric":
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 6 }).format(answer.value);
    case "choice":
      return words(answer.selected).join("; ");
    case "predict":
      return words([answer.selected]).join("");
    case "ordering":
      return words(answer.order).join(" → ");
    case "goal":
      return JSON.stringify(stored);
  }
}

/** A numeric answer's value; undefined for any other answer. */
export function numericAnswer(stored: unknown): number | undefined {
  const parsed = answerSchema.safeParse(stored);
  return parsed.success && parsed.data.kind === "numeric" ? parsed.data.value : undefined;
}
