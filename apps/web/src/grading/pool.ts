import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Piscina } from "piscina";
import type { GoalTraining, PlaygroundResult } from "@neuronlab/content/exercises/goal";

/**
 * Worker threads that train playground goals, so a training never holds the one event loop that
 * answers every request. Small on purpose: one thread per core left over after the event loop's
 * (one on a 2-core machine), at most MAX_THREADS.
 */
export const MAX_THREADS = 4;

export function defaultThreads(cores: number = availableParallelism()): number {
  return Math.min(MAX_THREADS, Math.max(1, cores - 1));
}

/** The worker's file, relative to the web app's folder. */
const WORKER = path.join("src", "grading", "grading-worker.ts");

/**
 * Where the worker's file is on disk. Next.js bundles this module, so its own location says
 * nothing about the sources: the file is found from the working directory instead, which is the
 * web app's folder under `next start`, `next dev` and Vitest (or the repository's root).
 */
export function workerFile(cwd: string = process.cwd()): string {
  const candidates = [
    path.join(/* turbopackIgnore: true */ cwd, WORKER),
    path.join(/* turbopackIgnore: true */ cwd, "apps", "web", WORKER),
  ];
  const found = candidates.find((file) => existsSync(file));
  if (!found) {
    throw new Error(`The grading worker was not found (looked for ${candidates.join(" and ")}).`);
  }
  return found;
}

/** A training that has not finished by then (waiting included) fails rather than hang a request. */
export const TRAINING_TIMEOUT_MS = 30_000;

/**
 * piscina, loaded by Node rather than bundled: it starts its threads from a file of its own
 * (dist/worker.js) found next to its code, which a bundle would not have. Node finds the package
 * from the bundle's folder inside the web app (.next/…), as it would from these sources.
 */
async function loadPiscina(): Promise<typeof Piscina> {
  const loaded = (await import(/* turbopackIgnore: true */ "piscina")) as {
    Piscina: typeof Piscina;
  };
  return loaded.Piscina;
}

export interface GradingPool {
  /** Trains one planned goal on a worker thread. */
  train(training: GoalTraining): Promise<PlaygroundResult>;
  readonly threads: number;
  /** Trainings finished by the workers so far. */
  readonly completed: number;
  close(): Promise<void>;
}

export function createGradingPool({
  threads = defaultThreads(),
}: { threads?: number } = {}): GradingPool {
  const filename = pathToFileURL(workerFile()).href;
  const started = loadPiscina().then((PiscinaPool) => {
    const piscina = new PiscinaPool<GoalTraining, PlaygroundResult>({
      filename,
      // The worker is TypeScript, as are the workspace packages it imports: tsx compiles them.
      execArgv: ["--import", "tsx"],
      minThreads: threads,
      maxThreads: threads,
      // Threads stay up: starting one (and compiling its imports) costs more than a training.
      idleTimeout: Number.POSITIVE_INFINITY,
    });
    piscina.on("error", (error: unknown) => {
      console.error("grading pool: a worker failed", error);
    });
    return piscina;
  });
  let piscina: Piscina<GoalTraining, PlaygroundResult> | undefined;
  started.then(
    (ready) => (piscina = ready),
    // Reported to each training that needs it, through `train`.
    () => undefined,
  );
  return {
    train: async (training) =>
      (await started).run(training, { signal: AbortSignal.timeout(TRAINING_TIMEOUT_MS) }),
    threads,
    get completed() {
      return piscina?.completed ?? 0;
    },
    close: async () => (await started).destroy(),
  };
}
