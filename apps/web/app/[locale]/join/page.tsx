import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getSessionUser } from "@/auth/session";
import { maybeDb } from "@/db";
import { ClientMessages } from "@/i18n/client-messages";
import { ActionForm } from "@/teaching/action-form";
import { joinCohortAction } from "@/teaching/actions";
import { inputClass, labelClass, PageFrame, SignInFirst } from "@/teaching/page-parts";

export async function generateMetadata({ params }: PageProps<"/[locale]/join">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Teaching.Join" });
  return { title: t("title") };
}
export const dynamic = "force-dynamic";

/** Joining by a code read off the board. */
export default async function JoinByCodePage({ params }: PageProps<"/[locale]/join">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("Teaching.Join");
  const db = maybeDb();
  const user = db ? await getSessionUser() : null;
  if (!db || !user) return <SignInFirst title={t("title")} href="/join" locale={locale} />;
  return (
    <PageFrame title={t("title")} lead={t("byCodeLead")}>
      <div className="mt-6 rounded-xl border border-line bg-panel p-4">
        <h2 className="font-semibold">{t("whatTheySee")}</h2>
        <p className="mt-1 text-sm">{t("whatTheySeeText")}</p>
      </div>
      <ClientMessages namespaces={["Teaching.Form"]}>
        <ActionForm action={joinCohortAction} submit={t("join")} className="mt-6 max-w-xs">
          <label htmlFor="join-code" className={labelClass}>
            {t("code")}
          </label>
          <input
            id="join-code"
            name="code"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            className={`${inputClass} font-mono uppercase tracking-wider`}
          />
        </ActionForm>
      </ClientMessages>
    </PageFrame>
  );
}
