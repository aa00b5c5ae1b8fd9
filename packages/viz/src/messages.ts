import type en from "../messages/en.json";

/** The figures' messages in one language (messages/<locale>.json), for an app's catalogue. */
export async function loadVizMessages(locale: string): Promise<typeof en> {
  return ((await import(`../messages/${locale}.json`)) as { default: typeof en }).default;
}
