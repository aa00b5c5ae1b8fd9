import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ClientMessages } from "@/i18n/client-messages";
import { signInWithCardAction } from "@/pupils/actions";
import { ActionForm } from "@/teaching/action-form";
import { PageFrame } from "@/teaching/page-parts";

export async function generateMetadata({
  params,
}: PageProps<"/[locale]/card/[code]">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Pupils.SignIn" });
  return { title: t("title"), robots: { index: false }, referrer: "no-referrer" };
}
export const dynamic = "force-dynamic";

/**
 * A card's link (its QR code). Opening it signs nobody in and looks nothing up (a link preview or
 * a scanner may open it): it says nothing about the pupil, and only the button's POST, a server
 * action, checks the code and signs in.
 */
export default async function CardLinkPage({ params }: PageProps<"/[locale]/card/[code]">) {
  const { locale, code: rawCode } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("Pupils.SignIn");
  const code = decoded(rawCode).slice(0, 40);
  return (
    <PageFrame title={t("title")} lead={t("lead")}>
      <ClientMessages namespaces={["Teaching.Form"]}>
        <ActionForm
          action={signInWithCardAction}
          hidden={{ code }}
          submit={t("submit")}
          className="mt-6"
        />
      </ClientMessages>
    </PageFrame>
  );
}

/** The code as it came in the address; a broken percent-encoding is kept as it came. */
function decoded(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
