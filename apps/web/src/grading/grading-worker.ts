/**
 * The worker threads' task: train one planned playground goal. Node loads this file itself at run
 * time (through tsx, see pool.ts), outside Next.js's bundles, so it imports packages only, never
 * the app's `@/` paths.
 */
import { setPriority } from "node:os";
import {
  trainGoal,
  type GoalTraining,
  type PlaygroundResult,
} from "@neuronlab/content/exercises/goal";

// Training yields the CPU to everything else: on Linux this lowers this thread alone (the event
// loop that answers requests, and the database, keep theirs). Where it is not allowed, it stays.
try {
  setPriority(19);
} catch {
  // Not permitted here: the thread trains at normal priority.
}

export default function train(training: GoalTraining): PlaygroundResult {
  return trainGoal(training);
}
