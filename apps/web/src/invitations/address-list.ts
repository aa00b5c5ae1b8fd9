import { CsvError, parse } from "csv-parse/sync";
import { z } from "zod";

/**
 * Reads the list of addresses an educator pasted or uploaded: one address per line, several on a
 * line separated by commas or semicolons, or a CSV file (comma- or semicolon-separated, as Excel
 * writes it in English and in German) with a column named email, e-mail, address (any case).
 * Every address keeps the line it came from, so each problem can be pointed at.
 */

/** The most addresses one list may hold (a large school year), and its size in bytes. */
export const MAX_ADDRESSES = 500;
export const MAX_LIST_BYTES = 200 * 1024;

/** The longest address SMTP carries (RFC 5321's path limit, less its angle brackets). */
const MAX_ADDRESS_LENGTH = 254;

/** How many characters of an unreadable entry are shown back. */
const SHOWN = 120;

export type InvalidReason = "empty" | "format" | "too_long";

export interface ListEntry {
  /** The line of the text it was read from (1 is the first). */
  row: number;
  /** As read (trimmed; cut after 120 characters), to show back. */
  value: string;
  /** The address, lower-case, when the entry is one. */
  email: string | null;
  reason?: InvalidReason;
  /** For the second and later entries of one address: the row of its first. */
  duplicateOf?: number;
}

export type ListProblem =
  | { kind: "too_large"; bytes: number }
  | { kind: "too_many"; count: number }
  | { kind: "empty" }
  | { kind: "csv"; line: number };

export type AddressList = { ok: true; entries: ListEntry[] } | { ok: false; problem: ListProblem };

/** Header cells that name the address column (compared in lower case, spaces squeezed). */
const ADDRESS_HEADERS = new Set([
  "email",
  "e-mail",
  "e mail",
  "email address",
  "e-mail address",
  "e-mail-adresse",
  "emailadresse",
  "mail",
  "address",
  "adresse",
]);

const emailSchema = z.email();

/** The list as UTF-8 text; a byte order mark at its start is not part of it. */
export function readAddressList(input: string): AddressList {
  const text = (input.startsWith("\uFEFF") ? input.slice(1) : input).replace(/\r\n?/g, "\n");
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_LIST_BYTES) return { ok: false, problem: { kind: "too_large", bytes } };

  const firstLine = text.split("\n").find((line) => line.trim().length > 0) ?? "";
  const delimiter = delimiterOf(firstLine);
  const column = headerColumn(firstLine, delimiter);
  let cells: { row: number; value: string }[];
  if (column >= 0) {
    const read = readCsv(text, delimiter, column);
    if (!read.ok) return read;
    cells = read.cells;
  } else {
    // A plain list: every value on every line, whichever of the two separators it used.
    cells = text.split("\n").flatMap((line, index) =>
      line
        .split(/[,;]/)
        .map((part) => part.trim())
        .filter((value) => value.length > 0)
        .map((value) => ({ row: index + 1, value })),
    );
  }
  if (cells.length === 0) return { ok: false, problem: { kind: "empty" } };
  if (cells.length > MAX_ADDRESSES) {
    return { ok: false, problem: { kind: "too_many", count: cells.length } };
  }

  const first = new Map<string, number>();
  const entries = cells.map(({ row, value }): ListEntry => {
    const shown = value.length > SHOWN ? `${value.slice(0, SHOWN)}…` : value;
    const checked = checkAddress(value);
    if (!checked.ok) return { row, value: shown, email: null, reason: checked.reason };
    const seen = first.get(checked.email);
    if (seen !== undefined) return { row, value: shown, email: checked.email, duplicateOf: seen };
    first.set(checked.email, row);
    return { row, value: shown, email: checked.email };
  });
  return { ok: true, entries };
}

interface CsvRecord {
  record: string[];
  info: { lines: number };
}

const CSV_OPTIONS = {
  relax_column_count: true,
  relax_quotes: true,
  skip_empty_lines: true,
  trim: true,
  info: true,
} as const;

/** The address column of a CSV file with a header row, row by row (blank rows left out). */
function readCsv(
  text: string,
  delimiter: string,
  column: number,
): { ok: true; cells: { row: number; value: string }[] } | { ok: false; problem: ListProblem } {
  let records: CsvRecord[];
  try {
    // With `info`, each record comes as { record, info } (the types know only plain records).
    records = parse(text, { ...CSV_OPTIONS, delimiter }) as unknown as CsvRecord[];
  } catch (error) {
    if (error instanceof CsvError) {
      const line = error.lines;
      return { ok: false, problem: { kind: "csv", line: typeof line === "number" ? line : 1 } };
    }
    throw error;
  }
  const cells: { row: number; value: string }[] = [];
  for (const { record, info } of records.slice(1)) {
    if (record.every((cell) => cell.length === 0)) continue;
    cells.push({ row: info.lines, value: record[column] ?? "" });
  }
  return { ok: true, cells };
}

/**
 * One value as an address: "Ada <ada@example.com>" (as mail programs copy it) and "mailto:" are
 * read as the address inside; the address is compared and stored in lower case.
 */
export function checkAddress(
  value: string,
): { ok: true; email: string } | { ok: false; reason: InvalidReason } {
  let candidate = value.trim();
  const angled = /<([^<>]*)>\s*$/.exec(candidate);
  if (angled) candidate = (angled[1] ?? "").trim();
  candidate = candidate.replace(/^mailto:/i, "").replace(/^["']|["']$/g, "");
  if (candidate.length === 0) return { ok: false, reason: "empty" };
  if (candidate.length > MAX_ADDRESS_LENGTH) return { ok: false, reason: "too_long" };
  const email = candidate.toLowerCase();
  return emailSchema.safeParse(email).success
    ? { ok: true, email }
    : { ok: false, reason: "format" };
}

/** The column of a header row that names the address, or -1 when the line is no header. */
function headerColumn(line: string, delimiter: string): number {
  let cells: string[];
  try {
    cells = parse(line, { ...CSV_OPTIONS, info: false, delimiter })[0] ?? [];
  } catch {
    return -1;
  }
  return cells.findIndex((cell) =>
    ADDRESS_HEADERS.has(
      cell
        .toLowerCase()
        .replace(/[\s_]+/g, " ")
        .trim(),
    ),
  );
}

/**
 * A semicolon-separated file (Excel's in German) or a comma-separated one: whichever of the two
 * its first line holds more of, outside quotes. A name with a comma in a semicolon file stays
 * one field.
 */
function delimiterOf(line: string): "," | ";" {
  let quoted = false;
  let commas = 0;
  let semicolons = 0;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === ",") commas++;
    else if (!quoted && char === ";") semicolons++;
  }
  return semicolons > commas ? ";" : ",";
}
