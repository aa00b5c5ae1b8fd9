import { createHash, randomBytes } from "node:crypto";
import { DEFAULT_LOCALE, type Locale } from "@neuronlab/config/locales";
import { localePath } from "@/i18n/paths";
import type { VerificationTokenRecord } from "@neuronlab/db/accounts";
import { sourceText, type ErrorMessage } from "../http/errors";
import { signInMail, type SendMail } from "./mail";
import { checkSignInLimits, type ConsumeRateLimit } from "./rate-limits";
import { parseSignInRequest } from "./sign-in-request";

/** How long an emailed link works. */
export const LINK_MINUTES = 10;

/** The page an emailed link opens: it shows a button, and only the button's POST spends it. */
export const CONFIRM_PATH = "/auth/confirm" as const;

/**
 * What the database holds instead of the token: next-auth's hash (SHA-256 of token and secret), so
 * next-auth's own callback finds the tokens made here, and a leaked table signs nobody in.
 */
export function hashToken(token: string, secret: string): string {
  return createHash("sha256").update(`${token}${secret}`).digest("hex");
}

/** The confirm page's address in the mail, in the recipient's language. */
export function confirmUrl(
  origin: string,
  { token, email, callbackUrl }: { token: string; email: string; callbackUrl: string },
  locale: Locale = DEFAULT_LOCALE,
): string {
  const url = new URL(localePath(CONFIRM_PATH, locale), origin);
  url.search = new URLSearchParams({ token, email, callbackUrl }).toString();
  return url.toString();
}

export interface SignInLinkDeps {
  consumeRateLimit: ConsumeRateLimit;
  saveToken: (token: VerificationTokenRecord) => Promise<unknown>;
  sendMail: SendMail;
  secret: string;
  /** This site's origin, for the link. */
  origin: string;
  /**
   * The language to write to this address in: the account's, if it chose one, else the language
   * of the page the request came from.
   */
  localeFor: (email: string) => Promise<Locale>;
  now?: () => Date;
  newToken?: () => string;
}

/** A refusal's `error` is its message for the person's language; `message`, the source text. */
export type SignInLinkResult =
  | { ok: true; email: string }
  | { ok: false; status: 400; code: "invalid_email"; error: ErrorMessage; message: string }
  | {
      ok: false;
      status: 429;
      code: "rate_limited";
      error: ErrorMessage;
      message: string;
      retryAfterSeconds: number;
    }
  | { ok: false; status: 503; code: "mail_failed"; error: ErrorMessage; message: string };

/**
 * Someone asks for a sign-in link: check the input (bad input writes nothing), count the request
 * against the network's and the address's limits, store the token's hash, send the link.
 */
export async function requestSignInLink(
  input: unknown,
  ip: string,
  deps: SignInLinkDeps,
): Promise<SignInLinkResult> {
  const parsed = parseSignInRequest(input);
  if (!parsed.ok) {
    return {
      ok: false,
      status: 400,
      code: "invalid_email",
      error: parsed.error,
      message: parsed.message,
    };
  }
  const { email, callbackUrl } = parsed.request;

  const limited = await checkSignInLimits(deps.consumeRateLimit, { ip, email });
  if (!limited.allowed) {
    return {
      ok: false,
      status: 429,
      code: "rate_limited",
      error: limited.error,
      message: limited.message,
      retryAfterSeconds: Math.ceil(limited.retryAfterMs / 1000),
    };
  }

  const now = deps.now?.() ?? new Date();
  const token = deps.newToken?.() ?? randomBytes(32).toString("hex");
  await deps.saveToken({
    identifier: email,
    token: hashToken(token, deps.secret),
    expires: new Date(now.getTime() + LINK_MINUTES * 60_000),
  });
  const locale = await deps.localeFor(email);
  const url = confirmUrl(deps.origin, { token, email, callbackUrl }, locale);
  try {
    await deps.sendMail(await signInMail({ to: email, url, minutes: LINK_MINUTES, locale }));
  } catch (error) {
    console.error("sign-in link not sent:", error);
    const failed: ErrorMessage = { key: "mail_failed" };
    return {
      ok: false,
      status: 503,
      code: "mail_failed",
      error: failed,
      message: sourceText(failed),
    };
  }
  return { ok: true, email };
}
