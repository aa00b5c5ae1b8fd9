import {
  DEFAULT_CONFIG,
  encodeConfig,
  hiddenNeuronCount,
  playgroundConfigSchema,
  resolveConfig,
  type PlaygroundConfig,
} from "../widgets/playground/config.ts";
import {
  MAX_TRAIN_STEPS,
  trainPlayground,
  type PlaygroundResult,
} from "../widgets/playground/run.ts";
import type { Answer, Exercise, FeedbackKey, GradeResult } from "./schema.ts";

export type { PlaygroundResult };

/**
 * Playground goals, graded in two parts so the expensive one can run elsewhere (a worker thread):
 * `planPlaygroundGoal` (cheap, on the request) checks the set-up against the goal's own limits
 * and either grades it at once or says exactly what to train; `trainGoal` (pure, the expensive
 * part) trains it; `gradeGoalRun` turns the measured run into the learner's result.
 *
 * What one training may cost is bounded by the goal, not by the submission: the steps come from
 * the goal, a set-up with more hidden neurons than the goal allows is graded wrong without
 * training, and every other field is held to the bounds of the playground's own controls (its
 * schema: at most 7 features, 6 layers of 8 units, batches of 100, 500 points).
 */

export type PlaygroundGoalExercise = Extract<Exercise, { kind: "goal" }> & {
  goal: Extract<Extract<Exercise, { kind: "goal" }>["goal"], { type: "playground" }>;
};

/** Exactly what the server trains for one submission: plain data, so it can go to a worker. */
export interface GoalTraining {
  /** The whole, validated set-up (the goal's preset under the learner's changes), canonical. */
  config: PlaygroundConfig;
  /** From the goal, never from the learner. */
  steps: number;
}

export function isPlaygroundGoal(exercise: Exercise): exercise is PlaygroundGoalExercise {
  return exercise.kind === "goal" && exercise.goal.type === "playground";
}

function gradeResult(
  exercise: Exercise,
  correct: boolean,
  key: FeedbackKey,
  values?: Record<string, number>,
): GradeResult {
  return {
    exerciseId: exercise.id,
    correct,
    feedback: values ? { key, values } : { key },
    explanation: exercise.explanation,
  };
}

/**
 * What a submitted playground set-up needs: a result right away (it is not a valid set-up, or it
 * breaks the goal's neuron limit, which training cannot change), or a training. View-only fields
 * (which never change the numbers) are reset, so equal set-ups give equal trainings.
 */
export function planPlaygroundGoal(
  exercise: PlaygroundGoalExercise,
  answer: Extract<Answer, { kind: "goal" }>,
): { graded: GradeResult } | { training: GoalTraining } {
  const { goal } = exercise;
  // The goal's preset fills in what the learner's set-up leaves out; the whole must then be valid.
  const parsed = playgroundConfigSchema.safeParse({
    ...resolveConfig(goal.preset),
    ...(isRecord(answer.config) ? answer.config : {}),
  });
  if (!parsed.success) {
    return {
      graded: gradeResult(exercise, false, "setupInvalid"),
    };
  }
  const neurons = hiddenNeuronCount(parsed.data);
  if (goal.maxHiddenNeurons !== undefined && neurons > goal.maxHiddenNeurons) {
    return {
      graded: gradeResult(exercise, false, "tooManyNeurons", {
        neurons,
        limit: goal.maxHiddenNeurons,
      }),
    };
  }
  return {
    training: {
      config: {
        ...parsed.data,
        discretize: DEFAULT_CONFIG.discretize,
        showTestData: DEFAULT_CONFIG.showTestData,
      },
      steps: goal.steps,
    },
  };
}

/**
 * Trains one planned set-up: the expensive part, pure and deterministic (float64 kernels, every
 * random part from the seed), so any thread gives the same numbers. The training is checked
 * again here, since it may have crossed a thread boundary.
 */
export function trainGoal(training: GoalTraining): PlaygroundResult {
  if (!Number.isInteger(training.steps) || training.steps < 1 || training.steps > MAX_TRAIN_STEPS)
    throw new RangeError(`steps must be a whole number from 1 to ${MAX_TRAIN_STEPS}.`);
  return trainPlayground(playgroundConfigSchema.parse(training.config), training.steps, {
    kernel: "float64",
  });
}

/** One key per distinct training: the same key always means the same numbers. */
export function goalTrainingKey(exerciseId: string, training: GoalTraining): string {
  return `${exerciseId}\u0000${training.steps}\u0000${encodeConfig(training.config)}`;
}

/** The learner's result for a trained set-up. */
export function gradeGoalRun(exercise: PlaygroundGoalExercise, run: PlaygroundResult): GradeResult {
  const { goal } = exercise;
  const values = { loss: run.testLoss, steps: run.steps, neurons: run.hiddenNeurons };
  if (!(run.testLoss <= goal.maxTestLoss))
    return gradeResult(exercise, false, "goalMissed", { ...values, goal: goal.maxTestLoss });
  // Planning refuses these before training; kept so a run alone can never pass over the limit.
  if (goal.maxHiddenNeurons !== undefined && run.hiddenNeurons > goal.maxHiddenNeurons)
    return gradeResult(exercise, false, "goalOverLimit", {
      ...values,
      limit: goal.maxHiddenNeurons,
    });
  return gradeResult(exercise, true, "goalReached", values);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
