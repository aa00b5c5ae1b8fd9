import { z } from "@neuronlab/engine/schema";
import { slugSchema } from "../lesson-meta.ts";

/**
 * Exercises: their definitions (with answer keys, server-side only), the public view a page may
 * send to the browser, and the shape of a learner's answer. One schema each, so a lesson whose
 * exercise is malformed fails the content build rather than a learner.
 */

export const exerciseIdSchema = slugSchema;

const text = (max: number) => z.string().trim().min(1).max(max);
const choiceOption = z
  .object({ id: z.string().regex(/^[a-z0-9-]{1,32}$/), text: text(300) })
  .strict();

const common = {
  id: exerciseIdSchema,
  /** What the learner is asked, plain text (line breaks kept). */
  prompt: text(1200),
  /** Shown one at a time, on request, before answering. */
  hints: z.array(text(400)).min(1).max(4),
  /** Shown after every answer, right or wrong. */
  explanation: text(1600),
};

const choice = z
  .object({
    ...common,
    kind: z.literal("choice"),
    /** Several right options (checkboxes) or exactly one (radio buttons). */
    multiple: z.boolean(),
    options: z.array(choiceOption).min(2).max(8),
    correct: z.array(z.string()).min(1),
  })
  .strict();

const numeric = z
  .object({
    ...common,
    kind: z.literal("numeric"),
    answer: z.number(),
    /** Accepted absolute error. */
    tolerance: z.number().min(0),
    unit: z.string().trim().max(20).optional(),
  })
  .strict();

const ordering = z
  .object({
    ...common,
    kind: z.literal("ordering"),
    /** In the right order; the page shows them shuffled. */
    items: z.array(choiceOption).min(3).max(8),
  })
  .strict();

/** A widget and the plain-data props it is shown with. */
const figure = z
  .object({
    widget: z.string().regex(/^[A-Z][A-Za-z]+$/),
    props: z.record(z.string(), z.unknown()).default({}),
  })
  .strict();

const predict = z
  .object({
    ...common,
    kind: z.literal("predict"),
    options: z.array(choiceOption).min(2).max(6),
    correct: z.string(),
    /** Unlocked once the learner has committed to a guess, to run and see. */
    figure,
  })
  .strict();

const point = z
  .object({
    x: z.tuple([z.number(), z.number()]),
    label: z.union([z.literal(0), z.literal(1)]),
  })
  .strict();

/** Goals checked by re-running what the learner submits through the engine. */
const goal = z.discriminatedUnion("type", [
  z
    .object({
      /** Weights and bias of one sigmoid neuron putting every point on its side (a ≥ 0.5 is 1). */
      type: z.literal("neuron-separates"),
      points: z.array(point).min(2).max(40),
    })
    .strict(),
  z
    .object({
      /** A playground set-up whose test loss after training is at most `maxTestLoss`. */
      type: z.literal("playground"),
      maxTestLoss: z.number().positive(),
      /** Hidden neurons allowed at most (the "as few as you can" part). */
      maxHiddenNeurons: z.number().int().min(0).optional(),
      /** Training steps the server runs to check. */
      steps: z.number().int().min(1).max(20_000),
      /** Where the learner's playground starts (dataset, noise, …). */
      preset: z.record(z.string(), z.unknown()).default({}),
    })
    .strict(),
]);

const goalExercise = z.object({ ...common, kind: z.literal("goal"), goal }).strict();

export const exerciseSchema = z
  .discriminatedUnion("kind", [choice, numeric, ordering, predict, goalExercise])
  .superRefine((exercise, ctx) => {
    const ids = (options: { id: string }[]) => new Set(options.map((o) => o.id));
    const unique = (options: { id: string }[], path: string) => {
      if (ids(options).size !== options.length)
        ctx.addIssue({ code: "custom", path: [path], message: "option ids must be unique" });
    };
    switch (exercise.kind) {
      case "choice": {
        unique(exercise.options, "options");
        const known = ids(exercise.options);
        if (!exercise.correct.every((c) => known.has(c)))
          ctx.addIssue({
            code: "custom",
            path: ["correct"],
            message: "names an option that does not exist",
          });
        if (new Set(exercise.correct).size !== exercise.correct.length)
          ctx.addIssue({ code: "custom", path: ["correct"], message: "lists an option twice" });
        if (!exercise.multiple && exercise.correct.length !== 1)
          ctx.addIssue({
            code: "custom",
            path: ["correct"],
            message: "a single-answer question has exactly one right option",
          });
        return;
      }
      case "ordering":
        unique(exercise.items, "items");
        return;
      case "predict":
        unique(exercise.options, "options");
        if (!ids(exercise.options).has(exercise.correct))
          ctx.addIssue({
            code: "custom",
            path: ["correct"],
            message: "names an option that does not exist",
          });
        return;
      case "numeric":
      case "goal":
        return;
    }
  });

export type Exercise = z.infer<typeof exerciseSchema>;
export type ExerciseKind = Exercise["kind"];
export type ChoiceOption = z.infer<typeof choiceOption>;

/** What a learner sends. Validated at the boundary; nothing else reaches the grader. */
export const answerSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("choice"), selected: z.array(z.string().max(32)).max(8) }).strict(),
  z.object({ kind: z.literal("numeric"), value: z.number() }).strict(),
  z.object({ kind: z.literal("ordering"), order: z.array(z.string().max(32)).max(8) }).strict(),
  z.object({ kind: z.literal("predict"), selected: z.string().max(32) }).strict(),
  z
    .object({
      kind: z.literal("goal"),
      /** neuron-separates: two weights and a bias. */
      weights: z.array(z.number().min(-100).max(100)).length(2).optional(),
      bias: z.number().min(-100).max(100).optional(),
      /** playground: the learner's set-up, validated by the playground's own schema. */
      config: z.unknown().optional(),
    })
    .strict(),
]);

export type Answer = z.infer<typeof answerSchema>;

/** Everything about an exercise a page may show before it is answered: no key, no explanation. */
export type PublicExercise =
  | {
      id: string;
      kind: "choice";
      prompt: string;
      hints: string[];
      multiple: boolean;
      options: ChoiceOption[];
    }
  | { id: string; kind: "numeric"; prompt: string; hints: string[]; unit?: string }
  | { id: string; kind: "ordering"; prompt: string; hints: string[]; items: ChoiceOption[] }
  | {
      id: string;
      kind: "predict";
      prompt: string;
      hints: string[];
      options: ChoiceOption[];
      figure: { widget: string; props: Record<string, unknown> };
    }
  | {
      id: string;
      kind: "goal";
      prompt: string;
      hints: string[];
      goal:
        | { type: "neuron-separates"; points: { x: [number, number]; label: 0 | 1 }[] }
        | {
            type: "playground";
            maxTestLoss: number;
            maxHiddenNeurons?: number;
            steps: number;
            preset: Record<string, unknown>;
          };
    };

/** The result of grading one attempt, sent back after the answer. */
/**
 * What was right or wrong about an answer: a key of the platform's "Grading" messages and the
 * numbers and words it needs, so every language says it its own way.
 */
export type FeedbackKey =
  | "wrongKind"
  | "noneChosen"
  | "unknownOption"
  | "chooseOne"
  | "right"
  | "notThatOne"
  | "partlyRight"
  | "numericOff"
  | "orderIncomplete"
  | "rightOrder"
  | "inPlace"
  | "predictRight"
  | "predictWrong"
  | "sendNeuron"
  | "allPointsRight"
  | "pointsWrong"
  | "setupInvalid"
  | "tooManyNeurons"
  | "goalMissed"
  | "goalOverLimit"
  | "goalReached";

export interface Feedback {
  key: FeedbackKey;
  values?: Record<string, string | number>;
}

export interface GradeResult {
  exerciseId: string;
  correct: boolean;
  feedback: Feedback;
  /** The exercise's explanation in the source language (the platform shows the learner's). */
  explanation: string;
}

/** A stable shuffle that never leaves the items in their right order (for three or more). */
export function shuffledForDisplay<T extends { id: string }>(
  items: readonly T[],
  seed: string,
): T[] {
  let h = 2166136261;
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  const next = () => {
    h = Math.imul(h ^ (h >>> 15), 2246822507) >>> 0;
    h = Math.imul(h ^ (h >>> 13), 3266489909) >>> 0;
    h = (h ^ (h >>> 16)) >>> 0;
    return h / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  if (out.every((item, i) => item.id === items[i]?.id) && out.length > 1)
    out.push(out.shift() as T);
  return out;
}

export function toPublic(exercise: Exercise): PublicExercise {
  const { id, prompt, hints } = exercise;
  switch (exercise.kind) {
    case "choice":
      return {
        id,
        kind: "choice",
        prompt,
        hints,
        multiple: exercise.multiple,
        options: exercise.options,
      };
    case "numeric":
      return {
        id,
        kind: "numeric",
        prompt,
        hints,
        ...(exercise.unit ? { unit: exercise.unit } : {}),
      };
    case "ordering":
      return { id, kind: "ordering", prompt, hints, items: shuffledForDisplay(exercise.items, id) };
    case "predict":
      return {
        id,
        kind: "predict",
        prompt,
        hints,
        options: exercise.options,
        figure: exercise.figure,
      };
    case "goal": {
      const { goal } = exercise;
      return {
        id,
        kind: "goal",
        prompt,
        hints,
        goal:
          goal.type === "neuron-separates"
            ? { type: goal.type, points: goal.points }
            : {
                type: goal.type,
                maxTestLoss: goal.maxTestLoss,
                steps: goal.steps,
                preset: goal.preset,
                ...(goal.maxHiddenNeurons === undefined
                  ? {}
                  : { maxHiddenNeurons: goal.maxHiddenNeurons }),
              },
      };
    }
  }
}
