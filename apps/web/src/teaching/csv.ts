import { stringify } from "csv-stringify/sync";

/**
 * CSV files for spreadsheets: UTF-8 with a byte-order mark (Excel reads names such as "Zoë"
 * right only with one), CRLF line ends, and every field a spreadsheet would run as a formula
 * (starting with =, +, -, @, a tab or a carriage return) prefixed with an apostrophe, so an
 * answer or a name like `=HYPERLINK(…)` stays text (OWASP's advice on CSV injection).
 */

const FORMULA_START = /^[=+\-@\t\r]/;

export function spreadsheetSafe(field: string): string {
  return FORMULA_START.test(field) ? `'${field}` : field;
}

export type CsvField = string | number | boolean | null;

export function toCsv(header: readonly string[], rows: readonly (readonly CsvField[])[]): string {
  const cell = (value: CsvField) =>
    value === null ? "" : typeof value === "string" ? spreadsheetSafe(value) : String(value);
  return `\uFEFF${stringify([header.map(cell), ...rows.map((row) => row.map(cell))], {
    record_delimiter: "\r\n",
    // With its own record delimiter, csv-stringify quotes only that: a lone line break in a
    // field (a multi-line answer) must be quoted too, or it splits the row.
    quoted_match: /[\r\n]/,
  })}`;
}

/** Percent-encoding for `filename*` (RFC 8187): encodeURIComponent leaves ' ( ) * as they are. */
function rfc8187(text: string): string {
  return encodeURIComponent(text).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * The answer to a CSV download: an attachment, never cached. The file's name may hold any
 * letters (a cohort called "Klasse 7ü"): RFC 6266's `filename*` carries it, with an ASCII
 * fallback for old clients.
 */
export function csvResponse(filename: string, csv: string): Response {
  const ascii = filename
    .normalize("NFKD")
    .replace(/[^\x20-\x7e]/g, "")
    .replace(/["\\]/g, "");
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${ascii || "export.csv"}"; filename*=UTF-8''${rfc8187(filename)}`,
      "Cache-Control": "no-store",
    },
  });
}
