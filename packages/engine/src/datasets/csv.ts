/**
 * Datasets a learner brings along: pasted or uploaded CSV text, or points drawn on a canvas.
 * The input is untrusted, so every problem is reported with the line it is on, in words a
 * learner can act on.
 */
import type { Dataset, DatasetKind } from "../dataset.ts";
import { classificationDataset } from "./generators.ts";

/** Largest number of data rows accepted, to keep a paste from freezing the page. */
export const MAX_CSV_ROWS = 10_000;
/** Largest number of columns (inputs plus the target). */
export const MAX_CSV_COLUMNS = 64;
/** Largest number of classes; labels are class indices, so this also bounds the one-hot width. */
export const MAX_CLASSES = 64;

/** A CSV or point-list problem; `line` is the 1-based line of the text it was found on, if any. */
export class CsvError extends Error {
  override readonly name = "CsvError";
  readonly line: number | undefined;

  constructor(message: string, line?: number) {
    super(line === undefined ? message : `Line ${line}: ${message}`);
    this.line = line;
  }
}

export interface CsvOptions {
  /**
   * How to read the last column. "classification" (the default) takes class labels; "regression"
   * takes any number as the value to predict.
   */
  readonly kind?: DatasetKind;
}

// Plain decimal notation only: Number() would also take "", "0x1f" and "Infinity".
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Reads points from CSV text: one example per line, the input columns first and the target in
 * the last column, for example `x1,x2,label`.
 *
 * - Values are separated by commas, or by semicolons when the first line has one; with
 *   semicolons a decimal comma (`0,5`) is read as a decimal point, as spreadsheets in many
 *   locales write it.
 * - The first line is a header when any of its cells is not a number; it is skipped.
 * - Cells are trimmed (a spreadsheet's byte-order mark included), surrounding double quotes are
 *   dropped, and blank lines are ignored.
 * - Classification labels are either exactly two distinct numbers (the smaller becomes class 0,
 *   the larger class 1, so -1/1 or 1/2 work), or whole numbers 0..k−1 with every class present.
 *
 * Throws a {@link CsvError} naming the line for a non-numeric or empty cell, a row whose length
 * differs from the first, more than {@link MAX_CSV_ROWS} rows or {@link MAX_CSV_COLUMNS} columns,
 * or text without data rows.
 */
export function parseCsvPoints(text: string, options: CsvOptions = {}): Dataset {
  const kind = options.kind ?? "classification";
  const lines = text.split(/\r\n|\r|\n/);
  let delimiter: "," | ";" | undefined;
  let columns = 0;
  let headerSeen = false;
  const rows: { line: number; values: number[] }[] = [];

  for (let index = 0; index < lines.length; index++) {
    const line = index + 1;
    const raw = (lines[index] ?? "").trim();
    if (raw === "") continue;
    const sep = (delimiter ??= raw.includes(";") ? ";" : ",");
    const cells = raw.split(sep).map(cleanCell);
    const first = columns === 0;
    if (first) {
      if (cells.length < 2) {
        throw new CsvError(
          `found ${cells.length} column; need at least one input column and a target column, separated by commas or semicolons.`,
          line,
        );
      }
      if (cells.length > MAX_CSV_COLUMNS) {
        throw new CsvError(
          `found ${cells.length} columns; at most ${MAX_CSV_COLUMNS} are allowed.`,
          line,
        );
      }
      columns = cells.length;
    } else if (cells.length !== columns) {
      throw new CsvError(
        `found ${cells.length} values, but the first row has ${columns}; every row needs the same number.`,
        line,
      );
    }
    // An empty cell alone does not make a header: "1,,0" is a data row with a gap to report.
    if (first && cells.some((cell) => cell !== "" && !NUMBER.test(toDecimal(cell, sep)))) {
      headerSeen = true;
      continue;
    }
    if (rows.length === MAX_CSV_ROWS) {
      throw new CsvError(`too many rows; at most ${MAX_CSV_ROWS} data rows are allowed.`, line);
    }
    const values = cells.map((cell, column) => {
      if (cell === "") throw new CsvError(`column ${column + 1} is empty.`, line);
      const decimal = toDecimal(cell, sep);
      if (!NUMBER.test(decimal)) {
        throw new CsvError(`column ${column + 1} is "${clip(cell)}", which is not a number.`, line);
      }
      return Number(decimal);
    });
    if (values.some((value) => !Number.isFinite(value))) {
      throw new CsvError("a value is too large to represent.", line);
    }
    rows.push({ line, values });
  }

  if (rows.length === 0) {
    throw new CsvError(
      headerSeen ? "the text has a header but no data rows." : "the text has no data rows.",
    );
  }

  const inputSize = columns - 1;
  const x = new Float64Array(rows.length * inputSize);
  const targets = rows.map(({ values }, i) => {
    x.set(values.slice(0, inputSize), i * inputSize);
    return values[inputSize] ?? 0;
  });

  if (kind === "regression") {
    return {
      kind,
      size: rows.length,
      inputSize,
      outputSize: 1,
      x,
      y: Float64Array.from(targets),
    };
  }
  const { labels, classes } = toClassLabels(
    targets,
    rows.map((row) => row.line),
  );
  return classificationDataset(x, inputSize, labels, classes);
}

export interface CanvasPoint {
  readonly x: number;
  readonly y: number;
  /** The class index, 0..classes−1. */
  readonly label: number;
}

export interface FromPointsOptions {
  /**
   * The number of classes the canvas offers. Fixing it keeps the output width steady while a
   * learner has drawn only some of the classes. Default: the largest label + 1, at least 2.
   */
  readonly classes?: number;
}

/**
 * A two-input classification dataset from points drawn on a canvas: inputs (x, y), labels used
 * as class indices as they are. An empty list gives an empty dataset, since a learner starts
 * with a blank canvas. Throws a {@link CsvError} naming the point (0-based) that is not usable.
 */
export function fromPoints(
  points: readonly CanvasPoint[],
  options: FromPointsOptions = {},
): Dataset {
  if (points.length > MAX_CSV_ROWS) {
    throw new CsvError(`too many points: ${points.length}; at most ${MAX_CSV_ROWS} are allowed.`);
  }
  const labels = new Int32Array(points.length);
  const x = new Float64Array(points.length * 2);
  let largest = 0;
  points.forEach((point, i) => {
    if (!Number.isFinite(point.x) || !Number.isFinite(point.y)) {
      throw new CsvError(`point ${i} has a coordinate that is not a finite number.`);
    }
    if (!Number.isInteger(point.label) || point.label < 0 || point.label >= MAX_CLASSES) {
      throw new CsvError(
        `point ${i} has label ${point.label}; labels are class indices 0..${MAX_CLASSES - 1}.`,
      );
    }
    x[2 * i] = point.x;
    x[2 * i + 1] = point.y;
    labels[i] = point.label;
    largest = Math.max(largest, point.label);
  });
  const classes = options.classes ?? Math.max(2, largest + 1);
  if (!Number.isInteger(classes) || classes < 2 || classes > MAX_CLASSES) {
    throw new RangeError(
      `classes must be a whole number from 2 to ${MAX_CLASSES}, got ${classes}.`,
    );
  }
  if (largest >= classes) {
    throw new CsvError(`a point has label ${largest}, but there are only ${classes} classes.`);
  }
  return classificationDataset(x, 2, labels, classes);
}

/** Turns the raw target column into class indices, or explains (by line) why it cannot. */
function toClassLabels(
  targets: readonly number[],
  lineOf: readonly number[],
): { labels: Int32Array; classes: number } {
  const distinct = [...new Set(targets)].sort((a, b) => a - b);
  if (distinct.length < 2) {
    throw new CsvError(
      `every row has label ${distinct[0] ?? 0}; classification needs at least two different labels.`,
    );
  }
  if (distinct.length === 2) {
    const [low] = distinct;
    return { labels: Int32Array.from(targets, (t) => (t === low ? 0 : 1)), classes: 2 };
  }
  targets.forEach((target, i) => {
    if (!Number.isInteger(target) || target < 0 || target >= MAX_CLASSES) {
      throw new CsvError(
        `label ${target} is not a class index; with more than two labels they must be whole numbers 0..${MAX_CLASSES - 1} (use kind "regression" for real-valued targets).`,
        lineOf[i],
      );
    }
  });
  const classes = (distinct.at(-1) ?? 0) + 1;
  if (distinct.length !== classes) {
    const missing = Array.from({ length: classes }, (_, c) => c).find((c) => !distinct.includes(c));
    throw new CsvError(
      `labels must run 0..${classes - 1} with every class present, but no row has label ${missing ?? 0}.`,
    );
  }
  return { labels: Int32Array.from(targets), classes };
}

function cleanCell(cell: string): string {
  const trimmed = cell.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')
    ? trimmed.slice(1, -1).trim()
    : trimmed;
}

function toDecimal(cell: string, delimiter: "," | ";"): string {
  return delimiter === ";" ? cell.replace(",", ".") : cell;
}

/** Keeps a quoted bad cell short enough for an error message. */
function clip(cell: string): string {
  return cell.length > 20 ? `${cell.slice(0, 20)}…` : cell;
}
