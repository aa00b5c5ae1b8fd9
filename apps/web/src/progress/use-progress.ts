"use client";

import { useSyncExternalStore } from "react";
import { emptyProgress, parseProgress, STORAGE_KEY, type Progress } from "./progress-store";

/**
 * The browser's progress record as React state: read from localStorage, written back on every
 * change and shared by every component on the page (and other tabs, through the storage event).
 */

const listeners = new Set<() => void>();
let cachedRaw: string | null | undefined;
let cached: Progress = emptyProgress();
const serverSnapshot = emptyProgress();

function read(): Progress {
  let raw: string | null = null;
  try {
    raw = window.localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage disabled (private mode, a sandboxed frame): progress lives for this page only.
    return cached;
  }
  if (raw !== cachedRaw) {
    cachedRaw = raw;
    cached = parseProgress(raw);
  }
  return cached;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY) listener();
  };
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

export function updateProgress(change: (progress: Progress) => Progress): void {
  const next = change(read());
  if (next === cached) return;
  cached = next;
  try {
    const raw = JSON.stringify(next);
    window.localStorage.setItem(STORAGE_KEY, raw);
    cachedRaw = raw;
  } catch {
    // Quota or disabled storage: keep the in-memory record for this page.
  }
  for (const listener of listeners) listener();
}

export function useProgress(): Progress {
  return useSyncExternalStore(subscribe, read, () => serverSnapshot);
}
