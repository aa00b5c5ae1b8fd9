import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";

export async function SiteFooter() {
  const t = await getTranslations("Footer");
  return (
    <footer className="border-t border-line">
      <div className="mx-auto flex max-w-5xl flex-col gap-2 px-4 py-6 text-sm text-muted sm:flex-row sm:justify-between">
        <p>{t("tagline")}</p>
        <nav aria-label={t("nav")} className="flex gap-4">
          <Link href="/course" className="underline underline-offset-4">
            {t("course")}
          </Link>
          {/* The service's JSON status, not a page: a plain link, outside the language's pages. */}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- an API route */}
          <a href="/api/health" className="underline underline-offset-4">
            {t("status")}
          </a>
        </nav>
      </div>
    </footer>
  );
}
