import settings from "../locales.json" with { type: "json" };

/**
 * The platform's languages, from locales.json: adding one is an entry there plus its folders of
 * messages and lessons (see the docs app's "Adding a language"); no code names a language.
 * The default language is the source every translation is checked against.
 */

/** A language code from locales.json ("en", "de"); check unknown input with `isLocale`. */
export type Locale = string;

export const LOCALES: readonly Locale[] = Object.keys(settings.locales);

export const DEFAULT_LOCALE = settings.default;

if (!LOCALES.includes(DEFAULT_LOCALE))
  throw new Error(`locales.json: the default "${settings.default}" is not one of the locales`);

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && LOCALES.includes(value);
}

/** The language's own name for itself ("Deutsch"), for the language switcher. */
export function localeName(locale: Locale): string {
  return (settings.locales as Record<string, { name: string }>)[locale]?.name ?? locale;
}
