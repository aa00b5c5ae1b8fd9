import { describe, expect, it } from "vitest";
import {
  innerSize,
  linePath,
  linearScale,
  linearTicks,
  logScale,
  paddedExtent,
  sampleFunction,
  tickDecimals,
} from "./plot-scales.ts";

describe("linearScale", () => {
  it("maps the domain onto the range, in either direction", () => {
    const y = linearScale([0, 10], [200, 0]);
    expect(y(0)).toBe(200);
    expect(y(5)).toBe(100);
    expect(y.invert(50)).toBeCloseTo(7.5);
  });

  it("rounds the domain outward when asked and clamps when asked", () => {
    expect(linearScale([0.13, 9.7], [0, 1], { nice: true }).domain()).toEqual([0, 10]);
    const clamped = linearScale([0, 1], [0, 100], { clamp: true });
    expect(clamped(2)).toBe(100);
    expect(linearScale([0, 1], [0, 100])(2)).toBe(200);
  });

  it("survives a domain that is a single point or not finite", () => {
    expect(linearScale([3, 3], [0, 100]).domain()).toEqual([2, 4]);
    expect(linearScale([Number.NaN, Infinity], [0, 1]).domain()).toEqual([0, 1]);
  });
});

describe("logScale", () => {
  it("spaces powers of ten evenly and keeps away from zero", () => {
    const s = logScale([0.01, 100], [0, 400]);
    expect(s(0.1)).toBeCloseTo(100);
    expect(s(1)).toBeCloseTo(200);
    expect(logScale([0, 1], [0, 1]).domain()[0]).toBeGreaterThan(0);
  });
});

describe("ticks", () => {
  it("chooses decimals from the tick step", () => {
    expect(tickDecimals(1)).toBe(0);
    expect(tickDecimals(0.5)).toBe(1);
    expect(tickDecimals(0.05)).toBe(2);
    expect(tickDecimals(0)).toBe(0);
  });

  it("labels ticks alike, with a true minus sign, at their pixel positions", () => {
    const ticks = linearTicks(linearScale([-1, 1], [0, 200]), 4);
    expect(ticks.map((t) => t.label)).toEqual(["−1.0", "−0.5", "0.0", "0.5", "1.0"]);
    expect(ticks.map((t) => t.position)).toEqual([0, 50, 100, 150, 200]);
    expect(linearTicks(linearScale([-4, 4], [0, 1]), 4).map((t) => t.label)).toEqual([
      "−4",
      "−2",
      "0",
      "2",
      "4",
    ]);
  });
});

describe("sampleFunction and linePath", () => {
  it("samples both ends of the domain evenly", () => {
    const points = sampleFunction((x) => x * x, [-1, 1], 5);
    expect(points).toEqual([
      { x: -1, y: 1 },
      { x: -0.5, y: 0.25 },
      { x: 0, y: 0 },
      { x: 0.5, y: 0.25 },
      { x: 1, y: 1 },
    ]);
  });

  it("draws a polyline in pixel space and breaks it at non-finite values", () => {
    const identity = (v: number) => v;
    expect(
      linePath(
        [
          { x: 0, y: 0 },
          { x: 10, y: 5 },
        ],
        identity,
        identity,
      ),
    ).toBe("M0,0L10,5");
    const broken = linePath(
      [
        { x: 0, y: 0 },
        { x: 1, y: Number.NaN },
        { x: 2, y: 2 },
      ],
      identity,
      identity,
    );
    expect(broken).toBe("M0,0ZM2,2Z");
  });
});

describe("paddedExtent and innerSize", () => {
  it("pads the finite extent and falls back when there is none", () => {
    expect(paddedExtent([0, 10, Number.NaN], 0.1)).toEqual([-1, 11]);
    expect(paddedExtent([], 0.1)).toEqual([0, 1]);
    expect(paddedExtent([2, 2], 0.5)).toEqual([1, 3]);
  });

  it("takes the margins off and never returns less than a pixel", () => {
    expect(innerSize(300, 200, { top: 10, right: 20, bottom: 30, left: 40 })).toEqual({
      width: 240,
      height: 160,
    });
    expect(innerSize(10, 10, { top: 10, right: 20, bottom: 30, left: 40 })).toEqual({
      width: 1,
      height: 1,
    });
  });
});
