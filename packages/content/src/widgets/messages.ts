import type en from "../../messages/en.json";

/** The widgets' messages in one language (messages/<locale>.json), for an app's catalogue. */
export async function loadWidgetMessages(locale: string): Promise<typeof en> {
  return ((await import(`../../messages/${locale}.json`)) as { default: typeof en }).default;
}
