import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { configuredProvider, MissingProvider, ProviderDetails, TextPage } from "@/site/legal";

export async function generateMetadata({
  params,
}: PageProps<"/[locale]/imprint">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Imprint" });
  return { title: t("metaTitle") };
}

// The provider's details are configuration, read when the page is asked for.
export const dynamic = "force-dynamic";

export default async function ImprintPage({ params }: PageProps<"/[locale]/imprint">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("Imprint");
  const provider = configuredProvider();
  return (
    <TextPage title={t("title")}>
      {provider ? <ProviderDetails provider={provider} /> : <MissingProvider />}
    </TextPage>
  );
}
