"use client";

import type { Locale } from "@neuronlab/config/locales";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { localePath, pageTitle, type DocsMessages } from "./i18n";
import { docPages } from "./nav";

export function DocNav({ locale, messages }: { locale: Locale; messages: DocsMessages }) {
  const pathname = usePathname();
  return (
    <nav aria-label={messages.ui.navLabel}>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 md:flex-col md:gap-1">
        {docPages.map((page) => {
          const href = localePath(locale, page.href);
          const current = pathname === href;
          // A section page (e.g. one figure of the gallery) highlights its section without
          // claiming to be it.
          const inSection = !current && page.href !== "/" && pathname.startsWith(`${href}/`);
          return (
            <li key={page.href}>
              <Link
                href={href}
                aria-current={current ? "page" : inSection ? "true" : undefined}
                className={`block rounded-md py-1 md:px-2 ${current || inSection ? "font-semibold text-accent" : "text-ink hover:underline"}`}
              >
                {pageTitle(page, messages)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
