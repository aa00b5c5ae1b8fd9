import { describe, expect, it } from "vitest";
import { parseNumberInput } from "./parse-number";

describe("parseNumberInput", () => {
  it.each([
    ["0.5", 0.5],
    [" 0,75 ", 0.75],
    ["-0.7", -0.7],
    ["−2", -2],
    [".5", 0.5],
    ["3.", 3],
    ["1e-3", 0.001],
    ["+4", 4],
    ["1 000", 1000],
  ])("reads %j as %d", (text, value) => {
    expect(parseNumberInput(text)).toBe(value);
  });

  it.each(["", "   ", "abc", "1/2", "0.5.1", "Infinity", "NaN", "1e999", "--1", "0x10"])(
    "refuses %j",
    (text) => {
      expect(parseNumberInput(text)).toBeNull();
    },
  );
});
