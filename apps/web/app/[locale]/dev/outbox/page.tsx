import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { headers } from "next/headers";
import { authSettings } from "@/auth/config";
import { readOutbox } from "@/auth/outbox";
import { isLoopbackRequest } from "@/http/client-address";

export const metadata: Metadata = { title: "Local outbox", robots: { index: false } };

/**
 * The mail a local run sent (no SMTP server configured): sign-in links, so only in a local run
 * (src/auth/settings.ts) and only to a browser on this machine asking for localhost
 * (isLoopbackRequest: the socket's address, never a header). Anyone else gets a 404.
 */
export default async function OutboxPage() {
  const requestHeaders = await headers(); // read at request time, never at build time
  const mail = outboxSettings();
  if (mail?.kind !== "outbox" || !isLoopbackRequest(requestHeaders)) notFound();
  const messages = await readOutbox(mail.dir);

  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-3xl font-bold tracking-tight">Local outbox</h1>
      <p className="mt-2 text-muted">
        This is a local run without an SMTP server: the email it sends lands here instead, newest
        first. Reload to see new mail.
      </p>
      {messages.length === 0 ? (
        <p className="mt-8">No mail yet. Ask for a sign-in link and it will appear here.</p>
      ) : (
        <ol className="mt-8 space-y-6">
          {messages.map((message) => (
            <li key={message.id}>
              <article
                aria-label={`Email to ${message.to}`}
                className="rounded-xl border border-line bg-panel p-4"
              >
                <h2 className="font-semibold">{message.subject}</h2>
                <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 text-sm">
                  <dt className="text-muted">To</dt>
                  <dd>{message.to}</dd>
                  <dt className="text-muted">From</dt>
                  <dd>{message.from}</dd>
                  <dt className="text-muted">Sent</dt>
                  <dd>
                    <time dateTime={message.sentAt}>
                      {message.sentAt.replace("T", " ").slice(0, 19)} UTC
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
function outboxSettings() {
  try {
    const settings = authSettings();
    return settings.local ? settings.mail : undefined;
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
