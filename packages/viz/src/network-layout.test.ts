import { describe, expect, it } from "vitest";
import { networkLayout, visibleIndices } from "./network-layout.ts";

function overlaps(layout: ReturnType<typeof networkLayout>): boolean {
  const all = layout.nodes.flat();
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      const a = all[i];
      const b = all[j];
      if (a && b && Math.hypot(a.x - b.x, a.y - b.y) < 2 * layout.radius + 4) return true;
    }
  }
  return false;
}

describe("visibleIndices", () => {
  it("keeps every neuron of a small layer", () => {
    expect(visibleIndices(5, 12)).toEqual([0, 1, 2, 3, 4]);
  });

  it("keeps the first ones and the last of a large layer", () => {
    expect(visibleIndices(784, 6)).toEqual([0, 1, 2, 3, 4, 783]);
  });
});

describe("networkLayout", () => {
  it("places one node per neuron and one edge per pair of neighbouring neurons", () => {
    const layout = networkLayout([2, 3, 1], { width: 600 });
    expect(layout.nodes.map((c) => c.length)).toEqual([2, 3, 1]);
    expect(layout.edges.map((c) => c.length)).toEqual([6, 3]);
    expect(layout.nodes[1]?.map((n) => n.index)).toEqual([0, 1, 2]);
    expect(layout.scrolls).toBe(false);
  });

  it("fits six layers of eight neurons in a 294 px phone column without overlaps", () => {
    const layout = networkLayout([8, 8, 8, 8, 8, 8], { width: 294 });
    expect(layout.scrolls).toBe(false);
    expect(layout.width).toBe(294);
    expect(overlaps(layout)).toBe(false);
    for (const n of layout.nodes.flat()) {
      expect(n.x - layout.radius).toBeGreaterThanOrEqual(0);
      expect(n.x + layout.radius).toBeLessThanOrEqual(layout.width);
      expect(n.y - layout.radius).toBeGreaterThanOrEqual(0);
      expect(n.y + layout.radius).toBeLessThanOrEqual(layout.height);
    }
    // Room for a printed number such as "−0.73" inside each node.
    expect(layout.radius).toBeGreaterThanOrEqual(14);
  });

  it("grows wider than the offered width and says it scrolls when the columns do not fit", () => {
    const layout = networkLayout([8, 8, 8, 8, 8, 8, 8, 8, 8, 8], { width: 294 });
    expect(layout.scrolls).toBe(true);
    expect(layout.width).toBeGreaterThan(294);
    expect(layout.columnGap).toBe(46);
    expect(overlaps(layout)).toBe(false);
  });

  it("centres the drawing on wide screens instead of stretching the columns apart", () => {
    const layout = networkLayout([2, 2], { width: 1000 });
    expect(layout.columnGap).toBe(170);
    const [a, b] = layout.columns;
    expect(((a ?? 0) + (b ?? 0)) / 2).toBeCloseTo(500);
  });

  it("centres each column vertically", () => {
    const layout = networkLayout([1, 4], { width: 400 });
    const single = layout.nodes[0]?.[0];
    const column = layout.nodes[1] ?? [];
    const mid = ((column[0]?.y ?? 0) + (column[3]?.y ?? 0)) / 2;
    expect(single?.y).toBeCloseTo(mid);
  });

  it("starts and ends edges on the rims of the circles", () => {
    const layout = networkLayout([2, 2], { width: 400 });
    const e = layout.edges[0]?.[1];
    const source = layout.nodes[0]?.find((n) => n.index === e?.from);
    const target = layout.nodes[1]?.find((n) => n.index === e?.to);
    expect(e && source && target).toBeTruthy();
    if (!e || !source || !target) return;
    expect(Math.hypot(e.x1 - source.x, e.y1 - source.y)).toBeCloseTo(layout.radius);
    expect(Math.hypot(e.x2 - target.x, e.y2 - target.y)).toBeCloseTo(layout.radius);
  });

  it("leaves out the middle of a large layer, marks it and draws no edges to hidden neurons", () => {
    const layout = networkLayout([784, 16, 8], { width: 600, maxVisible: 8 });
    expect(layout.nodes[0]?.map((n) => n.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 783]);
    expect(layout.ellipses[0]?.hidden).toBe(776);
    expect(layout.ellipses[2]).toBeNull();
    expect(layout.edges[0]).toHaveLength(8 * 8);
    expect(overlaps(layout)).toBe(false);
    const ellipsis = layout.ellipses[0];
    const column = layout.nodes[0] ?? [];
    expect(ellipsis?.y).toBeGreaterThan(column[6]?.y ?? Infinity);
    expect(ellipsis?.y).toBeLessThan(column[7]?.y ?? -Infinity);
  });

  it("copes with a single column and a zero width", () => {
    const layout = networkLayout([3], { width: 0 });
    expect(layout.nodes[0]).toHaveLength(3);
    expect(layout.edges).toEqual([]);
    expect(layout.width).toBeGreaterThan(0);
  });
});
