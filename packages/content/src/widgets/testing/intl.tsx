import type { ReactElement, ReactNode } from "react";
import { IntlProvider } from "use-intl";
import vizDe from "@neuronlab/viz/messages/de.json";
import vizEn from "@neuronlab/viz/messages/en.json";
import de from "../../../messages/de.json";
import en from "../../../messages/en.json";

/**
 * For tests: the widgets inside the message provider an app gives them (the widgets' and the
 * figures' messages), in English unless told otherwise, with every missing message an error.
 */
const catalogue = { en: { viz: vizEn, widgets: en }, de: { viz: vizDe, widgets: de } } as const;

export function IntlWrapper({
  children,
  locale = "en",
}: {
  children: ReactNode;
  locale?: keyof typeof catalogue;
}): ReactElement {
  return (
    <IntlProvider
      locale={locale}
      messages={catalogue[locale]}
      timeZone="UTC"
      onError={(error) => {
        throw error;
      }}
    >
      {children}
    </IntlProvider>
  );
}

/** `render(ui, { wrapper: German })` from Testing Library, for a German rendering. */
export function German({ children }: { children: ReactNode }): ReactElement {
  return <IntlWrapper locale="de">{children}</IntlWrapper>;
}
