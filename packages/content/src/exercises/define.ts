import type { z } from "zod";
import type { exerciseSchema } from "./schema.ts";

export type ExerciseInput = z.input<typeof exerciseSchema>;

/** Types a lesson's exercise list for the editor; the catalog validates it with the schema. */
export function defineExercises(exercises: ExerciseInput[]): ExerciseInput[] {
  return exercises;
}
