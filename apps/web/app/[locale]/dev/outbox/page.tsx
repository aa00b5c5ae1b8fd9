import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { headers } from "next/headers";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { authSettings } from "@/auth/config";
import { readOutbox } from "@/auth/outbox";
import { localOutboxDir } from "@/auth/settings";
import { isLoopbackRequest } from "@/http/client-address";

export async function generateMetadata({
  params,
}: PageProps<"/[locale]/dev/outbox">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Outbox" });
  return { title: t("title"), robots: { index: false } };
}

/**
 * The mail a local run sent (with or without an SMTP server): sign-in links, so only in a local run
 * (src/auth/settings.ts) and only to a browser on this machine asking for localhost
 * (isLoopbackRequest: the socket's address, never a header). Anyone else gets a 404.
 */
export default async function OutboxPage({ params }: PageProps<"/[locale]/dev/outbox">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const requestHeaders = await headers(); // read at request time, never at build time
  const dir = outboxDir();
  if (!dir || !isLoopbackRequest(requestHeaders)) notFound();
  const [t, format, messages] = await Promise.all([
    getTranslations("Outbox"),
    getFormatter(),
    readOutbox(dir),
  ]);

  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
      <p className="mt-2 text-muted">{t("intro")}</p>
      {messages.length === 0 ? (
        <p className="mt-8">{t("empty")}</p>
      ) : (
        <ol className="mt-8 space-y-6">
          {messages.map((message) => (
            <li key={message.id}>
              <article
                aria-label={t("mailTo", { to: message.to })}
                className="rounded-xl border border-line bg-panel p-4"
              >
                <h2 className="font-semibold">{message.subject}</h2>
                <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 text-sm">
                  <dt className="text-muted">{t("to")}</dt>
                  <dd>{message.to}</dd>
                  <dt className="text-muted">{t("from")}</dt>
                  <dd>{message.from}</dd>
                  <dt className="text-muted">{t("sent")}</dt>
                  <dd>
                    <time dateTime={message.sentAt}>
                      {t("sentAt", {
                        time: format.dateTime(new Date(message.sentAt), {
                          dateStyle: "medium",
                          timeStyle: "medium",
                          timeZone: "UTC",
                        }),
                      })}
                    </time>
                  </dd>
                </dl>
                <pre className="mt-3 text-sm break-words whitespace-pre-wrap">
                  {linkify(message.text)}
                </pre>
              </article>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

/** The mail settings, or nothing when accounts are misconfigured (then there is no outbox either). */
function outboxDir() {
  try {
    const settings = authSettings();
    return settings.local ? localOutboxDir(settings.mail) : undefined;
  } catch {
    return undefined;
  }
}

/** The plain-text body with its addresses as links (React escapes everything else). */
function linkify(text: string) {
  return text.split(/(https?:\/\/\S+)/).map((part, i) =>
    i % 2 === 1 ? (
      <a key={i} href={part} className="text-accent underline underline-offset-4">
        {part}
      </a>
    ) : (
      part
    ),
  );
}
