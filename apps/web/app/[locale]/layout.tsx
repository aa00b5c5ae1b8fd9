import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { SiteFooter } from "@/site/site-footer";
import { SiteHeader } from "@/site/site-header";
import { SkipLink } from "@neuronlab/viz/skip-link";
import { ThemeProvider } from "@neuronlab/viz/theme-provider";
import "./globals.css";

export const metadata: Metadata = {
  title: {
    default: "Neuronlab — how neural networks actually work",
    template: "%s · Neuronlab",
  },
  description:
    "An interactive course that shows how neural networks compute and learn, one figure you can touch at a time.",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#0b1120" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The page's CSP nonce (proxy.ts): reading it renders every page per request, as nonces need.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    // next-themes sets the theme class before React hydrates, so <html> differs on purpose.
    <html lang="en" suppressHydrationWarning>
      <body className="flex min-h-screen flex-col bg-canvas font-sans text-ink antialiased">
        <ThemeProvider {...(nonce === undefined ? {} : { nonce })}>
          <SkipLink />
          <SiteHeader />
          <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
            {children}
          </main>
          <SiteFooter />
        </ThemeProvider>
      </body>
    </html>
  );
}
