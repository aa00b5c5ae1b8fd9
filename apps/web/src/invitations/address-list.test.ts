import { describe, expect, it } from "vitest";
import { checkAddress, MAX_ADDRESSES, MAX_LIST_BYTES, readAddressList } from "./address-list";

function entries(text: string) {
  const list = readAddressList(text);
  if (!list.ok) throw new Error(`not read: ${JSON.stringify(list.problem)}`);
  return list.entries;
}

/** [row, email or reason or "dup of N"] per entry: what the preview table shows. */
function summary(text: string) {
  return entries(text).map((e) => [
    e.row,
    e.reason ?? (e.duplicateOf ? `dup of ${String(e.duplicateOf)}` : e.email),
  ]);
}

describe("readAddressList", () => {
  it("reads one address per line, in lower case, with each line's number", () => {
    expect(summary("ada@example.com\r\n\r\nBOB@Example.COM\n  carl@example.org  \n")).toEqual([
      [1, "ada@example.com"],
      [3, "bob@example.com"],
      [4, "carl@example.org"],
    ]);
  });

  it("reads several addresses on a line, separated by commas or semicolons", () => {
    expect(summary("a@example.com, b@example.com; c@example.com\nd@example.com;")).toEqual([
      [1, "a@example.com"],
      [1, "b@example.com"],
      [1, "c@example.com"],
      [2, "d@example.com"],
    ]);
  });

  it("reads addresses as mail programs copy them", () => {
    expect(
      summary('Ada Lovelace <ada@example.com>, "Bob" <bob@example.com>\nmailto:carl@example.com'),
    ).toEqual([
      [1, "ada@example.com"],
      [1, "bob@example.com"],
      [2, "carl@example.com"],
    ]);
  });

  it.each([
    ["email", ","],
    ["E-Mail", ";"],
    ["e-mail", ","],
    ["EMAIL", ";"],
    ["Address", ","],
    ["E-Mail-Adresse", ";"],
  ])("reads the %s column of a CSV file separated by %s", (header, sep) => {
    const csv = [
      ["Name", header, "Class"].join(sep),
      ["Anna", "anna@example.com", "7b"].join(sep),
      ["Ben", "BEN@example.com", "7b"].join(sep),
    ].join("\n");
    expect(summary(csv)).toEqual([
      [2, "anna@example.com"],
      [3, "ben@example.com"],
    ]);
  });

  it("reads a German Excel file: semicolons, quoted commas, a byte order mark, CRLF", () => {
    const csv =
      '\uFEFFNachname;Vorname;E-Mail\r\n"Müller, Jr.";Jörg;joerg@example.de\r\n;;\r\nÖzil;Mesut;mesut@example.de\r\n';
    expect(summary(csv)).toEqual([
      [2, "joerg@example.de"],
      [4, "mesut@example.de"],
    ]);
  });

  it("names every problem with its row: empty cells, non-addresses, overlong ones, duplicates", () => {
    const csv = [
      "name,email",
      "Anna,anna@example.com",
      "Ben,",
      "Carl,not an address",
      `Dora,${"d".repeat(250)}@example.com`,
      "Anna again,ANNA@example.com",
      "Eve,eve@example",
      "Fay,fay@@example.com",
    ].join("\n");
    expect(summary(csv)).toEqual([
      [2, "anna@example.com"],
      [3, "empty"],
      [4, "format"],
      [5, "too_long"],
      [6, "dup of 2"],
      [7, "format"],
      [8, "format"],
    ]);
    const long = entries(csv)[3];
    expect(long?.value.length).toBeLessThanOrEqual(121);
    expect(long?.value.endsWith("…")).toBe(true);
  });

  it("says which line a broken CSV file breaks at", () => {
    expect(readAddressList('email\na@example.com\n"b@example.com\nc@example.com')).toEqual({
      ok: false,
      problem: { kind: "csv", line: expect.any(Number) as number },
    });
  });

  it("refuses an empty list, a list of blank lines and a header without rows", () => {
    for (const text of ["", "\n\n  \n", "\uFEFF", "email\n", "E-Mail;Name\n;\n"]) {
      expect(readAddressList(text), JSON.stringify(text)).toEqual({
        ok: false,
        problem: { kind: "empty" },
      });
    }
  });

  it(`takes ${String(MAX_ADDRESSES)} addresses and refuses one more`, () => {
    const list = (n: number) =>
      Array.from({ length: n }, (_, i) => `p${String(i)}@example.com`).join("\n");
    expect(entries(list(MAX_ADDRESSES))).toHaveLength(MAX_ADDRESSES);
    expect(readAddressList(list(MAX_ADDRESSES + 1))).toEqual({
      ok: false,
      problem: { kind: "too_many", count: MAX_ADDRESSES + 1 },
    });
  });

  it("refuses a file of 10,000 rows, and one larger than 200 KB, whole", () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => `${String(i)}@ex.de`).join("\n");
    expect(new TextEncoder().encode(rows).length).toBeLessThan(MAX_LIST_BYTES);
    expect(readAddressList(`email\n${rows}`)).toEqual({
      ok: false,
      problem: { kind: "too_many", count: 10_000 },
    });
    const big = `email\n${"x".repeat(MAX_LIST_BYTES)}`;
    expect(readAddressList(big)).toMatchObject({ ok: false, problem: { kind: "too_large" } });
  });
});

describe("checkAddress", () => {
  it("accepts what zod's z.email() accepts, in lower case", () => {
    expect(checkAddress(" Jörg@Example.de ")).toEqual({ ok: false, reason: "format" });
    expect(checkAddress("first.last+tag@sub.example.co.uk")).toEqual({
      ok: true,
      email: "first.last+tag@sub.example.co.uk",
    });
    expect(checkAddress("<>")).toEqual({ ok: false, reason: "empty" });
    expect(checkAddress("a b@example.com")).toEqual({ ok: false, reason: "format" });
  });
});
