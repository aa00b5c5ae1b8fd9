import type { Locale } from "@neuronlab/config/locales";
import { exerciseIn } from "@neuronlab/content/course";
import { findExercise } from "@neuronlab/content/exercises/catalog";
import type { GradeResult } from "@neuronlab/content/exercises/schema";
import { formatNumber } from "@neuronlab/viz/format";
import { createTranslator } from "next-intl";
import { loadMessages } from "@/i18n/messages";

/** How many decimals a grading message prints each number with (as the figures do). */
const DECIMALS: Record<string, number> = { value: 4, tolerance: 4, loss: 3, goal: 3 };

/**
 * A grading result as the learner reads it: its feedback from the catalogue's "Grading"
 * messages and the exercise's explanation, both in `locale`, numbers with its decimal mark.
 */
export async function localizeGrade<T extends GradeResult>(
  result: T,
  locale: Locale,
): Promise<Omit<T, "feedback"> & { feedback: string }> {
  const t = createTranslator({
    locale,
    messages: await loadMessages(locale),
    namespace: "Grading",
  });
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(result.feedback.values ?? {})) {
    const decimals = DECIMALS[name];
    values[name] =
      typeof value === "number" && decimals !== undefined
        ? formatNumber(value, decimals, locale)
        : name === "steps" && typeof value === "number"
          ? new Intl.NumberFormat(locale).format(value)
          : value;
  }
  const found = findExercise(result.exerciseId);
  return {
    ...result,
    feedback: t(result.feedback.key, values),
    explanation: found ? exerciseIn(found.exercise, locale).explanation : result.explanation,
  };
}
