"use client";

import type { Locale } from "@neuronlab/config/locales";
import type vizMessages from "@neuronlab/viz/messages/en.json";
import type { ReactNode } from "react";
import { IntlProvider } from "use-intl";

/**
 * The figures, the skip link and the theme toggle take their words from the platform's message
 * catalogue (packages/viz/messages), in the language of the page around them.
 */
export function DocsIntl({
  locale,
  messages,
  children,
}: {
  locale: Locale;
  messages: typeof vizMessages;
  children: ReactNode;
}) {
  return (
    <IntlProvider locale={locale} messages={{ viz: messages }} timeZone="UTC">
      {children}
    </IntlProvider>
  );
}
