import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { TextPage, TextSection } from "@/site/legal";

export async function generateMetadata({
  params,
}: PageProps<"/[locale]/about">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "About" });
  return { title: t("metaTitle") };
}

export default async function AboutPage({ params }: PageProps<"/[locale]/about">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("About");
  return (
    <TextPage title={t("title")} lead={t("lead")}>
      <TextSection title={t("learnersTitle")}>
        <p>{t("learners")}</p>
      </TextSection>
      <TextSection title={t("educatorsTitle")}>
        <p>{t("educators")}</p>
      </TextSection>
      <TextSection title={t("organisationsTitle")}>
        <p>{t("organisations")}</p>
      </TextSection>
      <TextSection title={t("howTitle")}>
        <p>{t("how")}</p>
      </TextSection>
      <p className="flex flex-wrap gap-4">
        <Link
          href="/course"
          className="rounded-md bg-accent px-4 py-2 font-semibold text-accent-ink"
        >
          {t("start")}
        </Link>
        <Link href="/privacy" className="py-2 font-medium text-accent underline underline-offset-4">
          {t("privacy")}
        </Link>
      </p>
    </TextPage>
  );
}
