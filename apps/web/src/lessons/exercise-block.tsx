import "server-only";
import { findExercise } from "@neuronlab/content/exercises/catalog";
import { exerciseAnchor } from "@neuronlab/content/anchors";
import { toPublic } from "@neuronlab/content/exercises/schema";
import { ExerciseCard } from "./exercise-card";

/**
 * The server half of an exercise: looks the exercise up in the catalog and hands the browser
 * only its public view. The key and the explanation stay here until an answer is graded.
 */
export function ExerciseBlock({ id, lesson }: { id: string; lesson: string }) {
  const found = findExercise(id);
  // The content build refuses a lesson that names an exercise it does not define.
  if (!found) throw new Error(`Unknown exercise "${id}" in lesson "${lesson}".`);
  return (
    <ExerciseCard exercise={toPublic(found.exercise)} lesson={lesson} anchor={exerciseAnchor(id)} />
  );
}
