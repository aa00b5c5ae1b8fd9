"use client";

import { useVizT } from "./i18n.tsx";

/** First focusable element of every page: jumps past the header to the page's own content. */
export function SkipLink() {
  const t = useVizT("SkipLink");
  return (
    <a
      href="#main"
      className="sr-only z-50 rounded-md bg-accent px-4 py-2 font-semibold text-accent-ink focus:not-sr-only focus:absolute focus:top-2 focus:left-2"
    >
      {t("label")}
    </a>
  );
}
