import { describe, expect, it } from "vitest";
import { CsvError, fromPoints, MAX_CSV_COLUMNS, MAX_CSV_ROWS, parseCsvPoints } from "./csv.ts";

/** The error `fn` throws, so a test can look at its message and line. */
function caught(fn: () => unknown): CsvError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CsvError) return error;
    throw error;
  }
  throw new Error("expected a CsvError, but nothing was thrown");
}

describe("parseCsvPoints", () => {
  it("reads a header, inputs and 0/1 labels into a two-class dataset", () => {
    const data = parseCsvPoints("x1,x2,label\n0.5,-1,0\n 2 , 3.25 ,1\n-0.1,4e-1,1\n");
    expect(data.kind).toBe("classification");
    expect(data.size).toBe(3);
    expect(data.inputSize).toBe(2);
    expect(data.outputSize).toBe(1);
    expect(data.classes).toBe(2);
    expect(Array.from(data.x)).toEqual([0.5, -1, 2, 3.25, -0.1, 0.4]);
    expect(Array.from(data.y)).toEqual([0, 1, 1]);
    expect(Array.from(data.labels ?? [])).toEqual([0, 1, 1]);
  });

  it("works without a header, skips blank lines and accepts Windows line ends", () => {
    const data = parseCsvPoints("\r\n1,2,0\r\n\r\n   \r\n3,4,1\r\n");
    expect(data.size).toBe(2);
    expect(Array.from(data.x)).toEqual([1, 2, 3, 4]);
  });

  it("ignores the byte-order mark a spreadsheet puts before the first line", () => {
    expect(parseCsvPoints("\uFEFFx,label\n1,0\n2,1").size).toBe(2);
    expect(Array.from(parseCsvPoints("\uFEFF1,0\n2,1").x)).toEqual([1, 2]);
  });

  it("does not mistake a first data row with an empty cell for a header", () => {
    expect(caught(() => parseCsvPoints("1,,0\n2,3,1")).message).toBe("Line 1: column 2 is empty.");
  });

  it("reads semicolons, with decimal commas, and quoted cells", () => {
    const data = parseCsvPoints('"a";"b";"class"\n0,5;1;2\n-1,25;0;3\n2;2;2');
    expect(Array.from(data.x)).toEqual([0.5, 1, -1.25, 0, 2, 2]);
    // Two distinct labels, 2 and 3, become classes 0 and 1.
    expect(Array.from(data.labels ?? [])).toEqual([0, 1, 0]);
    expect(data.outputSize).toBe(1);
  });

  it("maps any two distinct labels to 0 (the smaller) and 1", () => {
    const data = parseCsvPoints("1,1\n2,-1\n3,1");
    expect(Array.from(data.labels ?? [])).toEqual([1, 0, 1]);
    expect(Array.from(data.y)).toEqual([1, 0, 1]);
  });

  it("gives one-hot targets for more than two classes", () => {
    const data = parseCsvPoints("x,label\n0,2\n1,0\n2,1\n3,2");
    expect(data.classes).toBe(3);
    expect(data.outputSize).toBe(3);
    expect(data.inputSize).toBe(1);
    expect(Array.from(data.y)).toEqual([0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 1]);
    expect(Array.from(data.labels ?? [])).toEqual([2, 0, 1, 2]);
  });

  it("keeps real-valued targets for regression", () => {
    const data = parseCsvPoints("x1;x2;y\n1;2;0,75\n3;4;-2,5", { kind: "regression" });
    expect(data.kind).toBe("regression");
    expect(data.outputSize).toBe(1);
    expect(Array.from(data.y)).toEqual([0.75, -2.5]);
    expect(data.labels).toBeUndefined();
    expect(data.classes).toBeUndefined();
  });

  it("names the line of a non-numeric cell", () => {
    const error = caught(() => parseCsvPoints("x1,x2,label\n1,2,0\n\n3,abc,1"));
    expect(error.line).toBe(4);
    expect(error.message).toMatch(/^Line 4: column 2 is "abc", which is not a number/);
  });

  it("does not take hexadecimal, Infinity or empty cells as numbers", () => {
    expect(caught(() => parseCsvPoints("1,2,0\n0x10,2,1")).message).toMatch(/^Line 2: column 1/);
    expect(caught(() => parseCsvPoints("1,2,0\nInfinity,2,1")).line).toBe(2);
    expect(caught(() => parseCsvPoints("1,2,0\n1,,1")).message).toBe("Line 2: column 2 is empty.");
    expect(caught(() => parseCsvPoints("1,2,0\n1e999,2,1")).message).toMatch(/too large/);
  });

  it("names the line of a ragged row", () => {
    const error = caught(() => parseCsvPoints("x1,x2,label\n1,2,0\n1,2\n"));
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/found 2 values, but the first row has 3/);
  });

  it("rejects too many rows, naming the first line over the limit", () => {
    const body = Array.from({ length: MAX_CSV_ROWS + 1 }, (_, i) => `${i},${i % 2}`).join("\n");
    const error = caught(() => parseCsvPoints(`x,label\n${body}`));
    expect(error.line).toBe(MAX_CSV_ROWS + 2);
    expect(error.message).toMatch(/too many rows/);
    expect(parseCsvPoints(body.split("\n").slice(0, MAX_CSV_ROWS).join("\n")).size).toBe(
      MAX_CSV_ROWS,
    );
  });

  it("rejects too many columns and a single column", () => {
    const wide = Array.from({ length: MAX_CSV_COLUMNS + 1 }, () => "1").join(",");
    expect(caught(() => parseCsvPoints(`\n${wide}`)).message).toMatch(/^Line 2: found 65 columns/);
    expect(caught(() => parseCsvPoints("1\n2")).message).toMatch(/^Line 1: found 1 column;/);
  });

  it("rejects text without data", () => {
    expect(caught(() => parseCsvPoints("")).message).toMatch(/no data rows/);
    expect(caught(() => parseCsvPoints("  \n\n")).message).toMatch(/no data rows/);
    expect(caught(() => parseCsvPoints("x1,x2,label\n")).message).toMatch(/header but no data/);
  });

  it("rejects labels that are not class indices, naming the line", () => {
    const error = caught(() => parseCsvPoints("x,label\n0,0\n1,1\n2,1.5"));
    expect(error.line).toBe(4);
    expect(error.message).toMatch(/label 1.5 is not a class index/);
    expect(caught(() => parseCsvPoints("0,0\n1,-1\n2,1")).line).toBe(2);
    expect(caught(() => parseCsvPoints("0,1\n1,2\n2,3")).message).toMatch(/no row has label 0/);
    expect(caught(() => parseCsvPoints("0,1\n1,1")).message).toMatch(/at least two different/);
  });
});

describe("fromPoints", () => {
  it("turns drawn points into a two-input, two-class dataset", () => {
    const data = fromPoints([
      { x: 0.1, y: -0.2, label: 0 },
      { x: 0.5, y: 0.5, label: 1 },
      { x: -0.3, y: 0.9, label: 1 },
    ]);
    expect(data.kind).toBe("classification");
    expect(data.size).toBe(3);
    expect(data.inputSize).toBe(2);
    expect(data.outputSize).toBe(1);
    expect(data.classes).toBe(2);
    expect(Array.from(data.x)).toEqual([0.1, -0.2, 0.5, 0.5, -0.3, 0.9]);
    expect(Array.from(data.y)).toEqual([0, 1, 1]);
  });

  it("uses one-hot targets for more classes, and a fixed class count when given", () => {
    const points = [
      { x: 0, y: 0, label: 0 },
      { x: 1, y: 1, label: 1 },
    ];
    const data = fromPoints(points, { classes: 3 });
    expect(data.outputSize).toBe(3);
    expect(Array.from(data.y)).toEqual([1, 0, 0, 0, 1, 0]);
    expect(fromPoints([...points, { x: 2, y: 2, label: 2 }]).classes).toBe(3);
  });

  it("gives an empty dataset for a blank canvas", () => {
    const data = fromPoints([]);
    expect(data.size).toBe(0);
    expect(data.x).toHaveLength(0);
    expect(data.classes).toBe(2);
  });

  it("rejects unusable points, naming them", () => {
    expect(() => fromPoints([{ x: Number.NaN, y: 0, label: 0 }])).toThrow(/point 0/);
    expect(() =>
      fromPoints([
        { x: 0, y: 0, label: 0 },
        { x: 0, y: 0, label: 0.5 },
      ]),
    ).toThrow(/point 1 has label 0.5/);
    expect(() => fromPoints([{ x: 0, y: 0, label: 3 }], { classes: 2 })).toThrow(/only 2 classes/);
  });
});
