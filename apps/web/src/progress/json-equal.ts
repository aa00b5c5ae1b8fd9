/**
 * Whether two JSON values are the same, whatever the order of their object keys (PostgreSQL's
 * jsonb keeps keys in its own order, so a stored answer comes back reordered).
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  }
  const left = Object.entries(a).filter(([, v]) => v !== undefined);
  const right = new Map(Object.entries(b).filter(([, v]) => v !== undefined));
  return (
    left.length === right.size && left.every(([k, v]) => right.has(k) && jsonEqual(v, right.get(k)))
  );
}
