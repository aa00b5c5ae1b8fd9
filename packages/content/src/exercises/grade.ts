import { Neuron } from "@neuronlab/engine/neuron";
import {
  gradeGoalRun,
  isPlaygroundGoal,
  planPlaygroundGoal,
  trainGoal,
  type GoalTraining,
  type PlaygroundGoalExercise,
} from "./goal.ts";
import type { Answer, Exercise, Feedback, FeedbackKey, GradeResult } from "./schema.ts";

/**
 * Grades one answer against an exercise's key. Runs on the server only: the keys never leave it.
 * A malformed answer (wrong kind, an option that does not exist) is graded wrong with a message
 * saying why, never thrown, so no request shape can turn into a server error.
 */
export function gradeAnswer(exercise: Exercise, answer: Answer): GradeResult {
  const plan = planGrade(exercise, answer);
  return "graded" in plan ? plan.graded : gradeGoalRun(plan.exercise, trainGoal(plan.training));
}

/**
 * What grading an answer takes: its result, when that is cheap (every kind but a playground goal
 * that passes its goal's limits), or the one training that decides it. A server runs the
 * training where it likes (`trainGoal`, e.g. in a worker) and finishes with `gradeGoalRun`.
 */
export type GradePlan =
  { graded: GradeResult } | { exercise: PlaygroundGoalExercise; training: GoalTraining };

export function planGrade(exercise: Exercise, answer: Answer): GradePlan {
  if (isPlaygroundGoal(exercise) && answer.kind === "goal") {
    const plan = planPlaygroundGoal(exercise, answer);
    return "graded" in plan ? plan : { exercise, training: plan.training };
  }
  return { graded: gradeNow(exercise, answer) };
}

type Result = (
  correct: boolean,
  key: FeedbackKey,
  values?: Record<string, string | number>,
) => GradeResult;

export function feedback(key: FeedbackKey, values?: Record<string, string | number>): Feedback {
  return values ? { key, values } : { key };
}

/** Grades an answer here and now (a playground goal trains on this thread). */
function gradeNow(exercise: Exercise, answer: Answer): GradeResult {
  const result: Result = (correct, key, values) => ({
    exerciseId: exercise.id,
    correct,
    feedback: feedback(key, values),
    explanation: exercise.explanation,
  });
  if (answer.kind !== exercise.kind) {
    return result(false, "wrongKind", { expected: exercise.kind, sent: answer.kind });
  }
  switch (exercise.kind) {
    case "choice": {
      const { selected } = answer as Extract<Answer, { kind: "choice" }>;
      const known = new Set(exercise.options.map((o) => o.id));
      if (selected.length === 0) return result(false, "noneChosen");
      if (!selected.every((s) => known.has(s))) return result(false, "unknownOption");
      if (!exercise.multiple && selected.length > 1) return result(false, "chooseOne");
      const right = new Set(exercise.correct);
      const chosen = new Set(selected);
      const hits = [...chosen].filter((s) => right.has(s)).length;
      const wrong = chosen.size - hits;
      if (hits === right.size && wrong === 0) return result(true, "right");
      if (!exercise.multiple) return result(false, "notThatOne");
      return result(false, "partlyRight", { hits, total: right.size, wrong });
    }
    case "numeric": {
      const { value } = answer as Extract<Answer, { kind: "numeric" }>;
      const error = Math.abs(value - exercise.answer);
      // A hair of slack for the decimal rounding of the key itself.
      if (error <= exercise.tolerance + 1e-12) return result(true, "right");
      return result(false, "numericOff", { value, tolerance: exercise.tolerance });
    }
    case "ordering": {
      const { order } = answer as Extract<Answer, { kind: "ordering" }>;
      const want = exercise.items.map((i) => i.id);
      if (
        order.length !== want.length ||
        new Set(order).size !== want.length ||
        !order.every((id) => want.includes(id))
      )
        return result(false, "orderIncomplete");
      const inPlace = order.filter((id, i) => id === want[i]).length;
      if (inPlace === want.length) return result(true, "rightOrder");
      return result(false, "inPlace", { inPlace, total: want.length });
    }
    case "predict": {
      const { selected } = answer as Extract<Answer, { kind: "predict" }>;
      if (!exercise.options.some((o) => o.id === selected)) return result(false, "unknownOption");
      return selected === exercise.correct
        ? result(true, "predictRight")
        : result(false, "predictWrong");
    }
    case "goal":
      return gradeGoal(exercise, answer as Extract<Answer, { kind: "goal" }>, result);
  }
}

function gradeGoal(
  exercise: Extract<Exercise, { kind: "goal" }>,
  answer: Extract<Answer, { kind: "goal" }>,
  result: Result,
): GradeResult {
  const { goal } = exercise;
  if (goal.type === "neuron-separates") {
    if (!answer.weights || answer.bias === undefined) return result(false, "sendNeuron");
    const neuron = new Neuron({
      weights: answer.weights,
      bias: answer.bias,
      activation: "sigmoid",
    });
    const wrong = goal.points.filter((p) => (neuron.call(p.x).a >= 0.5 ? 1 : 0) !== p.label).length;
    if (wrong === 0) return result(true, "allPointsRight", { total: goal.points.length });
    return result(false, "pointsWrong", { wrong, total: goal.points.length });
  }
  const plan = planPlaygroundGoal(exercise as PlaygroundGoalExercise, answer);
  if ("graded" in plan) return plan.graded;
  return gradeGoalRun(exercise as PlaygroundGoalExercise, trainGoal(plan.training));
}
