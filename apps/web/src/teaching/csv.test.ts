import { describe, expect, it } from "vitest";
import { csvResponse, spreadsheetSafe, toCsv } from "./csv";

// csv-parse is not a dependency of apps/web: the assertions read the raw text.

const BOM = "\uFEFF";

describe("spreadsheetSafe", () => {
  it.each([
    ["=SUM(A1:A9)", "'=SUM(A1:A9)"],
    ["+49 30 1234", "'+49 30 1234"],
    ["-2+3", "'-2+3"],
    ["@SUM(1)", "'@SUM(1)"],
    ["\tcmd", "'\tcmd"],
    ["\rcmd", "'\rcmd"],
  ])("prefixes %j with an apostrophe", (field, safe) => {
    expect(spreadsheetSafe(field)).toBe(safe);
  });

  it.each(["Ada", "a=b", "x+y", "e-mail", "ada@example.org", "", "Zoë", "'quoted", " =1"])(
    "leaves %j as it is",
    (field) => {
      expect(spreadsheetSafe(field)).toBe(field);
    },
  );
});

describe("toCsv", () => {
  it("starts with a byte-order mark and ends every record with CRLF", () => {
    const csv = toCsv(["name", "score"], [["Ada", 3]]);
    expect(csv).toBe(`${BOM}name,score\r\nAda,3\r\n`);
    expect(csv.codePointAt(0)).toBe(0xfeff);
  });

  it("writes a file with only the header when there are no rows", () => {
    expect(toCsv(["a", "b"], [])).toBe(`${BOM}a,b\r\n`);
  });

  it("has no bare LF line ends", () => {
    const csv = toCsv(["a"], [["1"], ["2"], ["3"]]);
    expect(csv).toBe(`${BOM}a\r\n1\r\n2\r\n3\r\n`);
    expect(csv.replaceAll("\r\n", "")).not.toMatch(/[\r\n]/);
  });

  it("quotes fields with commas and quotes, doubling the quotes", () => {
    const csv = toCsv(["field"], [["Lovelace, Ada"], ['say "hi"']]);
    expect(csv).toBe(`${BOM}field\r\n"Lovelace, Ada"\r\n"say ""hi"""\r\n`);
  });

  it("quotes a field with a CRLF line break", () => {
    expect(toCsv(["field"], [["line 1\r\nline 2"]])).toBe(`${BOM}field\r\n"line 1\r\nline 2"\r\n`);
  });

  // A bare LF or CR ends the record for spreadsheets and CSV parsers: left unquoted, a multi-line
  // answer or name splits its row in two.
  it("quotes a field with a bare LF", () => {
    expect(toCsv(["field", "n"], [["line 1\nline 2", 1]])).toBe(
      `${BOM}field,n\r\n"line 1\nline 2",1\r\n`,
    );
  });

  it("quotes a field with a bare CR", () => {
    expect(toCsv(["field", "n"], [["line 1\rline 2", 1]])).toBe(
      `${BOM}field,n\r\n"line 1\rline 2",1\r\n`,
    );
  });

  it("escapes every field a spreadsheet would run as a formula, header included", () => {
    const csv = toCsv(
      ["=cmd", "name"],
      [
        ['=HYPERLINK("http://x")', "+1"],
        ["-1", "@me"],
        ["\tx", "ok"],
      ],
    );
    expect(csv).toBe(
      `${BOM}'=cmd,name\r\n` +
        `"'=HYPERLINK(""http://x"")",'+1\r\n` +
        `'-1,'@me\r\n` +
        `'\tx,ok\r\n`,
    );
  });

  it("escapes a field starting with a carriage return, and quotes it", () => {
    expect(toCsv(["a", "b"], [["\rx", "ok"]])).toBe(`${BOM}a,b\r\n"'\rx",ok\r\n`);
  });

  it("escapes a formula that also needs quoting", () => {
    expect(toCsv(["a"], [["=1,2"]])).toBe(`${BOM}a\r\n"'=1,2"\r\n`);
  });

  it("leaves safe text unchanged", () => {
    expect(toCsv(["a", "b", "c"], [["a=b", "e-mail", "x@y"]])).toBe(
      `${BOM}a,b,c\r\na=b,e-mail,x@y\r\n`,
    );
  });

  it("writes numbers and booleans as they are, negative numbers without an apostrophe", () => {
    expect(toCsv(["n", "m", "f", "t", "b"], [[-3, 0, 2.5, -0.25, true]])).toBe(
      `${BOM}n,m,f,t,b\r\n-3,0,2.5,-0.25,true\r\n`,
    );
  });

  it("writes null as an empty field", () => {
    expect(toCsv(["a", "b", "c"], [[null, "x", null]])).toBe(`${BOM}a,b,c\r\n,x,\r\n`);
  });

  it("keeps non-ASCII names intact", () => {
    const csv = toCsv(["name"], [["Jürgen Weiß 🧠"]]);
    expect(csv).toBe(`${BOM}name\r\nJürgen Weiß 🧠\r\n`);
    const bytes = new TextEncoder().encode(csv);
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes)).toBe(csv);
  });
});

describe("csvResponse", () => {
  const csv = toCsv(["name", "solved"], [["Zoë", 3]]);

  it("is an uncached UTF-8 CSV attachment", () => {
    const response = csvResponse("class.csv", csv);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(response.headers.get("Content-Disposition")).toBe(
      `attachment; filename="class.csv"; filename*=UTF-8''class.csv`,
    );
  });

  it("carries the CSV as its body, byte-order mark included", async () => {
    const bytes = new Uint8Array(await csvResponse("class.csv", csv).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes).toEqual(new TextEncoder().encode(csv));
    // Response.text() decodes as UTF-8 and so drops the byte-order mark.
    expect(await csvResponse("class.csv", csv).text()).toBe(csv.slice(1));
  });

  it("gives a name with ü percent-encoded, and an ASCII fallback", () => {
    const disposition = csvResponse("Klasse 7ü.csv", csv).headers.get("Content-Disposition");
    expect(disposition).toBe(
      `attachment; filename="Klasse 7u.csv"; filename*=UTF-8''Klasse%207%C3%BC.csv`,
    );
  });

  it("leaves double quotes and backslashes out of the fallback", () => {
    const disposition = csvResponse('Gruppe "A"\\B.csv', csv).headers.get("Content-Disposition");
    expect(disposition).toBe(
      `attachment; filename="Gruppe AB.csv"; filename*=UTF-8''Gruppe%20%22A%22%5CB.csv`,
    );
  });

  it("falls back to export.csv when nothing of the name is ASCII", () => {
    const disposition = csvResponse("日本語", csv).headers.get("Content-Disposition");
    expect(disposition).toBe(
      `attachment; filename="export.csv"; filename*=UTF-8''%E6%97%A5%E6%9C%AC%E8%AA%9E`,
    );
  });

  it("keeps the fallback to printable ASCII without quotes", () => {
    const disposition =
      csvResponse('Zoë\'s "Kurs"\t😀.csv', csv).headers.get("Content-Disposition") ?? "";
    const fallback = /filename="([^"]*)"/.exec(disposition)?.[1];
    expect(fallback).toBe("Zoe's Kurs.csv");
    expect(disposition).toMatch(/^[\x20-\x7e]*$/);
  });

  it("uses only RFC 8187 attr-chars in filename* (', (, ) and * percent-encoded)", () => {
    const disposition =
      csvResponse("Zoë's Klasse (7b)*.csv", csv).headers.get("Content-Disposition") ?? "";
    const extended = /filename\*=UTF-8''(.*)$/.exec(disposition)?.[1];
    expect(extended).toBe("Zo%C3%AB%27s%20Klasse%20%287b%29%2A.csv");
    expect(extended).toMatch(/^[A-Za-z0-9!#$&+\-.^_`|~%]*$/);
  });
});
