import { createTransport } from "nodemailer";
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

/** The sign-in e-mail: one link, what it does, how long it lasts, and what to do if unexpected. */
export function signInMail({
  to,
  url,
  minutes,
}: {
  to: string;
  url: string;
  minutes: number;
}): Mail {
  const subject = "Your Neuronlab sign-in link";
  const text = [
    "Hello,",
    "",
    `Open this link to sign in to Neuronlab as ${to}:`,
    "",
    url,
    "",
    `It works once, within ${minutes} minutes. On the page it opens, press "Sign in" to finish.`,
    "",
    "If you did not ask to sign in, ignore this email: nothing happens without that press.",
  ].join("\n");
  const link = escapeHtml(url);
  const html = `<!doctype html>
<html lang="en"><body style="font-family: system-ui, sans-serif; color: #0f172a; line-height: 1.5">
<p>Hello,</p>
<p>Open this link to sign in to Neuronlab as <strong>${escapeHtml(to)}</strong>:</p>
<p><a href="${link}" style="display: inline-block; padding: 10px 16px; border-radius: 6px; background: #1d4ed8; color: #ffffff; text-decoration: none; font-weight: 600">Sign in to Neuronlab</a></p>
<p style="font-size: 14px">Or copy this address into your browser: ${link}</p>
<p style="font-size: 14px">It works once, within ${minutes} minutes. On the page it opens, press “Sign in” to finish.
If you did not ask to sign in, ignore this email: nothing happens without that press.</p>
</body></html>`;
  return { to, subject, text, html };
}

function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}
