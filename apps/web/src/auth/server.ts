import "server-only";
import { createVerificationToken, deleteExpiredVerificationTokens } from "@neuronlab/db/accounts";
import { consumeRateLimit, pruneRateLimits } from "@neuronlab/db/rate-limit";
import { getDb } from "../db";
import { authSettings } from "./config";
import { createMailer, type SendMail } from "./mail";
import { requestSignInLink, type SignInLinkResult } from "./magic-link";
import { clientIp } from "./rate-limits";

const DAY = 24 * 60 * 60_000;

let mailer: SendMail | undefined;

/** The sign-in form's and the API's one way to ask for a link. */
export async function sendSignInLink(input: unknown, headers: Headers): Promise<SignInLinkResult> {
  const settings = authSettings();
  const db = getDb();
  mailer ??= createMailer(settings.mail);
  const result = await requestSignInLink(input, clientIp(headers), {
    consumeRateLimit: (limit) => consumeRateLimit(db, limit),
    saveToken: (token) => createVerificationToken(db, token),
    sendMail: mailer,
    secret: settings.secret,
    origin: settings.siteUrl,
  });
  if (result.ok) {
    // Housekeeping rides along with sign-ins: both deletes use an index on the time.
    await Promise.all([deleteExpiredVerificationTokens(db), pruneRateLimits(db, DAY)]);
  }
  return result;
}
