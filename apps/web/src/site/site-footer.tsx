import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";

export async function SiteFooter() {
  const t = await getTranslations("Footer");
  return (
    <footer className="border-t border-line">
      <div className="mx-auto flex max-w-5xl flex-col gap-2 px-4 py-6 text-sm text-muted sm:flex-row sm:justify-between">
        <p>{t("tagline")}</p>
        <nav aria-label={t("nav")} className="flex flex-wrap gap-x-4 gap-y-2">
          <Link href="/course" className="underline underline-offset-4">
            {t("course")}
          </Link>
          <Link href="/about" className="underline underline-offset-4">
            {t("about")}
          </Link>
          <Link href="/privacy" className="underline underline-offset-4">
            {t("privacy")}
          </Link>
          <Link href="/imprint" className="underline underline-offset-4">
            {t("imprint")}
          </Link>
          <Link href="/accessibility" className="underline underline-offset-4">
            {t("accessibility")}
          </Link>
          <Link href="/status" className="underline underline-offset-4">
            {t("status")}
          </Link>
        </nav>
      </div>
    </footer>
  );
}
