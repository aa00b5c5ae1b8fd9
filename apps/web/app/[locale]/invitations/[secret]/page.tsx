import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getSessionUser } from "@/auth/session";
import { maybeDb } from "@/db";
import { ClientMessages } from "@/i18n/client-messages";
import { getPathname, Link } from "@/i18n/navigation";
import { acceptInvitationAction } from "@/invitations/actions";
import { InvitationButton } from "@/invitations/invitation-button";
import { loadInvitationPage, type InvitationPage } from "@/invitations/invitations";
import { PageFrame } from "@/teaching/page-parts";

export async function generateMetadata({
  params,
}: PageProps<"/[locale]/invitations/[secret]">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Invitations.Page" });
  // The address carries a secret: no search engine, and no referrer beyond this site.
  return {
    title: t("metaTitle"),
    robots: { index: false, follow: false },
    referrer: "same-origin",
  };
}
export const dynamic = "force-dynamic";

/**
 * An invitation's link: which class invites, who teaches it and what they will see; signed out,
 * a way to sign in and come back; signed in, one button that joins with this account. A link
 * that is unknown, expired, withdrawn or used says so and changes nothing.
 */
export default async function InvitationPageView({
  params,
}: PageProps<"/[locale]/invitations/[secret]">) {
  const { locale, secret: rawSecret } = await params;
  setRequestLocale(locale);
  const [t, tj] = await Promise.all([
    getTranslations("Invitations.Page"),
    getTranslations("Teaching.Join"),
  ]);
  const secret = decoded(rawSecret);
  const db = maybeDb();
  const user = db ? await getSessionUser() : null;
  const page: InvitationPage = db
    ? await loadInvitationPage(user, db, secret)
    : { state: "unknown" };

  switch (page.state) {
    case "unknown":
    case "expired":
    case "revoked":
    case "used":
    case "closed":
      return (
        <PageFrame title={t("metaTitle")}>
          <p role="alert" className="mt-4" data-invitation-state={page.state}>
            {page.state === "unknown"
              ? t("unknown")
              : page.state === "expired"
                ? t("expired")
                : page.state === "revoked"
                  ? t("revoked")
                  : page.state === "used"
                    ? t("used")
                    : t("closed")}
          </p>
        </PageFrame>
      );
    case "yours":
    case "teacher":
      return (
        <PageFrame title={t("metaTitle")}>
          <p className="mt-4" data-invitation-state={page.state}>
            {page.state === "yours"
              ? t("yours", { cohort: page.cohortName })
              : t("teacher", { cohort: page.cohortName })}
          </p>
          <p className="mt-6">
            <Link
              href="/dashboard"
              className="font-medium text-accent underline underline-offset-4"
            >
              {t("dashboard")}
            </Link>
          </p>
        </PageFrame>
      );
    case "open": {
      const { cohort } = page;
      const here = getPathname({ href: `/invitations/${secret}`, locale });
      return (
        <PageFrame title={t("title", { cohort: cohort.name })}>
          <p className="mt-4" data-invitation-state="open">
            {cohort.teachers.length > 0
              ? t("invitedBy", { names: cohort.teachers.join(", ") })
              : t("invited")}
          </p>
          {cohort.description ? <p className="mt-2 text-muted">{cohort.description}</p> : null}
          <div className="mt-6 rounded-xl border border-line bg-panel p-4">
            <h2 className="font-semibold">{tj("whatTheySee")}</h2>
            <p className="mt-1 text-sm">{tj("whatTheySeeText")}</p>
          </div>
          <p className="mt-4 text-sm">{t("anyAccount")}</p>
          {page.signedIn ? (
            <div className="mt-6">
              <ClientMessages namespaces={["Invitations.Done"]}>
                <InvitationButton
                  action={acceptInvitationAction}
                  hidden={{ secret }}
                  submit={t("accept")}
                  variant="primary"
                />
              </ClientMessages>
            </div>
          ) : (
            <>
              <p className="mt-6">{t("signInLead")}</p>
              <p className="mt-4">
                <Link
                  href={{ pathname: "/sign-in", query: { callbackUrl: here } }}
                  className="rounded-md bg-accent px-4 py-2 font-semibold text-accent-ink"
                >
                  {t("signIn")}
                </Link>
              </p>
            </>
          )}
        </PageFrame>
      );
    }
  }
}

/** The secret as it came in the address; a broken percent-encoding is kept as it came. */
function decoded(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
