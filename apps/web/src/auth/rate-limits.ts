import { createHash } from "node:crypto";
import type { RateLimit, RateLimitResult } from "@neuronlab/db/rate-limit";
import { clientAddress } from "../http/client-address";
import { sourceText, type ErrorMessage } from "../http/errors";

const MINUTE = 60_000;

/**
 * Sign-in links one network and one address may ask for. A classroom or an SME's office signs in
 * from one address at once, so the network's allowance is a whole group's; one address needs
 * only a few (a link lasts 10 minutes).
 */
export const SIGN_IN_LIMITS = {
  ip: { bucket: "sign-in:ip", limit: 50, windowMs: 15 * MINUTE },
  email: { bucket: "sign-in:email", limit: 5, windowMs: 15 * MINUTE },
} as const;

export type ConsumeRateLimit = (limit: RateLimit) => Promise<RateLimitResult>;

/**
 * A refusal says how long to wait as `error` (a message of the catalogue's "Errors", to be said in
 * the person's language: `errorText`) and as `message`, its text in the source language.
 */
export type SignInLimitResult =
  | { allowed: true }
  | {
      allowed: false;
      by: "ip" | "email";
      retryAfterMs: number;
      error: ErrorMessage;
      message: string;
    };

/**
 * Counts one sign-in request against the network's limit, then the address's. A request the
 * network's limit refuses does not count against the address.
 */
export async function checkSignInLimits(
  consume: ConsumeRateLimit,
  { ip, email }: { ip: string; email: string },
): Promise<SignInLimitResult> {
  const byIp = await consume({ ...SIGN_IN_LIMITS.ip, key: ip });
  if (!byIp.allowed) {
    return refused("ip", byIp.retryAfterMs);
  }
  const byEmail = await consume({ ...SIGN_IN_LIMITS.email, key: emailKey(email) });
  if (!byEmail.allowed) {
    return refused("email", byEmail.retryAfterMs);
  }
  return { allowed: true };
}

/**
 * Addresses are counted by hash: the rate-limit table never holds one in clear. One mailbox is
 * one count: `name+anything@host` (sub-addressing, which most mail services deliver to
 * `name@host`) counts as `name@host`, in any letter case.
 */
export function emailKey(email: string): string {
  return createHash("sha256").update(mailboxOf(email)).digest("hex");
}

export function mailboxOf(email: string): string {
  const lower = email.trim().toLowerCase();
  const at = lower.lastIndexOf("@");
  if (at <= 0) return lower;
  const local = lower.slice(0, at);
  const plus = local.indexOf("+");
  return `${plus > 0 ? local.slice(0, plus) : local}${lower.slice(at)}`;
}

function refused(by: "ip" | "email", retryAfterMs: number): SignInLimitResult {
  const error: ErrorMessage = {
    key: by === "ip" ? "rate_limited.network" : "rate_limited.address",
    // Whole minutes, at least one: "a minute", "6 minutes".
    values: { minutes: Math.max(1, Math.ceil(retryAfterMs / MINUTE)) },
  };
  return { allowed: false, by, retryAfterMs, error, message: sourceText(error) };
}

/**
 * The client's address for rate limits, as the platform's server decided it from the socket and
 * the trusted proxies (src/http/client-address.ts); never a header a client can choose. A request
 * that did not pass through that server shares one "unknown" allowance.
 */
export function clientIp(headers: Headers): string {
  return clientAddress(headers) ?? "unknown";
}
