import { useScopedT, type ScopedT } from "@neuronlab/viz/i18n";
import type en from "../../messages/en.json";

/**
 * The widgets' words come from the platform's message catalogue: messages/<locale>.json in this
 * package, which an app puts under the key "widgets" of the messages it provides (next to the
 * figures' "viz"). One namespace per widget; numbers through `useFormatNumber` from
 * @neuronlab/viz/i18n, so they carry the language's decimal mark.
 */
export type WidgetMessages = typeof en;
export type WidgetNamespace = keyof WidgetMessages;

/** A translator for one widget's messages; its keys are checked by TypeScript. */
export type WidgetT<N extends WidgetNamespace> = ScopedT<WidgetMessages, N>;

export function useWidgetT<N extends WidgetNamespace>(namespace: N): WidgetT<N> {
  return useScopedT("widgets", namespace);
}
