"use client";

import { localeName, LOCALES } from "@neuronlab/config/locales";
import { useLocale, useTranslations } from "next-intl";
import type { MouseEvent } from "react";
import { Link, usePathname, useRouter } from "./navigation";

/**
 * Links to this page in every other language. The reader keeps their place: a lesson's headings
 * have the same ids in every language, so the link goes to the section being read. For a
 * signed-in learner the choice is also stored on the account (mails come in that language).
 */
export function LanguageSwitcher() {
  const t = useTranslations("LanguageSwitcher");
  const locale = useLocale();
  const pathname = usePathname();
  const router = useRouter();
  // Other languages' names in this page's language ("Englisch"), for the links' titles.
  const names = new Intl.DisplayNames([locale], { type: "language" });

  const open = (event: MouseEvent<HTMLAnchorElement>, target: string) => {
    rememberOnAccount(target);
    const section = currentSection();
    if (section === undefined || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    router.push(`${pathname}#${section}`, { locale: target });
  };

  return (
    <nav aria-label={t("label")}>
      <ul className="flex items-center gap-2 text-sm">
        {LOCALES.map((code) => (
          <li key={code}>
            {code === locale ? (
              <span aria-current="true" lang={code} className="px-1 font-semibold text-ink">
                {localeName(code)}
              </span>
            ) : (
              <Link
                href={pathname}
                locale={code}
                hrefLang={code}
                lang={code}
                title={t("switchTo", { language: names.of(code) ?? localeName(code) })}
                onClick={(event) => {
                  open(event, code);
                }}
                className="px-1 text-ink underline underline-offset-4"
              >
                {localeName(code)}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The id of the heading nearest above the top quarter of the window: the section being read. */
function currentSection(): string | undefined {
  let found: { id: string; top: number } | undefined;
  const line = window.innerHeight / 4;
  for (const heading of document.querySelectorAll<HTMLElement>("article h2[id], article h3[id]")) {
    const top = heading.getBoundingClientRect().top;
    if (top <= line && (found === undefined || top > found.top)) found = { id: heading.id, top };
  }
  return found?.id;
}

function rememberOnAccount(locale: string) {
  void fetch("/api/me/locale", {
    method: "PUT",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ locale }),
    credentials: "same-origin",
    keepalive: true,
  }).catch(() => undefined);
}
