import { DEFAULT_LOCALE, LOCALES } from "@neuronlab/config/locales";
import { defineRouting } from "next-intl/routing";

/**
 * The platform's addresses per language: English, the source language, at `/…` as it always was
 * (old links keep working), every other language under its code (`/de/…`). A first visit is
 * sent to the language its browser asks for (Accept-Language); a choice made with the language
 * switcher is kept in a cookie and, for a signed-in learner, on the account. Every page answers
 * with `Link` headers naming its other languages (hreflang).
 */
export const routing = defineRouting({
  locales: LOCALES,
  defaultLocale: DEFAULT_LOCALE,
  localePrefix: "as-needed",
  localeCookie: { name: "NEXT_LOCALE", sameSite: "lax", maxAge: 60 * 60 * 24 * 365 },
});
