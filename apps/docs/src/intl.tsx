"use client";

import { DEFAULT_LOCALE } from "@neuronlab/config/locales";
import vizMessages from "@neuronlab/viz/messages/en.json";
import type { ReactNode } from "react";
import { IntlProvider } from "use-intl";

/**
 * The figures take their words from the platform's message catalogue (packages/viz/messages):
 * the docs are written in the source language, so they show the figures in it too.
 */
export function DocsIntl({ children }: { children: ReactNode }) {
  return (
    <IntlProvider locale={DEFAULT_LOCALE} messages={{ viz: vizMessages }} timeZone="UTC">
      {children}
    </IntlProvider>
  );
}
