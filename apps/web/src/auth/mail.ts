import type { Locale } from "@neuronlab/config/locales";
import { createTranslator } from "next-intl";
import { createTransport } from "nodemailer";
import { loadMessages } from "@/i18n/messages";
import { addToOutbox } from "./outbox";
import type { MailSettings } from "./settings";

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
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
  return async (mail) => {
    const result = await transport.sendMail({ ...mail, from: settings.from });
    // SMTP transports leave `pending` out when nothing is pending, whatever the type says.
    const pending: unknown[] = Array.isArray(result.pending) ? result.pending : [];
    const refused = [...result.rejected, ...pending];
    if (refused.length > 0)
      throw new Error(`the mail server refused ${refused.length} address(es)`);
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
  const text = [
    t("greeting"),
    "",
    t("open", { email: to }),
    "",
    url,
    "",
    t("lasts", { minutes }),
    "",
    t("unexpected"),
  ].join("\n");
  const link = escapeHtml(url);
  const html = `<!doctype html>
<html lang="${escapeHtml(locale)}"><body style="font-family: system-ui, sans-serif; color: #0f172a; line-height: 1.5">
<p>${escapeHtml(t("greeting"))}</p>
<p>${escapeHtml(t("open", { email: "\u0000" })).replace("\u0000", `<strong>${escapeHtml(to)}</strong>`)}</p>
<p><a href="${link}" style="display: inline-block; padding: 10px 16px; border-radius: 6px; background: #1d4ed8; color: #ffffff; text-decoration: none; font-weight: 600">${escapeHtml(t("button"))}</a></p>
<p style="font-size: 14px">${escapeHtml(t("copy", { url: "\u0000" })).replace("\u0000", link)}</p>
<p style="font-size: 14px">${escapeHtml(t("lasts", { minutes }))}
${escapeHtml(t("unexpected"))}</p>
</body></html>`;
  return { to, subject: t("subject"), text, html };
}

function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}
