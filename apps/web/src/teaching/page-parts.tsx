import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import type { Locale } from "next-intl";
import { getPathname, Link } from "@/i18n/navigation";

/** A page's frame: its width and its heading. */
export function PageFrame({
  title,
  wide = false,
  children,
  lead,
}: {
  title: string;
  wide?: boolean;
  lead?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div className={`mx-auto px-4 py-10 ${wide ? "max-w-6xl" : "max-w-3xl"}`}>
      <h1 className="text-3xl font-bold tracking-tight">{title}</h1>
      {lead ? <div className="mt-2 text-muted">{lead}</div> : null}
      {children}
    </div>
  );
}

/** Shown instead of a page that needs an account, with a way back after signing in. */
export async function SignInFirst({
  title,
  href,
  locale,
}: {
  title: string;
  href: string;
  locale: Locale;
}) {
  const t = await getTranslations("Teaching");
  return (
    <PageFrame title={title}>
      <p className="mt-4">{t("signInFirst")}</p>
      <p className="mt-6">
        <Link
          href={{ pathname: "/sign-in", query: { callbackUrl: getPathname({ href, locale }) } }}
          className="rounded-md bg-accent px-4 py-2 font-semibold text-accent-ink"
        >
          {t("signIn")}
        </Link>
      </p>
    </PageFrame>
  );
}

export { inputClass, labelClass } from "./field-classes";
