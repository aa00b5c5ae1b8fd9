import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ClientMessages } from "@/i18n/client-messages";
import { signInWithCardAction } from "@/pupils/actions";
import { ActionForm } from "@/teaching/action-form";
import { inputClass, labelClass, PageFrame } from "@/teaching/page-parts";

export async function generateMetadata({ params }: PageProps<"/[locale]/card">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Pupils.SignIn" });
  return { title: t("title"), robots: { index: false } };
}
export const dynamic = "force-dynamic";

/** A pupil types the short code on their card (case, spaces and dashes do not matter). */
export default async function CardCodePage({ params }: PageProps<"/[locale]/card">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("Pupils.SignIn");
  return (
    <PageFrame title={t("title")} lead={t("byCodeLead")}>
      <ClientMessages namespaces={["Teaching.Form"]}>
        <ActionForm action={signInWithCardAction} submit={t("submit")} className="mt-6 max-w-xs">
          <label htmlFor="card-code" className={labelClass}>
            {t("codeLabel")}
          </label>
          <input
            id="card-code"
            name="code"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={40}
            className={`${inputClass} font-mono uppercase tracking-wider`}
          />
        </ActionForm>
      </ClientMessages>
    </PageFrame>
  );
}
