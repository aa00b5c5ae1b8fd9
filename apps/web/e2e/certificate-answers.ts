import { exercisesByLesson } from "@neuronlab/content/exercises/catalog";
import type { Answer, Exercise } from "@neuronlab/content/exercises/schema";

/**
 * A right answer to every exercise of the course, read from its answer keys (the catalog), so a
 * test can finish the whole course through the API. The goals have no key: a neuron's weights are
 * found by the perceptron rule from the goal's own points, and the playground goal gets the set-up
 * its tests show reaches it (packages/content/src/exercises/goals.test.ts).
 */

export interface RightAnswer {
  lesson: string;
  exerciseId: string;
  answer: Answer;
  /** An answer to the same exercise that is graded wrong. */
  wrong: Answer;
}

/** The playground goal's known-good change: one hidden layer of four neurons. */
const PLAYGROUND_SETUP = { hiddenLayers: [4] };

export function rightAnswers(): RightAnswer[] {
  return [...exercisesByLesson].flatMap(([lesson, exercises]) =>
    exercises.map((exercise) => ({
      lesson,
      exerciseId: exercise.id,
      answer: rightAnswer(exercise),
      wrong: wrongAnswer(exercise),
    })),
  );
}

export function rightAnswer(exercise: Exercise): Answer {
  switch (exercise.kind) {
    case "choice":
      return { kind: "choice", selected: exercise.correct };
    case "numeric":
      return { kind: "numeric", value: exercise.answer };
    case "ordering":
      return { kind: "ordering", order: exercise.items.map((item) => item.id) };
    case "predict":
      return { kind: "predict", selected: exercise.correct };
    case "goal":
      if (exercise.goal.type === "playground") return { kind: "goal", config: PLAYGROUND_SETUP };
      return { kind: "goal", ...separatingNeuron(exercise.goal.points) };
  }
}

export function wrongAnswer(exercise: Exercise): Answer {
  switch (exercise.kind) {
    case "choice":
      return { kind: "choice", selected: [] };
    case "numeric":
      return { kind: "numeric", value: exercise.answer + 10 * (exercise.tolerance + 1) };
    case "ordering":
      return { kind: "ordering", order: exercise.items.map((item) => item.id).reverse() };
    case "predict":
      return {
        kind: "predict",
        selected: exercise.options.find((o) => o.id !== exercise.correct)?.id ?? "",
      };
    case "goal":
      // No hidden layer at all, or a neuron that puts every point on one side.
      return exercise.goal.type === "playground"
        ? { kind: "goal", config: { hiddenLayers: [] } }
        : { kind: "goal", weights: [0, 0], bias: 0 };
  }
}

/**
 * Weights and a bias putting every point labelled 1 at z ≥ 0 (a sigmoid of at least 0.5) and
 * every point labelled 0 below it: the perceptron rule, which finds such a line when there is one.
 */
export function separatingNeuron(points: { x: [number, number]; label: 0 | 1 }[]): {
  weights: [number, number];
  bias: number;
} {
  let [w1, w2, b] = [0, 0, 0];
  const wrong = (p: (typeof points)[number]) => {
    const z = w1 * p.x[0] + w2 * p.x[1] + b;
    return p.label === 1 ? z < 0 : z >= 0;
  };
  for (let epoch = 0; epoch < 10_000 && points.some(wrong); epoch++) {
    for (const p of points) {
      if (!wrong(p)) continue;
      const sign = p.label === 1 ? 1 : -1;
      w1 += sign * p.x[0];
      w2 += sign * p.x[1];
      b += sign * 0.1;
    }
  }
  if (points.some(wrong)) throw new Error("the goal's points cannot be separated by one line");
  // Answers are held to ±100: scale down, which moves no point across the line.
  const scale = Math.max(1, Math.abs(w1), Math.abs(w2), Math.abs(b)) / 50;
  return { weights: [w1 / scale, w2 / scale], bias: b / scale };
}
