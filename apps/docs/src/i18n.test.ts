import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_LOCALE, LOCALES } from "@neuronlab/config/locales";
import { describe, expect, it } from "vitest";
import { galleryEntries } from "./gallery/registry.ts";
import {
  counterpart,
  DOCS_LOCALES,
  isEnglishOnly,
  loadDocsMessages,
  localePath,
  splitPath,
} from "./i18n.ts";
import { docPages } from "./nav.ts";

const appDir = fileURLToPath(new URL("../app", import.meta.url));

/** Where a language's pages live: app/(en)/ for English, app/(<code>)/<code>/ for the others. */
function localeDir(locale: string): string {
  return locale === DEFAULT_LOCALE
    ? join(appDir, `(${locale})`)
    : join(appDir, `(${locale})`, locale);
}

/** Every page of one language, as its English path ("/", "/running-it", "/gallery/neuron"). */
function pagesOf(locale: string): string[] {
  const found: string[] = [];
  const walk = (dir: string, path: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name), `${path}/${entry.name}`);
      else if (/^page\.(mdx|md|tsx|ts)$/.test(entry.name)) found.push(path || "/");
    }
  };
  walk(localeDir(locale), "");
  return found.sort();
}

const otherLocales = DOCS_LOCALES.filter((locale) => locale !== DEFAULT_LOCALE);

describe("the docs in every language", () => {
  it("speak every language of the platform", () => {
    expect(DOCS_LOCALES).toEqual(LOCALES);
    expect(otherLocales.length).toBeGreaterThan(0);
  });

  it.each(DOCS_LOCALES)("%s has its own root layout", (locale) => {
    expect(existsSync(join(localeDir(locale), "layout.tsx"))).toBe(true);
  });

  it.each(otherLocales)("%s has exactly the English pages", (locale) => {
    const english = pagesOf(DEFAULT_LOCALE).filter((href) => !isEnglishOnly(href));
    expect(pagesOf(locale)).toEqual(english);
  });

  it("keeps only each figure's own page in English alone", () => {
    const englishOnly = pagesOf(DEFAULT_LOCALE).filter(isEnglishOnly);
    expect(englishOnly).toEqual(galleryEntries.map(({ slug }) => `/gallery/${slug}`).sort());
  });

  it.each(DOCS_LOCALES)("%s has a page for every entry of the table of contents", (locale) => {
    const pages = pagesOf(locale);
    for (const { href } of docPages) expect(pages, `${locale}: ${href}`).toContain(href);
  });

  it.each(DOCS_LOCALES)("%s has every message the English has", async (locale) => {
    const [english, messages] = await Promise.all([
      loadDocsMessages(DEFAULT_LOCALE),
      loadDocsMessages(locale),
    ]);
    expect(Object.keys(messages.ui).sort()).toEqual(Object.keys(english.ui).sort());
    for (const value of Object.values(messages.ui)) expect(value.trim()).not.toBe("");
  });

  it.each(otherLocales)("%s names every page and every figure", async (locale) => {
    const { nav, gallery } = await loadDocsMessages(locale);
    const titles: Record<string, string> = nav ?? {};
    expect(Object.keys(titles).sort()).toEqual(docPages.map((p) => p.href).sort());
    for (const title of Object.values(titles)) expect(title.trim()).not.toBe("");
    const entries: Record<string, { title: string; summary: string }> = gallery?.entries ?? {};
    expect(Object.keys(entries).sort()).toEqual(galleryEntries.map((e) => e.slug).sort());
    for (const { title, summary } of Object.values(entries)) {
      expect(title.trim()).not.toBe("");
      expect(summary.trim()).not.toBe("");
    }
  });
});

describe("addresses across languages", () => {
  it("puts English at the root and the others under their code", () => {
    expect(localePath("en", "/")).toBe("/");
    expect(localePath("en", "/running-it")).toBe("/running-it");
    expect(localePath("de", "/")).toBe("/de");
    expect(localePath("de", "/running-it")).toBe("/de/running-it");
  });

  it("reads the language and the page back from an address", () => {
    expect(splitPath("/")).toEqual({ locale: "en", href: "/" });
    expect(splitPath("/gallery/neuron")).toEqual({ locale: "en", href: "/gallery/neuron" });
    expect(splitPath("/de")).toEqual({ locale: "de", href: "/" });
    expect(splitPath("/de/")).toEqual({ locale: "de", href: "/" });
    expect(splitPath("/de/running-it")).toEqual({ locale: "de", href: "/running-it" });
    expect(splitPath("/design")).toEqual({ locale: "en", href: "/design" });
  });

  it("switches to the same page, or to the gallery for a figure's own page", () => {
    expect(counterpart("de", "/running-it")).toBe("/de/running-it");
    expect(counterpart("en", "/running-it")).toBe("/running-it");
    expect(counterpart("de", "/gallery/neuron")).toBe("/de/gallery");
    expect(counterpart("en", "/gallery")).toBe("/gallery");
  });
});
