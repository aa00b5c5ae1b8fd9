import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, type PlaygroundConfig } from "../widgets/playground/config.ts";
import { trainPlayground } from "../widgets/playground/run.ts";
import { goalTrainingKey } from "./goal.ts";
import { gradeAnswer, planGrade } from "./grade.ts";
import whyDeepWorks from "./lessons/why-deep-works.ts";
import { exerciseSchema, type Exercise } from "./schema.ts";

/**
 * A playground goal is only fair if it can be reached within its own limits, and only worth
 * asking if the obvious non-answers miss it. These tests replay the goals the way the server
 * grades them: the lesson's preset over the defaults, trained for the goal's steps from the seed.
 */

type PlaygroundGoalExercise = Extract<Exercise, { kind: "goal" }> & {
  goal: { type: "playground" };
};

function playgroundGoal(exercises: unknown[], id: string): PlaygroundGoalExercise {
  const found = exercises.map((e) => exerciseSchema.parse(e)).find((e) => e.id === id);
  if (found?.kind !== "goal" || found.goal.type !== "playground")
    throw new Error(`${id} is not a playground goal`);
  return found as PlaygroundGoalExercise;
}

const circle = playgroundGoal(whyDeepWorks, "deep-circle-goal");
const { goal } = circle;

/** What the learner's playground sends: a full configuration, the preset with their changes. */
function setup(changes: Partial<PlaygroundConfig>): PlaygroundConfig {
  return { ...DEFAULT_CONFIG, ...goal.preset, ...changes };
}

describe("deep-circle-goal: test loss on the noisy circle with few hidden neurons", () => {
  it("is reachable within the neuron limit: one hidden layer of 4 tanh neurons", () => {
    const started = performance.now();
    const run = trainPlayground(setup({ hiddenLayers: [4] }), goal.steps);
    const elapsed = performance.now() - started;
    expect(run.diverged).toBe(false);
    expect(run.hiddenNeurons).toBeLessThanOrEqual(goal.maxHiddenNeurons ?? Infinity);
    expect(run.testLoss).toBeLessThanOrEqual(goal.maxTestLoss);
    // The server replays every submission: it has to stay quick even on a busy machine.
    expect(elapsed).toBeLessThan(2000);
  });

  it("is reachable with 3 neurons too, given ReLU or a larger learning rate (the hint)", () => {
    for (const changes of [
      { hiddenLayers: [3], activation: "relu" },
      { hiddenLayers: [3], learningRate: 0.3 },
    ] satisfies Partial<PlaygroundConfig>[]) {
      expect(trainPlayground(setup(changes), goal.steps).testLoss).toBeLessThanOrEqual(
        goal.maxTestLoss,
      );
    }
  });

  it("is not reached with no hidden layer or a single hidden neuron, whatever the activation or rate", () => {
    for (const hiddenLayers of [[], [1]])
      for (const activation of ["tanh", "relu", "sigmoid"] as const)
        for (const learningRate of [DEFAULT_CONFIG.learningRate, 0.1, 0.3, 1]) {
          const run = trainPlayground(
            setup({ hiddenLayers, activation, learningRate }),
            goal.steps,
          );
          expect(
            run.testLoss,
            `${hiddenLayers.length} neurons, ${activation}, ${learningRate}`,
          ).toBeGreaterThan(goal.maxTestLoss);
        }
  });

  it("is not reached by the starting playground as it is, nor with the default learning rate", () => {
    expect(trainPlayground(setup({}), goal.steps).testLoss).toBeGreaterThan(goal.maxTestLoss);
    const slow = setup({ hiddenLayers: [4], learningRate: DEFAULT_CONFIG.learningRate });
    expect(trainPlayground(slow, goal.steps).testLoss).toBeGreaterThan(goal.maxTestLoss);
  });

  it("grades a submission as the server does: right within the limits, wrong over them", () => {
    const grade = (changes: Partial<PlaygroundConfig>) =>
      gradeAnswer(circle, { kind: "goal", config: setup(changes) });
    expect(grade({ hiddenLayers: [4] }).correct).toBe(true);
    expect(grade({ hiddenLayers: [1] }).correct).toBe(false);
    // Low enough loss, but more neurons than the goal allows.
    const tooBig = grade({ hiddenLayers: [8] });
    expect(tooBig.correct).toBe(false);
    expect(tooBig.feedback).toMatchObject({ key: "tooManyNeurons", values: { limit: 4 } });
  });

  it("refuses a set-up over the neuron limit without training, however large", () => {
    const plan = planGrade(circle, {
      kind: "goal",
      config: setup({ hiddenLayers: [8, 8, 8, 8, 8, 8], batchSize: 100 }),
    });
    if (!("graded" in plan)) throw new Error("expected a result without training");
    expect(plan.graded.correct).toBe(false);
    expect(plan.graded.feedback).toEqual({
      key: "tooManyNeurons",
      values: { neurons: 48, limit: 4 },
    });
  });

  it("plans one training per set-up: the goal's steps, the view-only fields left out", () => {
    const plan = (config: Partial<PlaygroundConfig>) => {
      const planned = planGrade(circle, { kind: "goal", config });
      if (!("training" in planned)) throw new Error("expected a training");
      return planned.training;
    };
    const a = plan(setup({ hiddenLayers: [4], discretize: true, features: ["x2", "x1"] }));
    const b = plan({ hiddenLayers: [4], showTestData: false });
    expect(a.steps).toBe(goal.steps);
    expect(goalTrainingKey(circle.id, a)).toBe(goalTrainingKey(circle.id, b));
    expect(goalTrainingKey(circle.id, plan({ hiddenLayers: [4], seed: 2 }))).not.toBe(
      goalTrainingKey(circle.id, a),
    );
  });
});
