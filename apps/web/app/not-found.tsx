import { DEFAULT_LOCALE } from "@neuronlab/config/locales";
import { getTranslations } from "next-intl/server";
import "./globals.css";

/**
 * An address outside every language (pages are all under a language, so only unknown non-page
 * paths land here): the source language's "page not found", in a document of its own.
 */
export default async function GlobalNotFound() {
  const t = await getTranslations({ locale: DEFAULT_LOCALE, namespace: "NotFound" });
  return (
    <html lang={DEFAULT_LOCALE}>
      <body className="bg-canvas font-sans text-ink">
        <main className="mx-auto max-w-xl px-4 py-16">
          <h1 className="text-3xl font-bold">{t("title")}</h1>
          <p className="mt-4 text-muted">{t("text")}</p>
          <p className="mt-6">
            <a href="/" className="font-semibold text-accent underline underline-offset-4">
              {t("home")}
            </a>
          </p>
        </main>
      </body>
    </html>
  );
}
