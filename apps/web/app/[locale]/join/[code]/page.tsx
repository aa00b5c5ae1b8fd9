import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getSessionUser } from "@/auth/session";
import { maybeDb } from "@/db";
import { ClientMessages } from "@/i18n/client-messages";
import { ActionForm } from "@/teaching/action-form";
import { joinCohortAction } from "@/teaching/actions";
import { PageFrame, SignInFirst } from "@/teaching/page-parts";
import { loadJoinPage } from "@/teaching/teaching";

export async function generateMetadata({
  params,
}: PageProps<"/[locale]/join/[code]">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Teaching.Join" });
  return { title: t("title") };
}
export const dynamic = "force-dynamic";

/** A cohort's join link: who teaches it, what they will see, and one button. */
export default async function JoinPage({ params }: PageProps<"/[locale]/join/[code]">) {
  const { locale, code: rawCode } = await params;
  setRequestLocale(locale);
  const code = decoded(rawCode);
  const t = await getTranslations("Teaching.Join");
  const db = maybeDb();
  const user = db ? await getSessionUser() : null;
  if (!db || !user) {
    return (
      <SignInFirst title={t("title")} href={`/join/${encodeURIComponent(code)}`} locale={locale} />
    );
  }
  const cohort = await loadJoinPage(db, code);
  if (!cohort) {
    return (
      <PageFrame title={t("title")}>
        <p role="alert" className="mt-4">
          {t("unknown")}
        </p>
      </PageFrame>
    );
  }
  return (
    <PageFrame title={t("joinName", { name: cohort.name })}>
      {cohort.description ? <p className="mt-2 text-muted">{cohort.description}</p> : null}
      {cohort.teachers.length > 0 ? (
        <p className="mt-4">{t("taughtBy", { names: cohort.teachers.join(", ") })}</p>
      ) : null}
      <div className="mt-6 rounded-xl border border-line bg-panel p-4">
        <h2 className="font-semibold">{t("whatTheySee")}</h2>
        <p className="mt-1 text-sm">{t("whatTheySeeText")}</p>
      </div>
      {cohort.open ? (
        <ClientMessages namespaces={["Teaching.Form"]}>
          <ActionForm
            action={joinCohortAction}
            hidden={{ code }}
            submit={t("join")}
            className="mt-6"
          />
        </ClientMessages>
      ) : (
        <p role="alert" className="mt-6">
          {t("closed")}
        </p>
      )}
    </PageFrame>
  );
}

/** The code as typed into the address; a broken percent-encoding is kept as it came. */
function decoded(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
