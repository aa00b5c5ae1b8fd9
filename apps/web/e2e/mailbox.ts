import type { ReceivedMail } from "../src/testing/smtp-inbox";
import { expect } from "./fixtures";

/**
 * What arrived at the test's SMTP server (e2e/mailbox-server.ts) for an address: the platform sent
 * it over SMTP, as it would to a real mail server.
 */

export const MAILBOX_URL = "http://127.0.0.1:3126";

export async function mailsTo(address: string): Promise<ReceivedMail[]> {
  const answer = await fetch(`${MAILBOX_URL}/messages?to=${encodeURIComponent(address)}`);
  if (!answer.ok) throw new Error(`mailbox answered ${String(answer.status)}`);
  return (await answer.json()) as ReceivedMail[];
}

/** Waits (polling, up to the expect timeout) until `count` mails whose subject matches arrived. */
export async function waitForMails(
  address: string,
  subject: RegExp,
  count = 1,
): Promise<ReceivedMail[]> {
  let found: ReceivedMail[] = [];
  await expect
    .poll(
      async () => {
        found = (await mailsTo(address)).filter((mail) => subject.test(mail.subject));
        return found.length;
      },
      { message: `${String(count)} mail(s) to ${address} about ${String(subject)}` },
    )
    .toBeGreaterThanOrEqual(count);
  return found;
}

/** The newest mail to an address about `subject`. */
export async function newestMail(address: string, subject: RegExp): Promise<ReceivedMail> {
  const mails = await waitForMails(address, subject);
  const newest = mails.at(-1);
  if (!newest) throw new Error(`no mail to ${address}`);
  return newest;
}

/** The first link in a mail's text part that matches. */
export function linkIn(mail: ReceivedMail, pattern: RegExp): string {
  const link = mail.text.match(/https?:\/\/\S+/g)?.find((url) => pattern.test(url));
  if (!link) throw new Error(`no link like ${String(pattern)} in:\n${mail.text}`);
  return link;
}
