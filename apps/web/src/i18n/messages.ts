import type { Locale } from "@neuronlab/config/locales";
import type widgets from "@neuronlab/content/messages/en.json";
import { loadWidgetMessages } from "@neuronlab/content/widgets/messages";
import type viz from "@neuronlab/viz/messages/en.json";
import { loadVizMessages } from "@neuronlab/viz/messages";
import type web from "../../messages/en.json";

/**
 * The platform's message catalogue in one language: the platform's own (messages/<locale>.json),
 * the course widgets' under "widgets" and the figures' under "viz" (their packages' own
 * messages/<locale>.json). English is the source every other language is checked against.
 */
export type Messages = typeof web & { viz: typeof viz; widgets: typeof widgets };

export async function loadMessages(locale: Locale): Promise<Messages> {
  const [own, vizMessages, widgetMessages] = await Promise.all([
    import(`../../messages/${locale}.json`) as Promise<{ default: typeof web }>,
    loadVizMessages(locale),
    loadWidgetMessages(locale),
  ]);
  return { ...own.default, viz: vizMessages, widgets: widgetMessages };
}
