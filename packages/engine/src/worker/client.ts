import { proxy, releaseProxy, wrap, type Remote } from "comlink";
import type { Progress } from "../run.ts";
import type { ProgressCallback, TrainingWorkerApi } from "./training-worker.ts";

/**
 * The page's side of the training worker. Every call on `api` returns a promise; typed arrays in
 * arguments and results are copied between the threads.
 */

export interface TrainingWorker {
  api: Remote<TrainingWorkerApi>;
  /** Stops the worker at once, mid-run or not; `api` must not be used afterwards. */
  terminate(): void;
}

export function createTrainingWorker(): TrainingWorker {
  // Written out literally — `new Worker(new URL("…", import.meta.url), { type: "module" })` — as
  // this is the form Vite, webpack and Turbopack recognise and bundle as a separate worker entry.
  const worker = new Worker(new URL("./training-worker.ts", import.meta.url), {
    type: "module",
    name: "neuronlab-training",
  });
  const api = wrap<TrainingWorkerApi>(worker);
  return {
    api,
    terminate() {
      api[releaseProxy]();
      worker.terminate();
    },
  };
}

/**
 * Wraps a progress handler so it can be passed to `api.run`: functions cannot be copied to a
 * worker, so the worker gets a proxy that calls back into this thread.
 */
export function progressCallback(handler: (progress: Progress) => void): ProgressCallback {
  return proxy(handler);
}
