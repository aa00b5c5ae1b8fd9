import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { peekVerificationToken } from "@neuronlab/db/accounts";
import { authSettings } from "@/auth/config";
import { hashToken } from "@/auth/magic-link";
import { DEFAULT_AFTER_SIGN_IN } from "@/auth/redirect";
import { parseSignInRequest } from "@/auth/sign-in-request";
import { getDb } from "@/db";
import { firstValue } from "@/http/query";
import { getPathname, Link } from "@/i18n/navigation";

export async function generateMetadata({
  params,
}: PageProps<"/[locale]/auth/confirm">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "AuthConfirm" });
  return {
    title: t("metaTitle"),
    robots: { index: false, follow: false },
    // The address holds a sign-in token: send it nowhere.
    referrer: "no-referrer",
  };
}

/**
 * Where an emailed link lands. Opening it (GET) spends nothing, so a mail scanner that opens every
 * link does no harm; the token is spent by the form's POST to next-auth's email callback.
 */
export default async function ConfirmPage({
  params,
  searchParams,
}: PageProps<"/[locale]/auth/confirm">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("AuthConfirm");
  const query = await searchParams;
  const token = firstValue(query.token) ?? "";
  const parsed = parseSignInRequest({
    email: firstValue(query.email),
    callbackUrl: firstValue(query.callbackUrl),
  });
  const email = parsed.ok ? parsed.request.email : "";
  const callbackUrl = parsed.ok
    ? parsed.request.callbackUrl
    : getPathname({ href: DEFAULT_AFTER_SIGN_IN, locale });

  const valid =
    parsed.ok && token.length > 0 && token.length <= 256
      ? await peekVerificationToken(getDb(), {
          identifier: email,
          token: hashToken(token, authSettings().secret),
        })
      : null;

  if (!valid) {
    return (
      <div className="mx-auto max-w-md px-4 py-10">
        <h1 className="text-3xl font-bold tracking-tight">{t("invalidTitle")}</h1>
        <p className="mt-4">{t("invalidBody")}</p>
        <p className="mt-6">
          <Link
            href={{ pathname: "/sign-in", query: { callbackUrl } }}
            className="rounded-md bg-accent px-4 py-2 font-semibold text-accent-ink hover:opacity-90"
          >
            {t("newLink")}
          </Link>
        </p>
      </div>
    );
  }

  const action = `/api/auth/callback/email?${new URLSearchParams({ token, email, callbackUrl }).toString()}`;
  return (
    <div className="mx-auto max-w-md px-4 py-10">
      <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
      <p className="mt-4">
        {t.rich("text", {
          email,
          strong: (chunks) => <span className="font-medium">{chunks}</span>,
        })}
      </p>
      <form method="post" action={action} className="mt-6">
        <button
          type="submit"
          className="rounded-md bg-accent px-4 py-2 font-semibold text-accent-ink hover:opacity-90"
        >
          {t("button", { email })}
        </button>
      </form>
      <p className="mt-6 text-sm text-muted">{t("notYou")}</p>
    </div>
  );
}
