import { createTranslator } from "use-intl";
import { describe, expect, it } from "vitest";
import de from "../messages/de.json";
import en from "../messages/en.json";
import { divergingScale } from "./color-scales.ts";
import { formatNumber } from "./format.ts";
import type { FormatNumber } from "./i18n.tsx";
import {
  cellAt,
  cellText,
  describeMatrix,
  inkOn,
  legendDecimals,
  legendTicks,
  matrixLayout,
  moveCell,
  niceExtent,
  type MatrixT,
} from "./weight-matrix-layout.ts";

/** The matrix's words and numbers outside React, as `useVizT` and `useFormatNumber` give them. */
function words(locale: "en" | "de"): { t: MatrixT; fmt: FormatNumber } {
  const t = createTranslator({
    locale,
    messages: { en, de }[locale],
    namespace: "WeightMatrix",
    onError: (error) => {
      throw error;
    },
  }) as unknown as MatrixT;
  return { t, fmt: (value, decimals) => formatNumber(value, decimals, locale) };
}
const { t, fmt } = words("en");

describe("matrixLayout", () => {
  it("uses large cells with printed values for a small matrix", () => {
    const layout = matrixLayout({ rows: 2, columns: 4, width: 600 });
    expect(layout.cell).toBe(48);
    expect(layout.showValues).toBe(true);
    expect(layout.gridWidth).toBe(192);
    expect(layout.scrolls).toBe(false);
    expect(layout.rowStride).toBe(1);
    expect(layout.columnStride).toBe(1);
  });

  it("shrinks cells to fit a phone and labels only every few columns when they get small", () => {
    const layout = matrixLayout({ rows: 8, columns: 32, width: 294 });
    expect(layout.width).toBeLessThanOrEqual(294);
    expect(layout.scrolls).toBe(false);
    expect(layout.showValues).toBe(false);
    expect(layout.columnStride * layout.cell).toBeGreaterThanOrEqual(30);
  });

  it("keeps tall matrices within the height budget and scrolls when cells would vanish", () => {
    const tall = matrixLayout({ rows: 60, columns: 4, width: 600 });
    expect(tall.gridHeight).toBeLessThanOrEqual(480);
    expect(tall.rowStride * tall.cell).toBeGreaterThanOrEqual(16);
    // Cells never shrink below the smallest side; a very tall matrix grows instead.
    expect(matrixLayout({ rows: 200, columns: 4, width: 600 }).cell).toBe(6);
    const wide = matrixLayout({ rows: 4, columns: 200, width: 294 });
    expect(wide.cell).toBe(6);
    expect(wide.scrolls).toBe(true);
  });

  it("leaves room for longer row labels", () => {
    expect(
      matrixLayout({ rows: 2, columns: 2, width: 400, rowLabelChars: 10 }).left,
    ).toBeGreaterThan(matrixLayout({ rows: 2, columns: 2, width: 400, rowLabelChars: 2 }).left);
  });
});

describe("colour extent and legend", () => {
  it("rounds the largest |w| up to a round number", () => {
    expect(niceExtent([0.3, -0.83, 0.1])).toBe(1);
    expect(niceExtent([2.3, -0.1])).toBe(2.5);
    expect(niceExtent([0.04])).toBe(0.04);
    expect(niceExtent([0, 0])).toBe(1);
    expect(niceExtent([Number.NaN, 0.5])).toBe(0.5);
  });

  it("puts five symmetric ticks under the legend", () => {
    expect(legendTicks(2)).toEqual([-2, -1, 0, 1, 2]);
    expect(legendDecimals(2)).toBe(0);
    expect(legendDecimals(1)).toBe(1);
    expect(legendDecimals(1.5)).toBe(2);
    expect(legendDecimals(0.04)).toBe(2);
    expect(legendDecimals(0.05)).toBe(3);
  });

  it("picks black ink on pale cells and white on dark ones", () => {
    const scale = divergingScale(1);
    expect(inkOn(scale(0))).toBe("#000000");
    expect(inkOn(scale(1))).toBe("#ffffff");
  });
});

describe("cells", () => {
  const layout = matrixLayout({ rows: 2, columns: 3, width: 600 });

  it("finds the cell under a point", () => {
    expect(cellAt(0, 0, layout)).toEqual({ row: 0, column: 0 });
    expect(cellAt(layout.cell * 2.5, layout.cell * 1.5, layout)).toEqual({ row: 1, column: 2 });
    expect(cellAt(-1, 4, layout)).toBeNull();
    expect(cellAt(layout.gridWidth, 0, layout)).toBeNull();
  });

  it("moves by keyboard and stays inside the matrix", () => {
    expect(moveCell(null, "ArrowDown", 2, 3)).toEqual({ row: 0, column: 0 });
    expect(moveCell(null, "x", 2, 3)).toBeUndefined();
    const c = { row: 0, column: 1 };
    expect(moveCell(c, "ArrowRight", 2, 3)).toEqual({ row: 0, column: 2 });
    expect(moveCell(c, "ArrowUp", 2, 3)).toEqual(c);
    expect(moveCell(c, "End", 2, 3)).toEqual({ row: 0, column: 2 });
    expect(moveCell(c, "Home", 2, 3)).toEqual({ row: 0, column: 0 });
    expect(moveCell(c, "PageDown", 2, 3)).toEqual({ row: 1, column: 1 });
    expect(moveCell({ row: 1, column: 1 }, "PageUp", 2, 3)).toEqual(c);
  });
});

describe("text", () => {
  const m = {
    kernel: Float64Array.from([0.5, -1.25, 0, 0.75, 0.1, -0.2]),
    rows: 2,
    columns: 3,
    rowLabels: ["x₁", "x₂"],
    columnLabels: ["h₁", "h₂", "h₃"],
    name: "hidden layer 1",
  };

  it("names a cell and its weight", () => {
    expect(cellText(m, { row: 0, column: 1 }, t, fmt)).toBe("x₁ → h₂: w = −1.25");
  });

  it("describes the range, where its ends are, the mean size and small matrices in full", () => {
    expect(describeMatrix(m, t, fmt)).toBe(
      "Weights of hidden layer 1: 2 inputs (rows) by 3 units (columns). " +
        "They range from −1.25 (x₁ → h₂) to 0.75 (x₂ → h₁); the average size |w| is 0.47. " +
        "Row x₁: 0.50, −1.25, 0.00. Row x₂: 0.75, 0.10, −0.20.",
    );
  });

  it("leaves the rows out of large matrices", () => {
    const big = {
      ...m,
      kernel: new Float64Array(64).map((_, k) => k / 64),
      rows: 8,
      columns: 8,
      rowLabels: [],
      columnLabels: [],
    };
    expect(describeMatrix(big, t, fmt)).not.toContain("Row");
  });

  it("speaks German, with decimal commas and the rows' numbers apart by semicolons", () => {
    const german = words("de");
    const inGerman = { ...m, name: "der verborgenen Schicht 1" };
    expect(cellText(inGerman, { row: 0, column: 1 }, german.t, german.fmt)).toBe(
      "x₁ → h₂: w = −1,25",
    );
    expect(describeMatrix(inGerman, german.t, german.fmt)).toBe(
      "Gewichte von der verborgenen Schicht 1: 2 Eingaben (Zeilen) mal 3 Neuronen (Spalten). " +
        "Sie reichen von −1,25 (x₁ → h₂) bis 0,75 (x₂ → h₁); der mittlere Betrag |w| ist 0,47. " +
        "Zeile x₁: 0,50; −1,25; 0,00. Zeile x₂: 0,75; 0,10; −0,20.",
    );
  });
});

describe("room for the rows' heading", () => {
  it("widens the label column so the heading does not run into the column labels", () => {
    const narrow = matrixLayout({ rows: 2, columns: 8, width: 294, rowLabelChars: 2 });
    const titled = matrixLayout({
      rows: 2,
      columns: 8,
      width: 294,
      rowLabelChars: 2,
      rowTitleChars: 12,
    });
    expect(titled.left).toBeGreaterThanOrEqual(12 * 6.6);
    expect(titled.left).toBeGreaterThan(narrow.left);
    expect(titled.width).toBeLessThanOrEqual(294);
  });
});
