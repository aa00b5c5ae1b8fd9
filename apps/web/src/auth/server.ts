import "server-only";
import { isLocale, type Locale } from "@neuronlab/config/locales";
import { createVerificationToken, deleteExpiredVerificationTokens } from "@neuronlab/db/accounts";
import { findUserByEmail } from "@neuronlab/db/users";
import { consumeRateLimit, pruneRateLimits } from "@neuronlab/db/rate-limit";
import { getDb } from "../db";
import { authSettings } from "./config";
import { createMailer, type SendMail } from "./mail";
import { requestSignInLink, type SignInLinkResult } from "./magic-link";
import { clientIp } from "./rate-limits";
import { requestLocale } from "@/i18n/request-locale";

const DAY = 24 * 60 * 60_000;

let mailer: SendMail | undefined;

/**
 * The sign-in form's and the API's one way to ask for a link. `pageLocale`: the language of the
 * page that asked (the form's), else the request's; an account's own language wins for its mail.
 */
export async function sendSignInLink(
  input: unknown,
  headers: Headers,
  pageLocale: Locale = requestLocale(headers),
): Promise<SignInLinkResult> {
  const settings = authSettings();
  const db = getDb();
  mailer ??= createMailer(settings.mail);
  const result = await requestSignInLink(input, clientIp(headers), {
    consumeRateLimit: (limit) => consumeRateLimit(db, limit),
    saveToken: (token) => createVerificationToken(db, token),
    sendMail: mailer,
    secret: settings.secret,
    origin: settings.siteUrl,
    localeFor: async (email) => {
      const chosen = (await findUserByEmail(db, email))?.locale;
      return isLocale(chosen) ? chosen : pageLocale;
    },
  });
  if (result.ok) {
    // Housekeeping rides along with sign-ins: both deletes use an index on the time.
    await Promise.all([deleteExpiredVerificationTokens(db), pruneRateLimits(db, DAY)]);
  }
  return result;
}
