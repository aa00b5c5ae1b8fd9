import "server-only";
import { z } from "zod";
import { isLocale, LOCALES } from "@neuronlab/config/locales";
import type { Db } from "@neuronlab/db/client";
import {
  deleteUser,
  exportUserData,
  normaliseEmail,
  setUserLocale,
  type UserExport,
} from "@neuronlab/db/users";
import { HttpError, issueValues, readJsonBody } from "@/http/errors";
import type { Learner } from "./progress-api";
import { deleteRequestSchema } from "./progress-schemas";

/**
 * "Download my data", "delete my account" and the account's language: the learner's own rows,
 * and only theirs.
 */

export interface DataDownload {
  filename: string;
  data: UserExport;
}

/** Everything the platform holds about the signed-in learner, as a JSON file to download. */
export async function exportMyData(
  learner: Learner | null,
  db: Db,
  now: Date = new Date(),
): Promise<DataDownload> {
  if (!learner) throw new HttpError(401, "not_signed_in.download");
  const data = await exportUserData(db, learner.id);
  if (!data) throw new HttpError(404, "no_account");
  return { filename: `neuronlab-data-${now.toISOString().slice(0, 10)}.json`, data };
}

/** The answer to a JSON download: an attachment, never cached. */
export function downloadResponse({ filename, data }: DataDownload): Response {
  return new Response(`${JSON.stringify(data, null, 2)}\n`, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}

/**
 * Deletes the signed-in learner's account and everything of theirs, their sessions included, so
 * they are signed out everywhere at once. The request must repeat their e-mail address, so a
 * stray click or a forged request without it deletes nothing.
 */
export async function deleteMyAccount(
  request: Request,
  learner: Learner | null,
  db: Db,
): Promise<{ deleted: true }> {
  if (!learner) throw new HttpError(401, "not_signed_in.delete");
  const body = await readJsonBody(request, 1024);
  const parsed = deleteRequestSchema.safeParse(body);
  if (!parsed.success) {
    throw new HttpError(400, "invalid_confirmation", issueValues(parsed.error, body));
  }
  if (normaliseEmail(parsed.data.confirmEmail) !== normaliseEmail(learner.email)) {
    throw new HttpError(400, "confirmation_mismatch");
  }
  await deleteUser(db, learner.id);
  return { deleted: true };
}

const localeRequestSchema = z.object({ locale: z.string().max(16) }).strict();

/**
 * PUT `{ locale }`: the language the signed-in learner chose with the language switcher, kept on
 * the account (their e-mails use it). A language the platform does not have changes nothing.
 */
export async function setMyLocale(
  request: Request,
  learner: Learner | null,
  db: Db,
): Promise<{ locale: string }> {
  if (!learner) throw new HttpError(401, "unauthenticated");
  const body = await readJsonBody(request, 256);
  const parsed = localeRequestSchema.safeParse(body);
  if (!parsed.success || !isLocale(parsed.data.locale)) {
    throw new HttpError(400, "invalid_locale", { languages: LOCALES.join(", ") });
  }
  await setUserLocale(db, learner.id, parsed.data.locale);
  return { locale: parsed.data.locale };
}

/**
 * The session cookies next-auth may have set, expired: the session rows are gone already; this
 * only tidies the browser.
 */
export const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export function expiredSessionCookies(): string[] {
  return SESSION_COOKIES.map(
    (name) =>
      `${name}=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax${name.startsWith("__Secure-") ? "; Secure" : ""}`,
  );
}
