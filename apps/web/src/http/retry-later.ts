import type { Locale } from "@neuronlab/config/locales";
import { errorResponse, HttpError, type ErrorKey, type ErrorValues } from "./errors";

/**
 * Set on a 429 to tell the platform's server (server.ts, src/http/front-door.ts) that this
 * client may not ask this again until Retry-After has passed: until then the server answers such
 * requests itself, without the app. The server removes the header before the response leaves.
 */
export const THROTTLE_HEADER = "x-neuronlab-throttle";

/**
 * A 429: the request was fine, but the server will not do the work now; try again later. Its
 * message says how long to wait (`waitValues`).
 */
export class RetryLaterError extends HttpError {
  constructor(
    key: ErrorKey,
    /** Seconds to wait, sent as Retry-After. */
    readonly retryAfterSeconds: number,
  ) {
    super(429, key, waitValues(retryAfterSeconds));
  }
}

/**
 * `errorResponse`, with Retry-After on a 429 that says when to come back, and the request that
 * was refused turned away at the server's door until then.
 */
export async function gradingErrorResponse(error: unknown, locale: Locale): Promise<Response> {
  const response = await errorResponse(error, locale);
  if (error instanceof RetryLaterError) {
    response.headers.set("Retry-After", String(error.retryAfterSeconds));
    response.headers.set(THROTTLE_HEADER, error.code);
  }
  return response;
}

/**
 * How long to wait, for a message's `{unit, select, seconds {…} minutes {…}}`: "a second",
 * "12 seconds", "3 minutes" in English.
 */
export function waitValues(seconds: number): ErrorValues {
  if (seconds < 90) return { unit: "seconds", count: Math.max(1, seconds) };
  return { unit: "minutes", count: Math.ceil(seconds / 60) };
}
