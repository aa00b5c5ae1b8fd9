import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ClientMessages } from "@/i18n/client-messages";
import { routing } from "@/i18n/routing";
import { SiteFooter } from "@/site/site-footer";
import { SiteHeader } from "@/site/site-header";
import { SkipLink } from "@neuronlab/viz/skip-link";
import { ThemeProvider } from "@neuronlab/viz/theme-provider";
import "../globals.css";

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: LayoutProps<"/[locale]">): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: "Site" });
  return {
    title: { default: t("title"), template: t("titleTemplate") },
    description: t("description"),
  };
}

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#0b1120" },
  ],
};

export default async function LocaleLayout({ children, params }: LayoutProps<"/[locale]">) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  // The page's CSP nonce (proxy.ts): reading it renders every page per request, as nonces need.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    // next-themes sets the theme class before React hydrates, so <html> differs on purpose.
    <html lang={locale} suppressHydrationWarning>
      <body className="flex min-h-screen flex-col bg-canvas font-sans text-ink antialiased">
        <ThemeProvider {...(nonce === undefined ? {} : { nonce })}>
          {/* The language for every localized link; messages only where a part asks for them. */}
          <ClientMessages namespaces={[]}>
            <ClientMessages
              namespaces={["viz.SkipLink", "viz.ThemeToggle", "Header", "LanguageSwitcher"]}
            >
              <SkipLink />
              <SiteHeader />
            </ClientMessages>
            <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
              {children}
            </main>
            <SiteFooter />
          </ClientMessages>
        </ThemeProvider>
      </body>
    </html>
  );
}
