import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { INVITATION_DAYS } from "@neuronlab/db/invitations";
import { LINK_MINUTES } from "@/auth/magic-link";
import { Link } from "@/i18n/navigation";
import {
  configuredProvider,
  MissingProvider,
  ProviderDetails,
  TextPage,
  TextSection,
} from "@/site/legal";

export async function generateMetadata({
  params,
}: PageProps<"/[locale]/privacy">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Privacy" });
  return { title: t("metaTitle") };
}

// The provider's details are configuration, read when the page is asked for.
export const dynamic = "force-dynamic";

/** How long a session lasts after the last visit (src/auth/options.ts). */
const SESSION_DAYS = 30;

/**
 * The privacy notice (GDPR Art. 13): the figures in it (how long links, sessions and invitations
 * last) come from the code that enforces them, the provider's details from the configuration.
 */
export default async function PrivacyPage({ params }: PageProps<"/[locale]/privacy">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("Privacy");
  const provider = configuredProvider();
  const email = (address: string) => ({
    address,
    email: (chunks: ReactNode) => (
      <a href={`mailto:${address}`} className="text-accent underline underline-offset-4">
        {chunks}
      </a>
    ),
  });
  const list = (items: string[]) => (
    <ul className="list-disc space-y-2 pl-6">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
  return (
    <TextPage title={t("title")} lead={t("lead")}>
      <TextSection title={t("controllerTitle")}>
        {provider ? (
          <>
            <p>{t.rich("controller", email(provider.privacyEmail))}</p>
            <ProviderDetails provider={provider} />
          </>
        ) : (
          <MissingProvider />
        )}
      </TextSection>
      <TextSection title={t("noAccountTitle")}>
        <p>{t("noAccount")}</p>
      </TextSection>
      <TextSection title={t("dataTitle")}>
        <p>{t("dataLead")}</p>
        {list([
          t("dataAccount"),
          t("dataProgress"),
          t("dataClasses"),
          t("dataPupils"),
          t("dataTeaching"),
          t("dataCertificates"),
          t("dataSecurity"),
          t("dataMail"),
        ])}
      </TextSection>
      <TextSection title={t("cookiesTitle")}>
        <p>{t("cookies")}</p>
      </TextSection>
      <TextSection title={t("retentionTitle")}>
        {list([
          t("retentionAccount"),
          t("retentionLinks", { minutes: LINK_MINUTES, days: SESSION_DAYS }),
          t("retentionInvitations", { days: INVITATION_DAYS }),
          t("retentionSecurity"),
          t("retentionLeave"),
        ])}
      </TextSection>
      <TextSection title={t("recipientsTitle")}>
        <p>{t("recipients")}</p>
      </TextSection>
      <TextSection title={t("rightsTitle")}>
        <p>{t("rightsLead")}</p>
        {list([t("rightsDownload"), t("rightsDelete"), t("rightsMail")])}
        {provider ? <p>{t.rich("rightsAsk", email(provider.privacyEmail))}</p> : null}
        <p>
          <Link href="/account" className="font-medium text-accent underline underline-offset-4">
            {t("account")}
          </Link>
        </p>
      </TextSection>
      <TextSection title={t("complaintTitle")}>
        <p>{t("complaint")}</p>
        {provider?.supervisoryAuthority ? (
          <p>{t("complaintNamed", { authority: provider.supervisoryAuthority })}</p>
        ) : null}
      </TextSection>
      <TextSection title={t("requiredTitle")}>
        <p>{t("required")}</p>
      </TextSection>
    </TextPage>
  );
}
