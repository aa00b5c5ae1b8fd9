import { useTranslations } from "use-intl";
import type en from "../../messages/en.json";

/**
 * The widgets' words come from the platform's message catalogue: messages/<locale>.json in this
 * package, which an app puts under the key "widgets" of the messages it provides (next to the
 * figures' "viz"). One namespace per widget; numbers through `useFormatNumber` from
 * @neuronlab/viz/i18n, so they carry the language's decimal mark.
 */
export type WidgetMessages = typeof en;
export type WidgetNamespace = keyof WidgetMessages;

export type Values = Record<string, string | number>;

/** A translator for one widget's messages; its keys are checked by TypeScript. */
export type WidgetT<N extends WidgetNamespace> = (
  key: keyof WidgetMessages[N] & string,
  values?: Values,
) => string;

export function useWidgetT<N extends WidgetNamespace>(namespace: N): WidgetT<N> {
  // The keys are checked by the translator's type; use-intl's own typing would need to know
  // the app's whole catalogue, which differs from app to app.
  const useUntyped = useTranslations as unknown as (
    namespace: string,
  ) => (key: string, values?: Values) => string;
  const t = useUntyped(`widgets.${namespace}`);
  return (key, values) => t(key, values);
}
