import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_LOCALE, LOCALES } from "@neuronlab/config/locales";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { issueValues } from "@/http/errors";

/**
 * The build check of the message catalogues: the platform's (apps/web/messages), the widgets'
 * (packages/content/messages) and the figures' (packages/viz/messages). Every language has every
 * message of the source language and nothing else, with the same placeholders, every message
 * parses, and every message is used by the code that owns the catalogue.
 */

const root = fileURLToPath(new URL("../../../../", import.meta.url));

const catalogues = [
  {
    name: "web",
    dir: "apps/web/messages",
    // The platform also shows the grading feedback whose keys the content package names.
    code: [
      "apps/web/app",
      "apps/web/src",
      "apps/web/proxy.ts",
      "apps/web/server.ts",
      "packages/content/src/exercises",
    ],
  },
  { name: "widgets", dir: "packages/content/messages", code: ["packages/content/src"] },
  { name: "viz", dir: "packages/viz/messages", code: ["packages/viz/src"] },
] as const;

const ISSUE_VALUES = Object.keys(issueValues(new z.ZodError([])));

interface Tree {
  [key: string]: string | Tree;
}

function read(dir: string, locale: string): Tree {
  return JSON.parse(readFileSync(join(root, dir, `${locale}.json`), "utf8")) as Tree;
}

/** Every message's dotted path and text. */
function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [p, v] of leaves(value, path)) out.set(p, v);
  }
  return out;
}

/** The argument names a message uses ({name}, {count, plural, …}, <tag>), sorted. */
function placeholders(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if ("value" in element && element.type !== TYPE.literal) names.add(element.value);
      if ("options" in element)
        for (const option of Object.values(element.options)) walk(option.value);
      if ("children" in element) walk(element.children);
    }
  };
  walk(parse(message));
  return [...names].sort();
}

function sourceFiles(path: string): string[] {
  const full = join(root, path);
  if (statSync(full).isFile()) return [full];
  return readdirSync(full, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.includes("node_modules"))
    .map((f) => join(full, f));
}

describe.each(catalogues)("the $name messages", ({ dir, code }) => {
  const files = readdirSync(join(root, dir)).filter((f) => f.endsWith(".json"));
  const source = leaves(read(dir, DEFAULT_LOCALE));

  it("exist in exactly the platform's languages", () => {
    expect(files.map((f) => f.replace(/\.json$/, "")).sort()).toEqual([...LOCALES].sort());
  });

  it.each(LOCALES.filter((l) => l !== DEFAULT_LOCALE))(
    "in %s: every message of the source, no other, using only the source's placeholders",
    (locale) => {
      const translated = leaves(read(dir, locale));
      expect(
        [...translated.keys()].filter((k) => !source.has(k)),
        "keys the source lacks",
      ).toEqual([]);
      expect(
        [...source.keys()].filter((k) => !translated.has(k)),
        "missing keys",
      ).toEqual([]);
      for (const [key, text] of source) {
        const want = placeholders(text);
        const got = placeholders(translated.get(key) ?? "");
        // What the code passes is what the source uses; a malformed-request message gets every
        // detail of the problem (issueValues), so its translation may use others than the source.
        const passed = key.startsWith("Errors.") && want.includes("detail") ? ISSUE_VALUES : want;
        expect(
          got.filter((p) => !passed.includes(p)),
          key,
        ).toEqual([]);
      }
    },
  );

  it.each(LOCALES)("in %s: every message parses", (locale) => {
    const messages = read(dir, locale);
    const t = createTranslator({
      locale,
      messages,
      onError: (error) => {
        throw error;
      },
    });
    for (const [key, text] of leaves(messages)) {
      // Messages with arguments or tags are checked where they are used.
      if (placeholders(text).length > 0 || text.includes("<")) continue;
      expect(() => t.raw(key as never) as unknown, key).not.toThrow();
      expect(() => t(key as never), key).not.toThrow();
    }
  });

  it("has no message the code never uses", () => {
    const text = code
      .flatMap(sourceFiles)
      .map((f) => readFileSync(f, "utf8"))
      .join("\n");
    const literals = new Set([...text.matchAll(/["'`]([\w.-]+)["'`]/g)].map((m) => m[1]));
    // Keys composed in code (`${name}Title`): the literal part after the interpolation.
    const suffixes = [...text.matchAll(/\}([.\w]+)`/g)].map((m) => m[1] ?? "");
    const prefixes = [...text.matchAll(/`([A-Za-z][\w.]*)\$\{/g)].map((m) => m[1] ?? "");
    const unused = [...source.keys()].filter((path) => {
      const parts = path.split(".");
      const leaf = parts.at(-1) ?? "";
      const withParent = parts.slice(-2).join(".");
      if (literals.has(path) || literals.has(leaf) || literals.has(withParent)) return false;
      return (
        !suffixes.some((s) => leaf.endsWith(s) || withParent.endsWith(s)) &&
        !prefixes.some((p) => leaf.startsWith(p) || withParent.startsWith(p))
      );
    });
    expect(unused).toEqual([]);
  });
});
