import { exerciseSchema, type Exercise } from "./schema.ts";
import type { ExerciseInput } from "./define.ts";
import activationFunctions from "./lessons/activation-functions.ts";
import aSingleNeuron from "./lessons/a-single-neuron.ts";
import backpropagation from "./lessons/backpropagation-and-gradient-descent.ts";
import introduction from "./lessons/introduction.ts";
import measuringError from "./lessons/measuring-error.ts";
import summary from "./lessons/summary.ts";
import theForwardPass from "./lessons/the-forward-pass.ts";
import whyDeepWorks from "./lessons/why-deep-works.ts";

/**
 * Every exercise of the course, by lesson slug, with its answer key. Server-side only: the web
 * app imports it in route handlers and server components, which send the browser `toPublic()`
 * views and grade answers here.
 */
const byLessonInput: Record<string, ExerciseInput[]> = {
  introduction,
  "a-single-neuron": aSingleNeuron,
  "activation-functions": activationFunctions,
  "the-forward-pass": theForwardPass,
  "measuring-error": measuringError,
  "backpropagation-and-gradient-descent": backpropagation,
  "why-deep-works": whyDeepWorks,
  summary,
};

export class ExerciseDefinitionError extends Error {
  override name = "ExerciseDefinitionError";
}

/** Validates every exercise and the rules across them (ids unique course-wide). */
export function buildCatalog(input: Record<string, ExerciseInput[]>): Map<string, Exercise[]> {
  const catalog = new Map<string, Exercise[]>();
  const seen = new Map<string, string>();
  for (const [lesson, raw] of Object.entries(input)) {
    const exercises = raw.map((item, index) => {
      const parsed = exerciseSchema.safeParse(item);
      if (!parsed.success) {
        const where = parsed.error.issues.map(
          (i) => `${i.path.join(".") || "(root)"}: ${i.message}`,
        );
        throw new ExerciseDefinitionError(`${lesson} exercise #${index}: ${where.join("; ")}`);
      }
      return parsed.data;
    });
    for (const exercise of exercises) {
      const other = seen.get(exercise.id);
      if (other !== undefined)
        throw new ExerciseDefinitionError(
          `Exercise id "${exercise.id}" is used in ${other} and ${lesson}.`,
        );
      seen.set(exercise.id, lesson);
    }
    catalog.set(lesson, exercises);
  }
  return catalog;
}

export const exercisesByLesson: ReadonlyMap<string, Exercise[]> = buildCatalog(byLessonInput);

const byId = new Map<string, { exercise: Exercise; lesson: string }>();
for (const [lesson, exercises] of exercisesByLesson)
  for (const exercise of exercises) byId.set(exercise.id, { exercise, lesson });

export function findExercise(id: string): { exercise: Exercise; lesson: string } | undefined {
  return byId.get(id);
}
