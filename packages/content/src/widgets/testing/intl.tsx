import type { ReactElement, ReactNode } from "react";
import { IntlWrapper as FiguresIntl } from "@neuronlab/viz/testing/intl";
import de from "../../../messages/de.json";
import en from "../../../messages/en.json";

/**
 * For tests: the widgets inside the message provider an app gives them (the widgets' and the
 * figures' messages), in English unless told otherwise, with every missing message an error.
 */
const catalogue = { en, de } as const;

export function IntlWrapper({
  children,
  locale = "en",
}: {
  children: ReactNode;
  locale?: keyof typeof catalogue;
}): ReactElement {
  return (
    <FiguresIntl locale={locale} more={{ widgets: catalogue[locale] }}>
      {children}
    </FiguresIntl>
  );
}

/** `render(ui, { wrapper: German })` from Testing Library, for a German rendering. */
export function German({ children }: { children: ReactNode }): ReactElement {
  return <IntlWrapper locale="de">{children}</IntlWrapper>;
}
