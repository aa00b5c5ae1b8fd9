import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";

/** An unknown code (answered 404): said plainly, with nothing about any certificate. */
export default async function CertificateNotFound() {
  const t = await getTranslations("Certificates.Page");
  return (
    <div className="mx-auto max-w-xl px-4 py-16" data-certificate="none">
      <h1 className="text-3xl font-bold">{t("notFoundTitle")}</h1>
      <p className="mt-4 text-muted">{t("notFoundText")}</p>
      <p className="mt-6">
        <Link href="/" className="font-semibold text-accent underline underline-offset-4">
          {t("home")}
        </Link>
      </p>
    </div>
  );
}
