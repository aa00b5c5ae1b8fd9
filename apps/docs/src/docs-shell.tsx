import type { Locale } from "@neuronlab/config/locales";
import { loadVizMessages } from "@neuronlab/viz/messages";
import { SkipLink } from "@neuronlab/viz/skip-link";
import { ThemeProvider } from "@neuronlab/viz/theme-provider";
import { ThemeToggle } from "@neuronlab/viz/theme-toggle";
import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { DocNav } from "./doc-nav";
import { loadDocsMessages, localePath } from "./i18n";
import { DocsIntl } from "./intl";
import { LanguageSwitcher } from "./language-switcher";
import { Pager } from "./pager";

/** The metadata every page of one language inherits from its root layout. */
export async function shellMetadata(locale: Locale): Promise<Metadata> {
  const { ui } = await loadDocsMessages(locale);
  return {
    title: { default: ui.siteName, template: `%s · ${ui.siteName}` },
    description: ui.description,
  };
}

/**
 * The page around every doc, in one language. Each language has its own root layout
 * (app/(en)/layout.tsx, app/(<code>)/<code>/layout.tsx) that renders this, so `<html lang>` is
 * right in the server's HTML.
 */
export async function DocsShell({ locale, children }: { locale: Locale; children: ReactNode }) {
  const [messages, vizMessages] = await Promise.all([
    loadDocsMessages(locale),
    loadVizMessages(locale),
  ]);
  return (
    <html lang={locale} suppressHydrationWarning>
      <body className="flex min-h-screen flex-col bg-canvas font-sans text-ink antialiased">
        <ThemeProvider>
          <DocsIntl locale={locale} messages={vizMessages}>
            <SkipLink />
            <header className="border-b border-line">
              <div className="mx-auto flex max-w-6xl items-center justify-between gap-3 px-4 py-3">
                <Link href={localePath(locale, "/")} className="text-lg font-bold tracking-tight">
                  Neuronlab <span className="font-normal text-muted">{messages.ui.docs}</span>
                </Link>
                <div className="flex items-center gap-2">
                  <LanguageSwitcher locale={locale} label={messages.ui.languageLabel} />
                  <ThemeToggle />
                </div>
              </div>
            </header>
            <div className="mx-auto flex w-full max-w-6xl flex-1 flex-col gap-8 px-4 py-8 md:flex-row">
              <aside className="md:w-56 md:shrink-0">
                <DocNav locale={locale} messages={messages} />
              </aside>
              <main id="main" tabIndex={-1} className="min-w-0 flex-1 focus:outline-none">
                <article className="max-w-3xl">{children}</article>
                <Pager locale={locale} messages={messages} />
              </main>
            </div>
          </DocsIntl>
        </ThemeProvider>
      </body>
    </html>
  );
}
