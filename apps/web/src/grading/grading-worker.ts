/**
 * The worker threads' task: train one planned playground goal. Node loads this file itself at run
 * time (through tsx, see pool.ts), outside Next.js's bundles, so it imports packages only, never
 * the app's `@/` paths.
 */
import {
  trainGoal,
  type GoalTraining,
  type PlaygroundResult,
} from "@neuronlab/content/exercises/goal";

export default function train(training: GoalTraining): PlaygroundResult {
  return trainGoal(training);
}
