/**
 * A table entry by a key that came from outside (a query parameter, a body): only the table's own
 * entries, never what every object inherits (`constructor`, `__proto__`, `toString`).
 */
export function ownEntry<T>(table: Readonly<Record<string, T>>, key: unknown): T | undefined {
  return typeof key === "string" && Object.hasOwn(table, key) ? table[key] : undefined;
}
