import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { pickMessages } from "./pick";

/**
 * Hands the client components inside it the messages they need, and no others: a page's
 * JavaScript carries the namespaces it names ("Exercise", "viz.NetworkGraph"), never the whole
 * catalogue. Server components translate on the server and send text.
 */
export async function ClientMessages({
  namespaces,
  children,
}: {
  namespaces: readonly string[];
  children: ReactNode;
}) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  return (
    <NextIntlClientProvider
      locale={locale}
      messages={pickMessages(messages, namespaces)}
      timeZone="UTC"
    >
      {children}
    </NextIntlClientProvider>
  );
}
