import "server-only";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { env } from "@/env";
import { providerFrom, type Provider } from "./provider";

/** The configured provider (PROVIDER_*), or undefined. */
export function configuredProvider(): Provider | undefined {
  return providerFrom(env());
}

/** The frame of the site's public text pages: a heading, a lead and sections. */
export function TextPage({
  title,
  lead,
  children,
}: {
  title: string;
  lead?: string;
  children: ReactNode;
}) {
  return (
    <div className="mx-auto max-w-2xl px-4 py-10">
      <h1 className="text-3xl font-bold tracking-tight">{title}</h1>
      {lead ? <p className="mt-3 text-lg text-muted">{lead}</p> : null}
      <div className="mt-6 space-y-8 leading-relaxed">{children}</div>
    </div>
  );
}

export function TextSection({ title, children }: { title: string; children: ReactNode }) {
  const id = title
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="text-xl font-semibold">
        {title}
      </h2>
      <div className="mt-2 space-y-3">{children}</div>
    </section>
  );
}

/** Said where the provider's details belong while they are not configured. */
export async function MissingProvider() {
  const t = await getTranslations("Legal");
  return (
    <div role="note" className="rounded-lg border border-line bg-panel p-4">
      <p className="font-semibold">{t("missingTitle")}</p>
      <p className="mt-1 text-muted">{t("missing")}</p>
    </div>
  );
}

/** The provider's name, address and ways to reach them. */
export async function ProviderDetails({ provider }: { provider: Provider }) {
  const t = await getTranslations("Imprint");
  return (
    <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
      <dt className="font-semibold">{t("provider")}</dt>
      <dd>
        <address className="not-italic">
          {provider.name}
          {provider.address.map((line) => (
            <span key={line} className="block">
              {line}
            </span>
          ))}
        </address>
      </dd>
      {provider.representative ? (
        <>
          <dt className="font-semibold">{t("representative")}</dt>
          <dd>{provider.representative}</dd>
        </>
      ) : null}
      <dt className="font-semibold">{t("email")}</dt>
      <dd>
        <a href={`mailto:${provider.email}`} className="text-accent underline underline-offset-4">
          {provider.email}
        </a>
      </dd>
      {provider.phone ? (
        <>
          <dt className="font-semibold">{t("phone")}</dt>
          <dd>{provider.phone}</dd>
        </>
      ) : null}
      {provider.register ? (
        <>
          <dt className="font-semibold">{t("register")}</dt>
          <dd>{provider.register}</dd>
        </>
      ) : null}
      {provider.vatId ? (
        <>
          <dt className="font-semibold">{t("vatId")}</dt>
          <dd>{provider.vatId}</dd>
        </>
      ) : null}
    </dl>
  );
}
