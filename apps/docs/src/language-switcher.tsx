"use client";

import { localeName, type Locale } from "@neuronlab/config/locales";
import { usePathname } from "next/navigation";
import { counterpart, DOCS_LOCALES, splitPath } from "./i18n";

/** Links to the page the reader is on, in each other language, each named in its own language. */
export function LanguageSwitcher({ locale, label }: { locale: Locale; label: string }) {
  const { href } = splitPath(usePathname());
  return (
    <nav aria-label={label}>
      <ul className="flex gap-2">
        {DOCS_LOCALES.filter((other) => other !== locale).map((other) => (
          <li key={other}>
            {/* A plain link: each language has its own root layout, so this is a full page load. */}
            <a
              href={counterpart(other, href)}
              hrefLang={other}
              lang={other}
              className="inline-flex h-10 items-center rounded-md border border-line px-3 text-sm font-medium text-ink hover:bg-panel"
            >
              {localeName(other)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
