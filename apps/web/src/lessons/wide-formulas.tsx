"use client";

import { useTranslations } from "next-intl";
import { useEffect } from "react";

/**
 * A display formula wider than a phone's screen scrolls sideways (see globals.css). A scrolling
 * box must be reachable by keyboard (WCAG 2.1.1), so each formula that overflows right now gets a
 * tab stop and a name; the ones that fit get neither, so they add no stops to the tab order.
 */
export function WideFormulas() {
  const label = useTranslations("WideFormulas")("label");
  useEffect(() => {
    const update = () => {
      for (const box of document.querySelectorAll<HTMLElement>(".lesson-prose .katex-display")) {
        if (box.scrollWidth > box.clientWidth + 1) {
          box.tabIndex = 0;
          box.setAttribute("role", "group");
          box.setAttribute("aria-label", label);
        } else {
          box.removeAttribute("tabindex");
          box.removeAttribute("role");
          box.removeAttribute("aria-label");
        }
      }
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(document.documentElement);
    return () => {
      observer.disconnect();
    };
  }, [label]);
  return null;
}
