import "server-only";
import type { Locale } from "@neuronlab/config/locales";
import { exerciseIn } from "@neuronlab/content/course";
import { findExercise } from "@neuronlab/content/exercises/catalog";
import { exerciseAnchor } from "@neuronlab/content/anchors";
import { toPublic } from "@neuronlab/content/exercises/schema";
import { ExerciseCard } from "./exercise-card";

/**
 * The server half of an exercise (`<Exercise id>` in a lesson): looks the exercise up in the
 * catalog and hands the browser only its public view, in the page's language. The key and the
 * explanation stay here until an answer is graded.
 */
export function ExerciseBlock({ id, locale }: { id: string; locale: Locale }) {
  const found = findExercise(id);
  // The content build refuses a lesson that names an exercise it does not define.
  if (!found) throw new Error(`Unknown exercise "${id}".`);
  return (
    <ExerciseCard
      exercise={toPublic(exerciseIn(found.exercise, locale))}
      lesson={found.lesson}
      anchor={exerciseAnchor(id)}
    />
  );
}
