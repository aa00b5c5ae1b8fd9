/**
 * A value kept in localStorage under one key, shared by every component of the page and, through
 * the storage event, by the other tabs. Storage that is disabled or full (private mode, a
 * sandboxed frame) leaves the value in memory for this page.
 */
export interface StoredValue<T> {
  get(): T;
  update(change: (value: T) => T): void;
  subscribe(listener: () => void): () => void;
}

export function storedValue<T>(key: string, parse: (raw: string | null) => T): StoredValue<T> {
  const listeners = new Set<() => void>();
  let cachedRaw: string | null | undefined;
  let cached = parse(null);

  const storage = (): Storage | undefined => {
    try {
      return typeof window === "undefined" ? undefined : window.localStorage;
    } catch {
      return undefined;
    }
  };

  const get = (): T => {
    let raw: string | null;
    try {
      raw = storage()?.getItem(key) ?? null;
    } catch {
      return cached;
    }
    if (raw !== cachedRaw) {
      cachedRaw = raw;
      cached = parse(raw);
    }
    return cached;
  };

  return {
    get,
    update(change) {
      const next = change(get());
      if (next === cached) return;
      cached = next;
      try {
        const raw = JSON.stringify(next);
        storage()?.setItem(key, raw);
        cachedRaw = raw;
      } catch {
        // Quota or disabled storage: keep the in-memory value for this page.
      }
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      const onStorage = (event: StorageEvent) => {
        if (event.key === key) listener();
      };
      window.addEventListener("storage", onStorage);
      return () => {
        listeners.delete(listener);
        window.removeEventListener("storage", onStorage);
      };
    },
  };
}

/** The same contract in memory, for tests. */
export function memoryValue<T>(initial: T): StoredValue<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    update(change) {
      const next = change(value);
      if (next === value) return;
      value = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
