import { DEFAULT_LOCALE, isLocale, type Locale } from "@neuronlab/config/locales";
import { createTranslator } from "next-intl";
import type { Mail, SendMail } from "@/auth/mail";
import { loadMessages } from "@/i18n/messages";
import { localePath } from "@/i18n/paths";
import { composeMail } from "@/mail/compose";

/**
 * The invitation mail, in the cohort's language: who invites, to which class, one link, until
 * when it works, that any account may accept it, and what to do if it was unexpected. Sent by
 * the sign-in mail's sender (auth/mail.ts: SMTP, or the local outbox in a local run).
 */

/** The page an invitation's link opens. */
export const INVITATION_PATH = "/invitations";

/** The cohort's language when it is one of the platform's, else the default. */
export function mailLocale(cohortLocale: string): Locale {
  return isLocale(cohortLocale) ? cohortLocale : DEFAULT_LOCALE;
}

/** An invitation's link, on the configured site address (never a request's), in a language. */
export function invitationUrl(siteUrl: string, secret: string, locale: Locale): string {
  return new URL(localePath(`${INVITATION_PATH}/${secret}`, locale), siteUrl).toString();
}

export interface InvitationMailInput {
  to: string;
  url: string;
  cohort: string;
  teacher: string;
  expiresAt: Date;
  locale: Locale;
  /** The cohort's time zone: the expiry date is a day there. */
  timeZone: string;
}

export async function invitationMail({
  to,
  url,
  cohort,
  teacher,
  expiresAt,
  locale,
  timeZone,
}: InvitationMailInput): Promise<Mail> {
  const t = createTranslator({
    locale,
    messages: await loadMessages(locale),
    namespace: "InvitationMail",
  });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone }).format(expiresAt);
  return composeMail({
    to,
    locale,
    subject: t("subject", { teacher, cohort }),
    blocks: [
      { text: () => t("greeting") },
      { text: (mark) => t("invited", { teacher: mark(teacher), cohort: mark(cohort) }) },
      { button: t("button"), url, copy: (link) => t("copy", { url: link }) },
      { text: () => `${t("expires", { date })} ${t("unexpected")}`, small: true },
    ],
  });
}

export interface InvitationToMail {
  email: string;
  secret: string;
  expiresAt: Date;
}

/**
 * Mails invitations, a few at a time; returns the addresses whose mail could not be sent (their
 * invitations stay, to be sent again from the list).
 */
export async function sendInvitationMails(
  send: SendMail,
  siteUrl: string,
  context: { cohort: { name: string; locale: string; timeZone: string }; teacher: string },
  invitations: readonly InvitationToMail[],
  concurrency = 4,
): Promise<string[]> {
  const locale = mailLocale(context.cohort.locale);
  const failed: string[] = [];
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < invitations.length; i = next++) {
      const invitation = invitations[i];
      if (!invitation) continue;
      try {
        await send(
          await invitationMail({
            to: invitation.email,
            url: invitationUrl(siteUrl, invitation.secret, locale),
            cohort: context.cohort.name,
            teacher: context.teacher,
            expiresAt: invitation.expiresAt,
            locale,
            timeZone: context.cohort.timeZone,
          }),
        );
      } catch (error) {
        console.error(`invitation mail to one address not sent:`, error);
        failed.push(invitation.email);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, invitations.length) }, worker));
  return invitations.map((i) => i.email).filter((email) => failed.includes(email));
}
