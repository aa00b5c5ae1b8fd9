import type { Metadata } from "next";
import NextLink from "next/link";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { authSettings } from "@/auth/config";
import { OAuthButton } from "@/auth/oauth-button";
import { DEFAULT_AFTER_SIGN_IN, safeRedirectPath } from "@/auth/redirect";
import { localOutboxDir } from "@/auth/settings";
import { getSessionUser } from "@/auth/session";
import { SignInForm } from "@/auth/sign-in-form";
import { ownEntry } from "@/http/lookup";
import { firstValue } from "@/http/query";
import { ClientMessages } from "@/i18n/client-messages";
import { courseLink } from "@/i18n/course-link";
import { getPathname, Link } from "@/i18n/navigation";

export async function generateMetadata({
  params,
}: PageProps<"/[locale]/sign-in">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "SignIn" });
  return { title: t("title") };
}

/** next-auth sends OAuth failures back here as ?error=…: each code's message in the catalogue. */
const OAUTH_ERRORS = {
  OAuthAccountNotLinked: "oauthAccountNotLinked",
  OAuthSignin: "oauthSignin",
  OAuthCallback: "oauthCallback",
  OAuthCreateAccount: "oauthCreateAccount",
  Callback: "callback",
  SessionRequired: "sessionRequired",
} as const;

export default async function SignInPage({ params, searchParams }: PageProps<"/[locale]/sign-in">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("SignIn");
  const query = await searchParams;
  // The whole path to land on: the one asked for, else the course in this page's language.
  const callbackUrl = safeRedirectPath(firstValue(query.callbackUrl), {
    fallback: getPathname({ href: DEFAULT_AFTER_SIGN_IN, locale }),
  });
  const error = ownEntry(OAUTH_ERRORS, firstValue(query.error));
  const settings = authSettings();
  const user = await getSessionUser();

  return (
    <div className="mx-auto max-w-md px-4 py-10">
      <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
      {user ? (
        <div className="mt-4">
          <p>
            {t.rich("signedInAs", {
              name: user.name ?? user.email,
              strong: (chunks) => <span className="font-medium">{chunks}</span>,
            })}
          </p>
          <p className="mt-4 flex flex-wrap gap-4">
            {/* callbackUrl already names its language: next/link's Link, which adds none. */}
            <NextLink
              href={callbackUrl}
              className="font-semibold text-accent underline underline-offset-4"
            >
              {t("continue")}
            </NextLink>
            <Link
              href="/sign-out"
              className="font-semibold text-accent underline underline-offset-4"
            >
              {t("signOut")}
            </Link>
          </p>
        </div>
      ) : (
        <>
          <p className="mt-4 text-muted">{t("intro")}</p>
          {error ? (
            <p role="alert" className="mt-4 rounded-md border border-line bg-panel p-3 text-sm">
              {t(`errors.${error}`)}
            </p>
          ) : null}
          <ClientMessages namespaces={["SignInForm", "OAuthButton"]}>
            <SignInForm
              callbackUrl={callbackUrl}
              outbox={localOutboxDir(settings.mail) !== undefined}
            />
            {settings.github || settings.google ? (
              <div className="mt-8 border-t border-line pt-6">
                <p className="text-sm text-muted">{t("orSignInWith")}</p>
                <div className="mt-3 grid gap-3">
                  {settings.github ? (
                    <OAuthButton provider="github" label="GitHub" callbackUrl={callbackUrl} />
                  ) : null}
                  {settings.google ? (
                    <OAuthButton provider="google" label="Google" callbackUrl={callbackUrl} />
                  ) : null}
                </div>
              </div>
            ) : null}
          </ClientMessages>
          <p className="mt-8 text-sm text-muted">{t.rich("courseIsOpen", { link: courseLink })}</p>
        </>
      )}
    </div>
  );
}
