import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { configuredProvider, TextPage, TextSection } from "@/site/legal";

export async function generateMetadata({
  params,
}: PageProps<"/[locale]/accessibility">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "AccessibilityStatement" });
  return { title: t("metaTitle") };
}

// The provider's contact is configuration, read when the page is asked for.
export const dynamic = "force-dynamic";

/** When this statement was last assessed. */
const PREPARED = new Date(Date.UTC(2026, 11, 7));

export default async function AccessibilityPage({ params }: PageProps<"/[locale]/accessibility">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [t, format] = await Promise.all([
    getTranslations("AccessibilityStatement"),
    getFormatter(),
  ]);
  const provider = configuredProvider();
  return (
    <TextPage title={t("title")} lead={t("lead")}>
      <TextSection title={t("doneTitle")}>
        <ul className="list-disc space-y-2 pl-6">
          {(["doneKeyboard", "doneText", "doneMotion", "doneContrast", "doneTests"] as const).map(
            (key) => (
              <li key={key}>{t(key)}</li>
            ),
          )}
        </ul>
      </TextSection>
      <TextSection title={t("limitsTitle")}>
        <p>{t("limits")}</p>
      </TextSection>
      <TextSection title={t("feedbackTitle")}>
        <p>
          {provider
            ? t.rich("feedback", {
                address: provider.email,
                email: (chunks) => (
                  <a
                    href={`mailto:${provider.email}`}
                    className="text-accent underline underline-offset-4"
                  >
                    {chunks}
                  </a>
                ),
              })
            : t("feedbackMissing")}
        </p>
      </TextSection>
      <p className="text-sm text-muted">
        {t("prepared", { date: format.dateTime(PREPARED, { dateStyle: "long", timeZone: "UTC" }) })}
      </p>
    </TextPage>
  );
}
