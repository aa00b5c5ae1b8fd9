import { Neuron } from "@neuronlab/engine/neuron";
import { formatNumber } from "@neuronlab/viz/format";
import {
  gradeGoalRun,
  isPlaygroundGoal,
  planPlaygroundGoal,
  trainGoal,
  type GoalTraining,
  type PlaygroundGoalExercise,
} from "./goal.ts";
import type { Answer, Exercise, GradeResult } from "./schema.ts";

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

/** Grades an answer here and now (a playground goal trains on this thread). */
function gradeNow(exercise: Exercise, answer: Answer): GradeResult {
  const result = (correct: boolean, feedback: string): GradeResult => ({
    exerciseId: exercise.id,
    correct,
    feedback,
    explanation: exercise.explanation,
  });
  if (answer.kind !== exercise.kind) {
    return result(
      false,
      `This is a ${exercise.kind} question; the answer sent was for a ${answer.kind} one.`,
    );
  }
  switch (exercise.kind) {
    case "choice": {
      const { selected } = answer as Extract<Answer, { kind: "choice" }>;
      const known = new Set(exercise.options.map((o) => o.id));
      if (selected.length === 0) return result(false, "No option was chosen.");
      if (!selected.every((s) => known.has(s)))
        return result(false, "That option is not one of this question's.");
      if (!exercise.multiple && selected.length > 1)
        return result(false, "Choose exactly one option.");
      const right = new Set(exercise.correct);
      const chosen = new Set(selected);
      const hits = [...chosen].filter((s) => right.has(s)).length;
      const wrong = chosen.size - hits;
      if (hits === right.size && wrong === 0) return result(true, "Right.");
      if (!exercise.multiple) return result(false, "Not that one.");
      return result(
        false,
        `${hits} of the ${right.size} right options chosen${wrong > 0 ? `, and ${wrong} that ${wrong === 1 ? "is" : "are"} not right` : ""}.`,
      );
    }
    case "numeric": {
      const { value } = answer as Extract<Answer, { kind: "numeric" }>;
      const error = Math.abs(value - exercise.answer);
      // A hair of slack for the decimal rounding of the key itself.
      if (error <= exercise.tolerance + 1e-12) return result(true, "Right.");
      return result(
        false,
        `${formatNumber(value, 4)} is not it: answers within ${formatNumber(exercise.tolerance, 4)} of the right value count.`,
      );
    }
    case "ordering": {
      const { order } = answer as Extract<Answer, { kind: "ordering" }>;
      const want = exercise.items.map((i) => i.id);
      if (
        order.length !== want.length ||
        new Set(order).size !== want.length ||
        !order.every((id) => want.includes(id))
      )
        return result(false, "Put every step in the list exactly once.");
      const inPlace = order.filter((id, i) => id === want[i]).length;
      if (inPlace === want.length) return result(true, "Right order.");
      return result(false, `${inPlace} of ${want.length} in the right place.`);
    }
    case "predict": {
      const { selected } = answer as Extract<Answer, { kind: "predict" }>;
      if (!exercise.options.some((o) => o.id === selected))
        return result(false, "That option is not one of this question's.");
      return selected === exercise.correct
        ? result(true, "Your prediction was right. Run the figure to see it happen.")
        : result(false, "Not what happens. Run the figure to see why.");
    }
    case "goal":
      return gradeGoal(exercise, answer as Extract<Answer, { kind: "goal" }>, result);
  }
}

function gradeGoal(
  exercise: Extract<Exercise, { kind: "goal" }>,
  answer: Extract<Answer, { kind: "goal" }>,
  result: (correct: boolean, feedback: string) => GradeResult,
): GradeResult {
  const { goal } = exercise;
  if (goal.type === "neuron-separates") {
    if (!answer.weights || answer.bias === undefined)
      return result(false, "Send the neuron's two weights and its bias.");
    const neuron = new Neuron({
      weights: answer.weights,
      bias: answer.bias,
      activation: "sigmoid",
    });
    const wrong = goal.points.filter((p) => (neuron.call(p.x).a >= 0.5 ? 1 : 0) !== p.label).length;
    if (wrong === 0) return result(true, `All ${goal.points.length} points are on the right side.`);
    return result(false, `${wrong} of ${goal.points.length} points are still on the wrong side.`);
  }
  const plan = planPlaygroundGoal(exercise as PlaygroundGoalExercise, answer);
  if ("graded" in plan) return plan.graded;
  return gradeGoalRun(exercise as PlaygroundGoalExercise, trainGoal(plan.training));
}
