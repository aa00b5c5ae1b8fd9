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

/** A translator for one namespace's messages, its keys checked by TypeScript. */
export type ScopedT<Messages, N extends keyof Messages> = (
  key: keyof Messages[N] & string,
  values?: Values,
) => string;

/**
 * The translator for `namespace` of the package catalogue an app puts under `scope` ("viz",
 * "widgets"). Its keys are checked by the caller's type: use-intl's own typing would need the
 * app's whole catalogue, which differs from app to app.
 */
export function useScopedT(
  scope: string,
  namespace: string,
): (key: string, values?: Values) => string {
  const useUntyped = useTranslations as unknown as (
    namespace: string,
  ) => (key: string, values?: Values) => string;
  return useUntyped(`${scope}.${namespace}`);
}

/** A translator for one component's messages; its keys are checked by TypeScript. */
export type VizT<N extends VizNamespace> = ScopedT<VizMessages, N>;

export function useVizT<N extends VizNamespace>(namespace: N): VizT<N> {
  return useScopedT("viz", namespace);
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
