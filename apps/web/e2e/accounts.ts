import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

/**
 * Signing in as a new user in a local run: the link is read from the local outbox (/dev/outbox).
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

/** Asks for a link and reads it from the local outbox. */
export async function linkFromOutbox(
  page: Page,
  email: string,
  callbackUrl?: string,
): Promise<string> {
  await askForLink(page, email, callbackUrl);
  await expect(page.getByRole("status")).toContainText(`We sent a sign-in link to ${email}`);
  await page.goto("/dev/outbox");
  const mail = page.getByRole("article", { name: `Email to ${email}` });
  await expect(mail).toContainText("Your Neuronlab sign-in link");
  const href = await mail.getByRole("link").first().getAttribute("href");
  expect(href).toMatch(/\/auth\/confirm\?token=/);
  return href ?? "";
}

export async function signIn(page: Page, email: string): Promise<void> {
  const link = await linkFromOutbox(page, email);
  await page.goto(link);
  await page.getByRole("button", { name: `Sign in as ${email}` }).click();
  await expect(page).toHaveURL(/\/course$/);
  await expect(page.getByRole("banner").getByTestId("account")).toContainText(email);
}
