import { errorResponse, HttpError } from "@/http/errors";

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

/** `errorResponse`, with Retry-After on a 429 that says when to come back. */
export function gradingErrorResponse(error: unknown): Response {
  const response = errorResponse(error);
  if (error instanceof RetryLaterError) {
    response.headers.set("Retry-After", String(error.retryAfterSeconds));
  }
  return response;
}

/** "a second", "12 seconds", "3 minutes": how long to wait, for a message. */
export function waitText(seconds: number): string {
  if (seconds <= 1) return "a second";
  if (seconds < 90) return `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}
