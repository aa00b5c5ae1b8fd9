import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { Locale } from "next-intl";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { authSettings } from "@/auth/config";
import { PrintButton } from "@/certificates/print-button";
import { loadCertificatePage } from "@/certificates/certificates";
import { maybeDb } from "@/db";
import { getPathname } from "@/i18n/navigation";

export async function generateMetadata({
  params,
}: PageProps<"/[locale]/certificates/[code]">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Certificates" });
  // A person's name: found by its link, never by a search engine.
  return { title: t("metaTitle"), robots: { index: false, follow: false } };
}
// Revoking takes effect at once, and a build has no database to ask.
export const dynamic = "force-dynamic";

/**
 * Where printing puts the certificate: one page, with the site's header, footer and skip link
 * left out (they belong to the layout, so they are hidden from here rather than edited there),
 * black on white whatever the screen's theme.
 */
const PRINT_CSS = `
@page { size: auto; margin: 15mm; }
@media print {
  header:not(main *), footer:not(main *), a[href="#main"]:not(main *) { display: none !important; }
  html, body { background: #fff !important; color: #000 !important; }
  body { min-height: 0 !important; }
}
`;

/**
 * A certificate's public page, for anyone with its link: valid (the name its holder chose, the
 * day, the course), revoked, or no such certificate (404). Nothing else about its holder.
 */
export default async function CertificatePage({
  params,
}: PageProps<"/[locale]/certificates/[code]">) {
  const { locale, code: rawCode } = await params;
  setRequestLocale(locale);
  const db = maybeDb();
  const certificate = db ? await loadCertificatePage(db, decoded(rawCode)) : null;
  if (!certificate) notFound();
  const [certificates, t, site, format] = await Promise.all([
    getTranslations("Certificates"),
    getTranslations("Certificates.Page"),
    getTranslations("Site"),
    getFormatter(),
  ]);

  if (certificate.status === "revoked") {
    return (
      <div className="mx-auto max-w-3xl px-4 py-10">
        <article
          aria-labelledby="certificate-title"
          className="rounded-2xl border border-line p-6"
          data-certificate="revoked"
        >
          <h1 id="certificate-title" className="text-3xl font-bold tracking-tight">
            {t("revokedTitle")}
          </h1>
          <p
            className="mt-4 inline-block rounded-md border-2 border-red-700 px-3 py-1 font-semibold text-red-800 dark:border-red-400 dark:text-red-300"
            data-testid="certificate-status"
          >
            <span aria-hidden="true">✗ </span>
            {t("revoked")}
          </p>
          <p className="mt-4">{t("revokedText", { code: certificate.code })}</p>
        </article>
      </div>
    );
  }

  const date = format.dateTime(certificate.issuedAt, { dateStyle: "long", timeZone: "UTC" });
  const link = verificationLink(certificate.code, locale);
  return (
    <div className="mx-auto max-w-3xl px-4 py-10 print:max-w-none print:p-0">
      <style>{PRINT_CSS}</style>
      <article
        aria-labelledby="certificate-title"
        className="rounded-2xl border-4 border-double border-line px-6 py-10 text-center break-inside-avoid sm:px-12 print:border-black print:py-12 print:text-black"
        data-certificate="valid"
      >
        <p className="text-sm font-semibold tracking-widest text-muted uppercase print:text-black">
          {t("issuer")}
        </p>
        <h1 id="certificate-title" className="mt-2 text-3xl font-bold tracking-tight sm:text-4xl">
          {certificates("metaTitle")}
        </h1>
        <p className="mt-10 text-muted print:text-black">{t("certifies")}</p>
        <p
          className="mt-3 text-3xl font-semibold break-words sm:text-4xl"
          data-testid="certificate-name"
        >
          {certificate.name}
        </p>
        <p className="mt-8 text-muted print:text-black">{t("completed")}</p>
        <p className="mt-3 text-2xl font-semibold" data-testid="certificate-course">
          {site("courseTitle")}
        </p>
        <p className="mt-8" data-testid="certificate-date">
          <time dateTime={certificate.issuedAt.toISOString().slice(0, 10)}>
            {t("issuedOn", { date })}
          </time>
        </p>
        <div className="mx-auto mt-10 max-w-md rounded-xl border border-line p-4 text-sm print:border-black">
          <p
            className="inline-block rounded-md border-2 border-green-700 px-3 py-1 text-base font-semibold text-green-800 dark:border-green-400 dark:text-green-300 print:border-black print:text-black"
            data-testid="certificate-status"
          >
            <span aria-hidden="true">✓ </span>
            {t("valid")}
          </p>
          <p className="mt-2">{t("validText")}</p>
          <dl className="mt-3 space-y-1">
            <div>
              <dt className="inline text-muted print:text-black">{t("code")}: </dt>
              <dd className="inline font-mono font-semibold" data-testid="certificate-code">
                {certificate.code}
              </dd>
            </div>
            <div>
              <dt className="inline text-muted print:text-black">{t("verifyAt")}: </dt>
              <dd className="inline break-all">{link}</dd>
            </div>
          </dl>
        </div>
      </article>
      <p className="mt-6 text-center print:hidden">
        <PrintButton label={t("print")} />
      </p>
    </div>
  );
}

/** The page's own address, to print with it; the path alone if the site's origin is unknown. */
function verificationLink(code: string, locale: Locale): string {
  const path = getPathname({ href: `/certificates/${code}`, locale });
  try {
    return `${authSettings().siteUrl}${path}`;
  } catch {
    return path;
  }
}

/** The code as typed into the address; a broken percent-encoding is kept as it came. */
function decoded(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
