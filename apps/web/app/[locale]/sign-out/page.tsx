import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getSessionUser } from "@/auth/session";
import { SignOutButton } from "@/auth/sign-out-button";
import { Link } from "@/i18n/navigation";

export async function generateMetadata({
  params,
}: PageProps<"/[locale]/sign-out">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "SignOut" });
  return { title: t("title") };
}

export default async function SignOutPage({ params }: PageProps<"/[locale]/sign-out">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("SignOut");
  const user = await getSessionUser();
  return (
    <div className="mx-auto max-w-md px-4 py-10">
      <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
      {user ? (
        <>
          <p className="mt-4">
            {t.rich("signedIn", {
              name: user.name ?? user.email,
              strong: (chunks) => <span className="font-medium">{chunks}</span>,
            })}
          </p>
          <SignOutButton
            label={t("button")}
            className="mt-6 rounded-md bg-accent px-4 py-2 font-semibold text-accent-ink hover:opacity-90"
          />
        </>
      ) : (
        <>
          <p className="mt-4">{t("signedOut")}</p>
          <p className="mt-6 flex flex-wrap gap-4">
            <Link href="/course" className="font-semibold text-accent underline underline-offset-4">
              {t("toCourse")}
            </Link>
            <Link
              href="/sign-in"
              className="font-semibold text-accent underline underline-offset-4"
            >
              {t("signInAgain")}
            </Link>
          </p>
        </>
      )}
    </div>
  );
}
