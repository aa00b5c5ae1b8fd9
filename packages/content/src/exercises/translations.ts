import { z } from "@neuronlab/engine/schema";
import { exerciseSchema, type Exercise } from "./schema.ts";

/**
 * An exercise's words in another language (exercises/<locale>/<lesson>.json, keyed by exercise
 * id): prompt, hints, explanation, option and item texts, unit. Everything else (ids, answer
 * keys, figures, goals) stays the source's, so one key grades every language.
 */

const line = z.string().trim().min(1);

export const exerciseTextSchema = z
  .object({
    prompt: line,
    hints: z.array(line),
    explanation: line,
    options: z.record(z.string(), line).optional(),
    items: z.record(z.string(), line).optional(),
    unit: line.optional(),
  })
  .strict();

export type ExerciseText = z.infer<typeof exerciseTextSchema>;

/** One lesson's translated exercise texts, by exercise id. */
export const lessonExerciseTextsSchema = z.record(z.string(), exerciseTextSchema);

/** The source exercise with the translation's words in place. */
export function translateExercise(exercise: Exercise, text: ExerciseText): Exercise {
  const words = (options: { id: string; text: string }[], texts: Record<string, string> = {}) =>
    options.map((o) => ({ id: o.id, text: texts[o.id] ?? o.text }));
  const base = {
    ...exercise,
    prompt: text.prompt,
    hints: text.hints,
    explanation: text.explanation,
  };
  switch (base.kind) {
    case "choice":
    case "predict":
      return { ...base, options: words(base.options, text.options) };
    case "ordering":
      return { ...base, items: words(base.items, text.items) };
    case "numeric":
      return text.unit === undefined ? base : { ...base, unit: text.unit };
    case "goal":
      return base;
  }
}

/**
 * What is wrong with one lesson's translated texts (`file` names it in messages): an exercise
 * missing or unknown, a hint count, option or item ids, a unit that differ from the source, or a
 * text over the source schema's limits.
 */
export function exerciseTextProblems(
  file: string,
  exercises: readonly Exercise[],
  raw: unknown,
): { problems: string[]; texts: Record<string, ExerciseText> } {
  const parsed = lessonExerciseTextsSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map(
        (i) => `${file}: ${i.path.join(".") || "(root)"}: ${i.message}`,
      ),
      texts: {},
    };
  }
  const texts = parsed.data;
  const problems: string[] = [];
  const known = new Set(exercises.map((e) => e.id));
  for (const id of Object.keys(texts))
    if (!known.has(id)) problems.push(`${file}: "${id}" is not one of this lesson's exercises`);
  for (const exercise of exercises) {
    const text = texts[exercise.id];
    const where = `${file}: "${exercise.id}"`;
    if (!text) {
      problems.push(`${where} has no translation`);
      continue;
    }
    if (text.hints.length !== exercise.hints.length)
      problems.push(
        `${where}: ${text.hints.length} hints; the source has ${exercise.hints.length}`,
      );
    const sameIds = (what: string, source: { id: string }[], given?: Record<string, string>) => {
      const want = source
        .map((o) => o.id)
        .sort()
        .join(", ");
      const got = Object.keys(given ?? {})
        .sort()
        .join(", ");
      if (want !== got) problems.push(`${where}: ${what} ${got || "none"}; the source has ${want}`);
    };
    const noneOf = (what: string, given: unknown) => {
      if (given !== undefined)
        problems.push(`${where}: has ${what}, which a ${exercise.kind} exercise does not`);
    };
    switch (exercise.kind) {
      case "choice":
      case "predict":
        sameIds("options", exercise.options, text.options);
        noneOf("items", text.items);
        noneOf("a unit", text.unit);
        break;
      case "ordering":
        sameIds("items", exercise.items, text.items);
        noneOf("options", text.options);
        noneOf("a unit", text.unit);
        break;
      case "numeric":
        if ((exercise.unit === undefined) !== (text.unit === undefined))
          problems.push(
            `${where}: ${exercise.unit === undefined ? "has a unit the source does not" : "lacks the source's unit"}`,
          );
        noneOf("options", text.options);
        noneOf("items", text.items);
        break;
      case "goal":
        noneOf("options", text.options);
        noneOf("items", text.items);
        noneOf("a unit", text.unit);
        break;
    }
    const translated = exerciseSchema.safeParse(translateExercise(exercise, text));
    if (!translated.success)
      for (const issue of translated.error.issues)
        problems.push(`${where}: ${issue.path.join(".")}: ${issue.message}`);
  }
  return { problems, texts };
}
