import { describe, expect, it } from "vitest";
import { createTranslator } from "use-intl";
import { initWeights, type NetworkSpec } from "@neuronlab/engine/network-spec";
import { Network } from "@neuronlab/engine/network";
import { Trainer } from "@neuronlab/engine/trainer";
import { circle } from "@neuronlab/engine/datasets/generators";
import {
  boundaryColorTable,
  cellIndexAt,
  classColor,
  confidence,
  DEFAULT_DOMAIN,
  describeBoundary,
  describeProbe,
  describeRegion,
  gridInputs,
  gridStats,
  paintOutputs,
  planeGrid,
  sampleGrid,
  thresholdSegments,
} from "./boundary-grid.ts";
import de from "../messages/de.json";
import en from "../messages/en.json";
import { formatNumber } from "./format.ts";
import type { FormatNumber, VizT } from "./i18n.tsx";

/** The figure's words and numbers outside React, as its component gets them. */
function words(locale: "en" | "de"): { t: VizT<"DecisionBoundary">; fmt: FormatNumber } {
  const t = createTranslator({
    locale,
    messages: { viz: locale === "en" ? en : de },
    namespace: "viz.DecisionBoundary",
    onError: (error) => {
      throw error;
    },
  }) as unknown as VizT<"DecisionBoundary">;
  return { t, fmt: (value, decimals) => formatNumber(value, decimals, locale) };
}
const { t, fmt } = words("en");

function imageOf(grid: { columns: number; rows: number }): ImageData {
  // Node has no ImageData; fillGrid only writes `data`.
  const data = new Uint8ClampedArray(grid.columns * grid.rows * 4);
  return { data, width: grid.columns, height: grid.rows, colorSpace: "srgb" };
}

/** A field over the grid from a function of the cell centre. */
function field(
  grid: ReturnType<typeof planeGrid>,
  f: (x1: number, x2: number) => number,
): Float64Array {
  const xs = gridInputs(grid);
  return Float64Array.from({ length: grid.columns * grid.rows }, (_, k) =>
    f(xs[2 * k] as number, xs[2 * k + 1] as number),
  );
}

describe("planeGrid and gridInputs", () => {
  it("samples cell centres row-major, row 0 at the top (highest x₂)", () => {
    const grid = planeGrid(4, { x1: [0, 4], x2: [0, 2] });
    const xs = gridInputs(grid);
    expect(xs).toHaveLength(4 * 4 * 2);
    expect([xs[0], xs[1]]).toEqual([0.5, 1.75]); // top-left cell
    expect([xs[2], xs[3]]).toEqual([1.5, 1.75]); // its right neighbour
    expect([xs[30], xs[31]]).toEqual([3.5, 0.25]); // bottom-right cell
  });

  it("defaults to 100×100 cells over [−1.2, 1.2]²", () => {
    const grid = planeGrid();
    expect(grid).toEqual({ columns: 100, rows: 100, domain: DEFAULT_DOMAIN });
    const xs = gridInputs(grid);
    expect(xs[0]).toBeCloseTo(-1.188, 12);
    expect(xs[1]).toBeCloseTo(1.188, 12);
  });

  it("rejects sizes and domains it cannot draw", () => {
    expect(() => planeGrid(0)).toThrow(RangeError);
    expect(() => planeGrid(10.5)).toThrow(RangeError);
    expect(() => planeGrid([10, 5000])).toThrow(RangeError);
    expect(() => planeGrid(10, { x1: [1, -1], x2: [0, 1] })).toThrow(RangeError);
  });

  it("finds the cell under a point, and −1 outside", () => {
    const grid = planeGrid(4, { x1: [0, 4], x2: [0, 4] });
    expect(cellIndexAt(grid, 0.5, 3.5)).toBe(0);
    expect(cellIndexAt(grid, 3.9, 0.1)).toBe(15);
    expect(cellIndexAt(grid, 1.2, 2.2)).toBe(5);
    expect(cellIndexAt(grid, -0.1, 1)).toBe(-1);
    expect(cellIndexAt(grid, 1, 4.1)).toBe(-1);
  });
});

describe("sampleGrid", () => {
  it("interpolates a linear field exactly between cell centres", () => {
    const grid = planeGrid(10, { x1: [-1, 1], x2: [-1, 1] });
    const values = field(grid, (x1, x2) => 2 * x1 - x2);
    expect(sampleGrid(values, grid, 0.13, -0.37)).toBeCloseTo(2 * 0.13 + 0.37, 12);
    expect(sampleGrid(values, grid, 2, 0)).toBeNaN();
  });
});

describe("confidence", () => {
  it("runs from −1 (sure of class 0) through 0 at the threshold to 1", () => {
    expect(confidence(0)).toBe(-1);
    expect(confidence(0.25)).toBe(-0.5);
    expect(confidence(0.5)).toBe(0);
    expect(confidence(0.75)).toBe(0.5);
    expect(confidence(1)).toBe(1);
    expect(confidence(0.2, { range: [-1, 1], threshold: 0 })).toBeCloseTo(0.2, 12);
    expect(confidence(Number.NaN)).toBe(0);
  });
});

describe("paintOutputs", () => {
  const grid = planeGrid([3, 1], { x1: [0, 1], x2: [0, 1] });

  it("paints class 1 purple, class 0 orange and near-white at the threshold", () => {
    const image = imageOf(grid);
    paintOutputs(image, Float64Array.of(0, 0.5, 1), grid);
    const px = (k: number) => Array.from(image.data.subarray(4 * k, 4 * k + 4));
    const [r0, , b0, a0] = px(0);
    const [r2, , b2] = px(2);
    expect(r0).toBeGreaterThan(b0 ?? 0); // orange
    expect(b2).toBeGreaterThan(r2 ?? 0); // purple
    expect(a0).toBe(255);
    expect(Math.min(...px(1).slice(0, 3))).toBeGreaterThan(230);
  });

  it("shows only two flat colours when discretised", () => {
    const image = imageOf(grid);
    paintOutputs(image, Float64Array.of(0.51, 0.99, 0.49), grid, { discretize: true });
    const px = (k: number) => Array.from(image.data.subarray(4 * k, 4 * k + 3));
    expect(px(0)).toEqual(px(1));
    expect(px(0)).not.toEqual(px(2));
  });

  it("keeps the heatmap lighter than the class colours of the points on it", () => {
    const table = boundaryColorTable();
    const lum = (r: number, g: number, b: number) => 0.2126 * r + 0.7152 * g + 0.0722 * b;
    const [pr, pg, pb] = classColor(1);
    const last = table.length - 3;
    expect(lum(table[last] ?? 0, table[last + 1] ?? 0, table[last + 2] ?? 0)).toBeGreaterThan(
      lum(pr, pg, pb) + 40,
    );
  });
});

describe("thresholdSegments", () => {
  it("traces the 0.5 line of a vertical split where it is, away from the frame", () => {
    const grid = planeGrid(20, { x1: [-1, 1], x2: [-1, 1] });
    const values = field(grid, (x1) => 1 / (1 + Math.exp(-8 * (x1 - 0.3))));
    const seg = thresholdSegments(values, grid, 0.5);
    expect(seg.length).toBeGreaterThan(0);
    expect(seg.length % 4).toBe(0);
    for (let k = 0; k < seg.length; k += 2) {
      expect(seg[k]).toBeCloseTo(0.3, 1);
      expect(Math.abs(seg[k + 1] ?? 0)).toBeLessThan(1);
    }
  });

  it("is empty when the whole plane is one class", () => {
    const grid = planeGrid(10);
    expect(thresholdSegments(new Float64Array(100).fill(0.9), grid, 0.5)).toHaveLength(0);
  });
});

describe("gridStats and describeRegion", () => {
  const grid = planeGrid(40);

  it("measures the share of each class", () => {
    const stats = gridStats(Float64Array.of(0.1, 0.6, 0.5, Number.NaN), 0.5);
    expect(stats).toEqual({ above: 2 / 3, min: 0.1, max: 0.6 });
    expect(gridStats(new Float64Array(0), 0.5).min).toBeNaN();
  });

  it.each([
    [(x1: number) => x1, "the right half"],
    [(x1: number) => -x1, "the left half"],
    [(_: number, x2: number) => x2, "the top half"],
    [(x1: number, x2: number) => x1 * x2, "the top-right and bottom-left quarters"],
    [(x1: number, x2: number) => 0.36 - x1 * x1 - x2 * x2, "the centre"],
    [(x1: number, x2: number) => x1 * x1 + x2 * x2 - 0.36, "the area around the centre"],
    [(x1: number, x2: number) => Math.min(-x1, x2), "the top-left quarter"],
  ])("names the region where %s is positive: %s", (f, phrase) => {
    const values = field(grid, f);
    const region = describeRegion(values, grid.columns, grid.rows, (v) => v > 0);
    expect(t("region", { region: region.region })).toBe(phrase);
    expect(region.fit).toBeGreaterThan(0.8);
  });

  it("says so when the region matches no simple shape, or covers nearly everything", () => {
    const stripes = field(grid, (x1) => Math.sin(12 * x1));
    const irregular = describeRegion(stripes, 40, 40, (v) => v > 0);
    expect(irregular.region).toBe("irregular");
    expect(t("region", { region: irregular.region })).toBe("an irregular region");
    const all = new Float64Array(1600).fill(1);
    const region = describeRegion(all, 40, 40, (v) => v > 0).region;
    expect(t("region", { region })).toBe("almost the whole plane");
  });
});

describe("describeBoundary", () => {
  it("reports the split of the plane, the points and the accuracies", () => {
    const grid = planeGrid(50);
    const values = field(grid, (x1) => (x1 > 0 ? 0.9 : 0.1));
    expect(
      describeBoundary(t, fmt, {
        grid,
        outputs: values,
        trainPoints: 160,
        testPoints: 40,
        trainAccuracy: 0.955,
        testAccuracy: 0.9,
      }),
    ).toBe(
      "A classifier's output over the plane, x₁ from −1.20 to 1.20 and x₂ from −1.20 to 1.20. " +
        "It puts 50% of the plane in class 1 (purple), covering the right half, and 50% in class 0 (orange). " +
        "Outputs range from 0.10 to 0.90; the boundary is at 0.50. " +
        "160 training points (filled) and 40 test points (hollow) are drawn on top. " +
        "Training accuracy 96%, test accuracy 90%.",
    );
  });

  it("describes a real network's boundary from the engine", () => {
    const spec: NetworkSpec = {
      inputs: 2,
      layers: [
        { units: 8, activation: "tanh" },
        { units: 1, activation: "sigmoid" },
      ],
      loss: "binaryCrossEntropy",
    };
    const trainer = new Trainer(spec, initWeights(spec, 3), circle({ n: 200, seed: 1 }), {
      optimizer: { kind: "adam", learningRate: 0.05 },
      batchSize: 200,
      seed: 1,
    });
    for (let s = 0; s < 300; s++) trainer.trainStep();
    const grid = planeGrid(40);
    const outputs = trainer.predict(gridInputs(grid), grid.columns * grid.rows);
    // The fused kernel and the glass-box network agree on the grid.
    const net = new Network(spec, trainer.getWeights());
    const xs = gridInputs(grid);
    expect(outputs[123]).toBeCloseTo(net.forward([xs[246] ?? 0, xs[247] ?? 0]).output[0] ?? 0, 12);
    const text = describeBoundary(t, fmt, {
      grid,
      outputs,
      trainAccuracy: trainer.evaluate().accuracy ?? 0,
    });
    expect(text).toContain("covering the centre");
    expect(text).toMatch(/Training accuracy (9\d|100)%\.$/);
  });

  it("says when there is nothing to show", () => {
    expect(
      describeBoundary(t, fmt, { grid: planeGrid(2), outputs: new Float64Array(0) }),
    ).toContain("no outputs");
  });

  it("says the same in German", () => {
    const german = words("de");
    const grid = planeGrid(50);
    const values = field(grid, (x1) => (x1 > 0 ? 0.9 : 0.1));
    expect(
      describeBoundary(german.t, german.fmt, {
        grid,
        outputs: values,
        trainPoints: 1,
        testPoints: 40,
        trainAccuracy: 0.955,
      }),
    ).toBe(
      "Die Ausgabe eines Klassifikators über der Ebene, x₁ von −1,20 bis 1,20 und x₂ von −1,20 bis 1,20. " +
        "Klasse 1 (lila) erhält 50\u00a0% der Ebene und bedeckt dabei die rechte Hälfte, Klasse 0 (orange) erhält 50\u00a0%. " +
        "Die Ausgaben reichen von 0,10 bis 0,90; die Grenze liegt bei 0,50. " +
        "Darüber sind ein Trainingspunkt (gefüllt) und 40 Testpunkte (hohl) eingezeichnet. " +
        "Genauigkeit auf den Trainingsdaten 96\u00a0%.",
    );
    expect(describeProbe(german.t, german.fmt, 0.2, -0.4, 0.734)).toBe(
      "x₁ = 0,20, x₂ = −0,40: Ausgabe 0,73, Klasse 1",
    );
  });
});

describe("describeProbe", () => {
  it("reads the point, the output and the class", () => {
    expect(describeProbe(t, fmt, 0.2, -0.4, 0.734)).toBe(
      "x₁ = 0.20, x₂ = −0.40: output 0.73, class 1",
    );
    expect(describeProbe(t, fmt, 0, 0, 0.1, undefined, ["blue", "orange"])).toBe(
      "x₁ = 0.00, x₂ = 0.00: output 0.10, blue",
    );
    expect(describeProbe(t, fmt, 0, 0, Number.NaN)).toBe("x₁ = 0.00, x₂ = 0.00: no output");
  });
});
