import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { SkipLink } from "@neuronlab/viz/skip-link";
import { ThemeProvider } from "@neuronlab/viz/theme-provider";
import { ThemeToggle } from "@neuronlab/viz/theme-toggle";
import { DocNav } from "@/doc-nav";
import { DocsIntl } from "@/intl";
import { Pager } from "@/pager";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Neuronlab docs", template: "%s · Neuronlab docs" },
  description: "How Neuronlab is built, run and extended.",
};

export default function DocsLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <body className="flex min-h-screen flex-col bg-canvas font-sans text-ink antialiased">
        <ThemeProvider>
          <DocsIntl>
            <SkipLink />
            <header className="border-b border-line">
              <div className="mx-auto flex max-w-6xl items-center justify-between px-4 py-3">
                <Link href="/" className="text-lg font-bold tracking-tight">
                  Neuronlab <span className="font-normal text-muted">docs</span>
                </Link>
                <ThemeToggle />
              </div>
            </header>
            <div className="mx-auto flex w-full max-w-6xl flex-1 flex-col gap-8 px-4 py-8 md:flex-row">
              <aside className="md:w-56 md:shrink-0">
                <DocNav />
              </aside>
              <main id="main" tabIndex={-1} className="min-w-0 flex-1 focus:outline-none">
                <article className="max-w-3xl">{children}</article>
                <Pager />
              </main>
            </div>
          </DocsIntl>
        </ThemeProvider>
      </body>
    </html>
  );
}
