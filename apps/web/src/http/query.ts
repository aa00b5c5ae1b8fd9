/**
 * A query parameter as a page's `searchParams` gives it (one value, or an array when the address
 * repeats it): the first one.
 */
export function firstValue<T>(value: T | readonly T[] | undefined): T | undefined {
  return Array.isArray(value) ? (value as readonly T[])[0] : (value as T | undefined);
}
