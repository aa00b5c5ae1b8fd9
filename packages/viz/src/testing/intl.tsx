import type { ReactElement, ReactNode } from "react";
import { IntlProvider } from "use-intl";
import de from "../../messages/de.json";
import en from "../../messages/en.json";

/**
 * For tests: the figures inside the message provider an app gives them, in English unless told
 * otherwise (`<IntlWrapper locale="de">`), with every missing message an error.
 */
const catalogue = { en, de } as const;

export function IntlWrapper({
  children,
  locale = "en",
  more = {},
}: {
  children: ReactNode;
  locale?: keyof typeof catalogue;
  /** Other packages' messages beside the figures' (the widgets' under "widgets"). */
  more?: Record<string, unknown>;
}): ReactElement {
  return (
    <IntlProvider
      locale={locale}
      messages={{ ...more, viz: catalogue[locale] }}
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
