import { GoalGrader } from "./goal-grader";
import { createGradingPool, defaultThreads, type GradingPool } from "./pool";

const shared = globalThis as typeof globalThis & { __neuronlabGoalGrader?: GoalGrader };

/**
 * The process's one grader and its worker pool (kept on globalThis, so `next dev`'s reloads of
 * this module do not start another pool). The pool starts with the first training.
 */
export function goalGrader(): GoalGrader {
  if (!shared.__neuronlabGoalGrader) {
    let pool: GradingPool | undefined;
    const threads = defaultThreads();
    shared.__neuronlabGoalGrader = new GoalGrader({
      threads,
      train: (training) => (pool ??= createGradingPool({ threads })).train(training),
    });
  }
  return shared.__neuronlabGoalGrader;
}
