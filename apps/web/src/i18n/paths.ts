import { DEFAULT_LOCALE, type Locale } from "@neuronlab/config/locales";

/**
 * A page's path in a language, as src/i18n/routing.ts lays the addresses out ("as-needed"): the
 * source language's pages at `/…`, every other language's under its code. For code that runs
 * outside a page (mails); pages and components use the `Link` and `getPathname` of navigation.ts.
 */
export function localePath(path: `/${string}`, locale: Locale): string {
  if (locale === DEFAULT_LOCALE) return path;
  return path === "/" ? `/${locale}` : `/${locale}${path}`;
}
