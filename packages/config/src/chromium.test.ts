import { describe, expect, it } from "vitest";
import { CHROMIUM_ARGS, findChromium, MISSING_CHROMIUM_MESSAGE } from "./chromium.ts";

describe("findChromium", () => {
  it("prefers CHROMIUM_PATH when it points at an executable", () => {
    const path = findChromium(
      { CHROMIUM_PATH: "/opt/chrome/chrome" },
      (p) => p === "/opt/chrome/chrome",
    );
    expect(path).toBe("/opt/chrome/chrome");
  });

  it("refuses a CHROMIUM_PATH that does not exist rather than silently using another browser", () => {
    expect(() =>
      findChromium({ CHROMIUM_PATH: "/nope" }, (p) => p === "/usr/bin/chromium"),
    ).toThrow(/CHROMIUM_PATH is set to \/nope/);
  });

  it("falls back to the first system install it finds", () => {
    expect(findChromium({}, (p) => p === "/usr/bin/google-chrome")).toBe("/usr/bin/google-chrome");
    expect(findChromium({}, (p) => p.startsWith("/usr/bin/chromium"))).toBe("/usr/bin/chromium");
  });

  it("says how to install a browser when there is none", () => {
    expect(() => findChromium({}, () => false)).toThrow(MISSING_CHROMIUM_MESSAGE);
    expect(MISSING_CHROMIUM_MESSAGE).toContain("apt-get install -y chromium");
  });
});

describe("CHROMIUM_ARGS", () => {
  it("enables WebGPU on SwiftShader", () => {
    expect(CHROMIUM_ARGS).toEqual(
      expect.arrayContaining(["--enable-unsafe-webgpu", "--use-webgpu-adapter=swiftshader"]),
    );
  });
});
