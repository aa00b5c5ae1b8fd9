import { DEFAULT_LOCALE, LOCALES, type Locale } from "@neuronlab/config/locales";
import Negotiator from "negotiator";

/**
 * The language to answer an API request in: the best of the platform's languages for its
 * Accept-Language header (the platform's own pages send their page's language there), else the
 * source language. Pages get theirs from the address instead (src/i18n/routing.ts).
 */
export function requestLocale(headers: Headers): Locale {
  const header = headers.get("accept-language");
  if (!header) return DEFAULT_LOCALE;
  const [best] = new Negotiator({ headers: { "accept-language": header } }).languages([...LOCALES]);
  return best ?? DEFAULT_LOCALE;
}
