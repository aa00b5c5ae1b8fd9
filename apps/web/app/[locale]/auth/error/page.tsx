import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ownEntry } from "@/http/lookup";
import { Link } from "@/i18n/navigation";

export async function generateMetadata({
  params,
}: PageProps<"/[locale]/auth/error">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "AuthError" });
  return { title: t("metaTitle"), robots: { index: false } };
}

/** next-auth's error codes, and where the catalogue says each for people. */
const MESSAGES = {
  Verification: "verification",
  AccessDenied: "accessDenied",
  OAuthAccountNotLinked: "oauthAccountNotLinked",
  Configuration: "configuration",
} as const;

export default async function AuthErrorPage({
  params,
  searchParams,
}: PageProps<"/[locale]/auth/error">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("AuthError");
  const { error } = await searchParams;
  const code = Array.isArray(error) ? error[0] : error;
  // Only the table's own codes: anything else (`constructor`, made-up codes) gets the fallback.
  const key = ownEntry(MESSAGES, code) ?? "fallback";
  return (
    <div className="mx-auto max-w-md px-4 py-10">
      <h1 className="text-3xl font-bold tracking-tight">{t(`${key}.title`)}</h1>
      <p className="mt-4">{t(`${key}.body`)}</p>
      <p className="mt-6">
        <Link
          href="/sign-in"
          className="rounded-md bg-accent px-4 py-2 font-semibold text-accent-ink hover:opacity-90"
        >
          {t("newLink")}
        </Link>
      </p>
    </div>
  );
}
