import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect } from "./fixtures";
import { linkIn, mailsTo, waitForMails } from "./mailbox";

/**
 * Signing in as a new user: the link is read from the mail that arrived at the tests' SMTP server
 * (e2e/mailbox.ts).
 * Give each test (or browser context) its own network address (`randomIp`), so the sign-in
 * limits per network of one test never touch another, nor a rerun.
 */

export function randomIp(): string {
  const byte = () => Math.floor(Math.random() * 254) + 1;
  return `10.${byte()}.${byte()}.${byte()}`;
}

export const newAddress = () => `learner-${randomUUID().slice(0, 8)}@example.com`;

export async function askForLink(page: Page, email: string, callbackUrl?: string) {
  await page.goto(
    callbackUrl ? `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-in",
  );
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
}

/** Asks for a link and reads it from the mail that arrived. */
export async function mailedSignInLink(
  page: Page,
  email: string,
  callbackUrl?: string,
): Promise<string> {
  const before = (await mailsTo(email)).length;
  await askForLink(page, email, callbackUrl);
  await expect(page.getByRole("status")).toContainText(`We sent a sign-in link to ${email}`);
  const mails = await waitForMails(email, /Your Neuronlab sign-in link/, before + 1);
  const mail = mails.at(-1);
  if (!mail) throw new Error(`no sign-in mail to ${email}`);
  expect(mail.html).toContain("/auth/confirm?token=");
  return linkIn(mail, /\/auth\/confirm\?token=/);
}

export async function signIn(page: Page, email: string): Promise<void> {
  const link = await mailedSignInLink(page, email);
  await page.goto(link);
  await page.getByRole("button", { name: `Sign in as ${email}` }).click();
  await expect(page).toHaveURL(/\/course$/);
  await expect(page.getByRole("banner").getByTestId("account")).toContainText(email);
}
