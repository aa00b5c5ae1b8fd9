import type { Locale } from "@neuronlab/config/locales";
import { createTranslator } from "next-intl";
import { createTransport } from "nodemailer";
import { loadMessages } from "@/i18n/messages";
import { composeMail } from "@/mail/compose";
import { addToOutbox } from "./outbox";
import type { MailSettings } from "./settings";

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Extra headers, such as List-Unsubscribe. */
  headers?: Record<string, string>;
}

export type SendMail = (mail: Mail) => Promise<void>;

/** Sends through SMTP_URL, or, in a local run without it, into the local outbox. */
export function createMailer(settings: MailSettings): SendMail {
  if (settings.kind === "outbox") {
    return async (mail) => {
      await addToOutbox(settings.dir, { ...mail, from: settings.from });
    };
  }
  const transport = createTransport(settings.url);
  const { outboxDir } = settings;
  return async (mail) => {
    const result = await transport.sendMail({ ...mail, from: settings.from });
    // SMTP transports leave `pending` out when nothing is pending, whatever the type says.
    const pending: unknown[] = Array.isArray(result.pending) ? result.pending : [];
    const refused = [...result.rejected, ...pending];
    if (refused.length > 0)
      throw new Error(`the mail server refused ${refused.length} address(es)`);
    // A local run shows what it sent in its outbox too.
    if (outboxDir) await addToOutbox(outboxDir, { ...mail, from: settings.from });
  };
}

/**
 * The sign-in e-mail, in the recipient's language: one link, what it does, how long it lasts,
 * and what to do if unexpected.
 */
export async function signInMail({
  to,
  url,
  minutes,
  locale,
}: {
  to: string;
  url: string;
  minutes: number;
  locale: Locale;
}): Promise<Mail> {
  const t = createTranslator({
    locale,
    messages: await loadMessages(locale),
    namespace: "SignInMail",
  });
  return composeMail({
    to,
    locale,
    subject: t("subject"),
    blocks: [
      { text: () => t("greeting") },
      { text: (mark) => t("open", { email: mark(to) }) },
      { button: t("button"), url, copy: (link) => t("copy", { url: link }) },
      { text: () => `${t("lasts", { minutes })} ${t("unexpected")}`, small: true },
    ],
  });
}
