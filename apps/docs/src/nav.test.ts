import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { docPages, neighbours } from "./nav.ts";

// English, the source language: its pages are in app/(en)/ (see i18n.test.ts for the others).
const appDir = fileURLToPath(new URL("../app/(en)", import.meta.url));

describe("docs navigation", () => {
  it.each(docPages.map((p) => [p.href, p] as const))("%s has a page", (href) => {
    const dir = href === "/" ? appDir : `${appDir}${href}`;
    expect(existsSync(`${dir}/page.mdx`) || existsSync(`${dir}/page.tsx`)).toBe(true);
  });

  it("has no duplicate entries", () => {
    expect(new Set(docPages.map((p) => p.href)).size).toBe(docPages.length);
  });

  it("links each page to its neighbours", () => {
    expect(neighbours("/")).toEqual({ next: docPages[1] });
    expect(neighbours("/repository-layout")).toEqual({ previous: docPages[0], next: docPages[2] });
    expect(neighbours("/gallery")).toEqual({ previous: docPages[docPages.length - 2] });
    expect(neighbours("/unknown")).toEqual({});
  });
});
