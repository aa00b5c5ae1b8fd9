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

/**
 * This site's origin for links in e-mails: NEXTAUTH_URL, or in a local run the address the
 * browser used (a production server always has NEXTAUTH_URL; see settings.ts).
 */
export function siteOrigin(headers: Headers): string {
  const { siteUrl } = authSettings();
  if (siteUrl) return new URL(siteUrl).origin;
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? "localhost:3000";
  const proto = headers.get("x-forwarded-proto") === "https" ? "https" : "http";
  return `${proto}://${host}`;
}

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
    origin: siteOrigin(headers),
  });
  if (result.ok) {
    // Housekeeping rides along with sign-ins: both deletes use an index on the time.
    await Promise.all([deleteExpiredVerificationTokens(db), pruneRateLimits(db, DAY)]);
  }
  return result;
}

/**
 * Whether a state-changing request comes from this site's own pages. Browsers say where a request
 * comes from (Sec-Fetch-Site, Origin); a request that says another site is refused.
 */
export function isSameOriginRequest(headers: Headers): boolean {
  const site = headers.get("sec-fetch-site");
  if (site) return site === "same-origin" || site === "none";
  const origin = headers.get("origin");
  if (!origin) return true; // not a browser's cross-site form: API clients send no Origin
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
