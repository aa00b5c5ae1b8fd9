"use client";

import type { Locale } from "@neuronlab/config/locales";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { localePath, pageTitle, splitPath, type DocsMessages } from "./i18n";
import { neighbours } from "./nav";

export function Pager({ locale, messages }: { locale: Locale; messages: DocsMessages }) {
  const { previous, next } = neighbours(splitPath(usePathname()).href);
  return (
    <nav
      aria-label={messages.ui.pagerLabel}
      className="mt-12 flex justify-between gap-4 border-t border-line pt-6"
    >
      {previous ? (
        <Link
          href={localePath(locale, previous.href)}
          className="text-accent underline underline-offset-4"
        >
          ← {pageTitle(previous, messages)}
        </Link>
      ) : (
        <span />
      )}
      {next ? (
        <Link
          href={localePath(locale, next.href)}
          className="text-accent underline underline-offset-4"
        >
          {pageTitle(next, messages)} →
        </Link>
      ) : null}
    </nav>
  );
}
