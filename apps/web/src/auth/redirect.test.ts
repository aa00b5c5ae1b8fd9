import { describe, expect, it } from "vitest";
import { DEFAULT_AFTER_SIGN_IN, safeRedirectPath } from "./redirect";

const origin = "https://neuronlab.example";

describe("safeRedirectPath", () => {
  it.each([
    ["/course", "/course"],
    ["/course/a-single-neuron#exercise-2", "/course/a-single-neuron#exercise-2"],
    ["/dashboard?tab=results", "/dashboard?tab=results"],
    ["/", "/"],
    ["/course/../dashboard", "/dashboard"],
  ])("keeps this site's own path %s", (input, expected) => {
    expect(safeRedirectPath(input)).toBe(expected);
  });

  it("turns an absolute URL on this site into its path", () => {
    expect(safeRedirectPath(`${origin}/course?x=1`, { origin })).toBe("/course?x=1");
    expect(safeRedirectPath(origin, { origin })).toBe("/");
  });

  it.each([
    // other sites
    "https://evil.com",
    "http://evil.com/course",
    "//evil.com",
    "//evil.com/course",
    "///evil.com",
    "/\\evil.com",
    "\\\\evil.com",
    "\\/evil.com",
    "https://neuronlab.example.evil.com/",
    "https://neuronlab.example@evil.com/",
    // schemes
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox",
    // whitespace and control characters browsers strip or fold
    " /course",
    "/\t/evil.com",
    "/\n/evil.com",
    "/\r\n/evil.com",
    "/\u0000/evil.com",
    "/\u2028/evil.com",
    // percent-encoded, once and twice
    "/%2F%2Fevil.com",
    "%2F%2Fevil.com",
    "/%5Cevil.com",
    "/%09/evil.com",
    "/%252F%252Fevil.com",
    "/%255Cevil.com",
    "https:%2F%2Fevil.com",
    "%6A%61%76%61%73%63%72%69%70%74:alert(1)",
    "/%E0%A4%A", // malformed escape
    // not a path at all
    "course",
    "",
  ])("refuses %j and gives the default", (input) => {
    expect(safeRedirectPath(input, { origin })).toBe(DEFAULT_AFTER_SIGN_IN);
  });

  it("refuses what is not a string, and overlong values", () => {
    for (const value of [undefined, null, 42, ["/course"], { url: "/course" }]) {
      expect(safeRedirectPath(value)).toBe(DEFAULT_AFTER_SIGN_IN);
    }
    expect(safeRedirectPath(`/${"a".repeat(3000)}`)).toBe(DEFAULT_AFTER_SIGN_IN);
  });

  it("uses the fallback it is given", () => {
    expect(safeRedirectPath("//evil.com", { fallback: "/" })).toBe("/");
  });
});
