import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { isDeliverable } from "@/auth/addresses";
import { getSessionUser } from "@/auth/session";
import { maybeDb } from "@/db";
import { ClientMessages } from "@/i18n/client-messages";
import { getPathname, Link } from "@/i18n/navigation";
import { DeleteAccountForm } from "@/progress/delete-account-form";
import { MailChoices } from "@/teaching/mail-choices";
import { mailChoices } from "@neuronlab/db/reminders";

export async function generateMetadata({
  params,
}: PageProps<"/[locale]/account">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Account" });
  return { title: t("title") };
}
// Per learner, from the session: never prerendered (a build has no database to ask).
export const dynamic = "force-dynamic";

export default async function AccountPage({
  params,
  searchParams,
}: PageProps<"/[locale]/account">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("Account");
  const db = maybeDb();
  const user = db ? await getSessionUser() : null;
  if (!user) {
    const { deleted } = await searchParams;
    return (
      <div className="mx-auto max-w-xl px-4 py-10">
        <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
        {deleted === "1" ? (
          <p role="status" className="mt-4 rounded-lg border border-line bg-panel p-4">
            {t("deleted")}
          </p>
        ) : (
          <p className="mt-4">
            {t.rich("signInToManage", {
              link: (chunks) => (
                <Link
                  href={{
                    pathname: "/sign-in",
                    query: { callbackUrl: getPathname({ href: "/account", locale }) },
                  }}
                  className="font-semibold text-accent underline underline-offset-4"
                >
                  {chunks}
                </Link>
              ),
            })}
          </p>
        )}
      </div>
    );
  }

  const choices = db ? await mailChoices(db, user.id) : null;
  return (
    <div className="mx-auto max-w-2xl px-4 py-10">
      <nav aria-label={t("breadcrumb")} className="text-sm text-muted">
        <Link href="/dashboard" className="underline underline-offset-4">
          {t("breadcrumbProgress")}
        </Link>{" "}
        / {t("breadcrumbHere")}
      </nav>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">{t("title")}</h1>
      <p className="mt-2 text-muted">
        {t.rich("signedInAs", {
          email: isDeliverable(user.email) ? user.email : (user.name ?? ""),
          strong: (chunks) => <span className="font-medium text-ink">{chunks}</span>,
        })}
      </p>

      <section
        aria-labelledby="download"
        className="mt-8 rounded-xl border border-line bg-panel p-5"
      >
        <h2 id="download" className="text-lg font-semibold">
          {t("downloadTitle")}
        </h2>
        <p className="mt-1">{t("downloadText")}</p>
        <a
          href="/api/me/export"
          download
          className="mt-4 inline-block rounded-md bg-accent px-4 py-2 font-semibold text-accent-ink"
        >
          {t("downloadButton")}
        </a>
      </section>

      {choices && isDeliverable(user.email) ? (
        <MailChoices choices={choices} teaches={user.role !== "LEARNER"} />
      ) : null}

      <section
        aria-labelledby="delete"
        className="mt-8 rounded-xl border border-[var(--viz-negative)] p-5"
      >
        <h2 id="delete" className="text-lg font-semibold">
          {t("deleteTitle")}
        </h2>
        <p className="mt-1">{t("deleteText")}</p>
        <ClientMessages namespaces={["DeleteAccountForm"]}>
          <DeleteAccountForm email={user.email} userId={user.id} />
        </ClientMessages>
      </section>
    </div>
  );
}
