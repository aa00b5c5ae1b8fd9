"use client";

import { useSyncExternalStore } from "react";
import { OUTBOX_KEY, parseOutbox } from "./outbox";
import { parseProgress, STORAGE_KEY } from "./progress-store";
import { ProgressSync, type LearnerProgress } from "./progress-sync";
import { emptyView } from "./progress-view";
import { storedValue } from "./stored-value";

/**
 * The learner's progress as React state, one sync per page (progress-sync.ts): from the account
 * when signed in, from this browser otherwise. Components render the view and report what the
 * learner did; where it is kept is the sync's business.
 */

let sync: ProgressSync | undefined;

/** The page's one sync, made on first use in the browser. */
export function progressSync(): ProgressSync {
  if (sync) return sync;
  const made = new ProgressSync({
    fetch: (input, init) => fetch(input, init),
    progress: storedValue(STORAGE_KEY, parseProgress),
    outbox: storedValue(OUTBOX_KEY, parseOutbox),
  });
  const retry = () => {
    if (document.visibilityState === "visible") void made.retry();
  };
  window.addEventListener("online", retry);
  document.addEventListener("visibilitychange", retry);
  sync = made;
  return made;
}

const serverSnapshot: LearnerProgress = {
  source: "browser",
  view: emptyView(),
  user: null,
  known: false,
};

function subscribe(listener: () => void): () => void {
  const s = progressSync();
  const unsubscribe = s.subscribe(listener);
  void s.start();
  return unsubscribe;
}

export function useLearnerProgress(): LearnerProgress {
  return useSyncExternalStore(
    subscribe,
    () => progressSync().current(),
    () => serverSnapshot,
  );
}
