import { vi } from "vitest";

/**
 * jsdom has no media queries: answers `prefers-reduced-motion: reduce` as asked and every other
 * query with false. The widgets read it through viz's `useReducedMotion`.
 */
export function mockReducedMotion(reduce = false): void {
  vi.stubGlobal(
    "matchMedia",
    vi.fn((query: string) => ({
      matches: reduce && query.includes("reduce"),
      media: query,
      addEventListener: vi.fn(),
      removeEventListener: vi.fn(),
    })),
  );
}
