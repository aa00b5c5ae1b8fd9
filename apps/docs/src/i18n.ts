import { DEFAULT_LOCALE, LOCALES, type Locale } from "@neuronlab/config/locales";
import type { Metadata } from "next";
import type en from "../messages/en.json";
import type de from "../messages/de.json";
import { docPages, type DocPage } from "./nav";

/**
 * The docs speak the platform's languages (packages/config/locales.json). English is the source:
 * its pages live in app/(en)/ at the site's root, its words in the code (nav.ts, the gallery's
 * registry) and in messages/en.json. Every other language has its pages in app/(<code>)/<code>/,
 * served under /<code>/…, and its words in messages/<code>.json.
 */
export const DOCS_LOCALES: readonly Locale[] = LOCALES;

/** The UI words of the docs in one language (messages/<locale>.json). */
export type DocsMessages = typeof en & Partial<Omit<typeof de, "ui">>;

export async function loadDocsMessages(locale: Locale): Promise<DocsMessages> {
  return ((await import(`../messages/${locale}.json`)) as { default: DocsMessages }).default;
}

/** The address of the page `href` (an English path, e.g. "/running-it") in `locale`. */
export function localePath(locale: Locale, href: string): string {
  if (locale === DEFAULT_LOCALE) return href;
  return href === "/" ? `/${locale}` : `/${locale}${href}`;
}

/** Splits an address into its language and the page's English path: "/de/gallery" → de, "/gallery". */
export function splitPath(pathname: string): { locale: Locale; href: string } {
  const [, first = "", ...rest] = pathname.split("/");
  if (first !== DEFAULT_LOCALE && DOCS_LOCALES.includes(first)) {
    return { locale: first, href: `/${rest.join("/")}`.replace(/(.)\/$/, "$1") };
  }
  return { locale: DEFAULT_LOCALE, href: pathname };
}

/**
 * Pages written in English only: each figure's own page of the gallery (its live example, import
 * and props). The other languages' gallery index lists the figures and links to these.
 */
export function isEnglishOnly(href: string): boolean {
  return /^\/gallery\/./.test(href);
}

/** Where the language switcher leads from `href`: the same page, or its section's index. */
export function counterpart(locale: Locale, href: string): string {
  if (locale !== DEFAULT_LOCALE && isEnglishOnly(href)) return localePath(locale, "/gallery");
  return localePath(locale, href);
}

/** The title of a page of the table of contents in `locale`. */
export function pageTitle(page: DocPage, messages: DocsMessages): string {
  return messages.nav?.[page.href as keyof typeof de.nav] ?? page.title;
}

/** A page's metadata: its title in `locale` and `hreflang` links to every language's version. */
export async function pageMetadata(locale: Locale, href: DocPage["href"]): Promise<Metadata> {
  const page = docPages.find((p) => p.href === href);
  if (!page) throw new Error(`"${href}" is not in the docs' table of contents (src/nav.ts).`);
  return {
    title: pageTitle(page, await loadDocsMessages(locale)),
    alternates: {
      canonical: localePath(locale, href),
      languages: {
        ...Object.fromEntries(DOCS_LOCALES.map((l) => [l, localePath(l, href)])),
        "x-default": localePath(DEFAULT_LOCALE, href),
      },
    },
  };
}
