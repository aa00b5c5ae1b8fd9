import { useLocale, useTranslations } from "use-intl";
import type en from "../messages/en.json";
import { formatNumber } from "./format.ts";

/**
 * The figures' words come from the platform's message catalogue: messages/<locale>.json here,
 * which an app puts under the key "viz" of the messages it provides (use-intl's IntlProvider, or
 * next-intl's NextIntlClientProvider, which is the same). One namespace per component.
 */
export type VizMessages = typeof en;
export type VizNamespace = keyof VizMessages;

/** Message values: numbers (formatted by the message, per language) and words. */
export type Values = Record<string, string | number>;

/** A translator for one component's messages; its keys are checked by TypeScript. */
export type VizT<N extends VizNamespace> = (
  key: keyof VizMessages[N] & string,
  values?: Values,
) => string;

export function useVizT<N extends VizNamespace>(namespace: N): VizT<N> {
  // The keys are checked by the translator's type; use-intl's own typing would need to know
  // the app's whole catalogue, which differs from app to app.
  const useUntyped = useTranslations as unknown as (
    namespace: string,
  ) => (key: string, values?: Values) => string;
  const t = useUntyped(`viz.${namespace}`);
  return (key, values) => t(key, values);
}

/**
 * Numbers the way the figures print them (a fixed number of decimals, a true minus sign), with
 * the language's decimal mark: 0.25 in English, 0,25 in German.
 */
export type FormatNumber = (value: number, decimals?: number) => string;

export function useFormatNumber(): FormatNumber {
  const locale = useLocale();
  const t = useVizT("format");
  return (value, decimals) =>
    Number.isNaN(value) ? t("notANumber") : formatNumber(value, decimals, locale);
}
