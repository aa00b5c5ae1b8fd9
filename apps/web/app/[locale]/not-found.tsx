import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";

export default async function NotFound() {
  const t = await getTranslations("NotFound");
  return (
    <div className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-4 text-muted">{t("text")}</p>
      <p className="mt-6">
        <Link href="/" className="font-semibold text-accent underline underline-offset-4">
          {t("home")}
        </Link>
      </p>
    </div>
  );
}
