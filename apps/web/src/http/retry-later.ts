import { errorResponse, HttpError } from "./errors";

/**
 * Set on a 429 to tell the platform's server (server.ts, src/http/front-door.ts) that this
 * client may not ask this again until Retry-After has passed: until then the server answers such
 * requests itself, without the app. The server removes the header before the response leaves.
 */
export const THROTTLE_HEADER = "x-neuronlab-throttle";

/** A 429: the request was fine, but the server will not do the work now; try again later. */
export class RetryLaterError extends HttpError {
  constructor(
    code: string,
    message: string,
    /** Seconds to wait, sent as Retry-After. */
    readonly retryAfterSeconds: number,
  ) {
    super(429, code, message);
  }
}

/**
 * `errorResponse`, with Retry-After on a 429 that says when to come back, and the request that
 * was refused turned away at the server's door until then.
 */
export function gradingErrorResponse(error: unknown): Response {
  const response = errorResponse(error);
  if (error instanceof RetryLaterError) {
    response.headers.set("Retry-After", String(error.retryAfterSeconds));
    response.headers.set(THROTTLE_HEADER, error.code);
  }
  return response;
}

/** "a second", "12 seconds", "3 minutes": how long to wait, for a message. */
export function waitText(seconds: number): string {
  if (seconds <= 1) return "a second";
  if (seconds < 90) return `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}
