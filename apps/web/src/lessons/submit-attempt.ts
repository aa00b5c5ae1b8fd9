import type { Answer } from "@neuronlab/content/exercises/schema";

/**
 * The server's answer: the grade, its feedback and the explanation in the language asked for,
 * and whether it stored the attempt in the learner's account.
 */
export interface AttemptResult {
  exerciseId: string;
  correct: boolean;
  /** What was right or wrong about the answer, in the request's language. */
  feedback: string;
  /** The exercise's explanation, in the request's language. */
  explanation: string;
  attemptId: string;
  saved: boolean;
}

/** A refusal the learner can act on: the server's error code, the HTTP status, how long to wait. */
export class SubmitError extends Error {
  override name = "SubmitError";
  constructor(
    /** The server's own message, for developers (the page shows its own words for `code`). */
    message: string,
    readonly status: number,
    readonly code?: string,
    /** From Retry-After, on a 429. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

const RETRIES = 3;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface SubmitOptions {
  /** The attempt's id: made here when left out, and sent with every retry. */
  attemptId?: string;
  /** The page's language, sent as Accept-Language: the feedback and explanation come in it. */
  locale?: string;
  fetchImpl?: typeof fetch;
  pauseMs?: number;
}

/**
 * Sends one answer for grading. The attempt id is made once and sent with every retry, so a
 * request that reached the server before the connection dropped is never counted twice.
 * Network failures and 5xx answers are retried with a growing pause; a 4xx is final.
 */
export async function submitAttempt(
  exerciseId: string,
  answer: Answer,
  { attemptId = crypto.randomUUID(), locale, fetchImpl = fetch, pauseMs = 500 }: SubmitOptions = {},
): Promise<{ attemptId: string; result: AttemptResult }> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (locale !== undefined) headers["accept-language"] = locale;
  let lastError: unknown;
  for (let attempt = 0; attempt <= RETRIES; attempt++) {
    if (attempt > 0) await sleep(pauseMs * 2 ** (attempt - 1));
    let response: Response;
    try {
      response = await fetchImpl(`/api/exercises/${encodeURIComponent(exerciseId)}/attempts`, {
        method: "POST",
        headers,
        body: JSON.stringify({ attemptId, answer }),
      });
    } catch (error) {
      lastError = error;
      continue;
    }
    if (response.ok) return { attemptId, result: (await response.json()) as AttemptResult };
    if (response.status < 500) {
      const body = (await response.json().catch(() => null)) as {
        error?: { code?: unknown; message?: unknown };
      } | null;
      const code = typeof body?.error?.code === "string" ? body.error.code : undefined;
      const message =
        typeof body?.error?.message === "string"
          ? body.error.message
          : `The answer was refused (${response.status}).`;
      throw new SubmitError(message, response.status, code, retryAfter(response.headers));
    }
    lastError = new Error(`Server error ${response.status}`);
  }
  throw lastError instanceof Error ? lastError : new Error("The answer could not be sent.");
}

/** Retry-After in seconds (a number of seconds or an HTTP date), if the answer has one. */
function retryAfter(headers: Headers): number | undefined {
  const value = headers.get("retry-after")?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

/** A message of the "ExerciseCard.errors" catalogue, with its values. */
export type Refusal =
  | { key: "unknownExercise" | "unreadable" | "tooLarge" | "attemptIdTaken" }
  | {
      key: "busy" | "rateLimited" | "tooMany";
      values: { unit: "seconds" | "minutes" | "later"; count: number };
    }
  | { key: "refused"; values: { status: number } };

/**
 * What to tell the learner about a refusal, by the server's error code, else by the status: the
 * page says it in its own language (the server's message is in the source language).
 */
export function refusal(error: SubmitError): Refusal {
  switch (error.code) {
    case "unknown_exercise":
      return { key: "unknownExercise" };
    case "attempt_id_taken":
      return { key: "attemptIdTaken" };
    case "too_large":
      return { key: "tooLarge" };
    case "invalid_answer":
    case "wrong_kind":
    case "invalid_json":
    case "unreadable_body":
    case "unsupported_media_type":
      return { key: "unreadable" };
    case "grading_busy":
      return { key: "busy", values: wait(error.retryAfterSeconds) };
    case "grading_rate_limited":
      return { key: "rateLimited", values: wait(error.retryAfterSeconds) };
  }
  switch (error.status) {
    case 404:
      return { key: "unknownExercise" };
    case 413:
      return { key: "tooLarge" };
    case 400:
    case 415:
    case 422:
      return { key: "unreadable" };
    case 429:
      return { key: "tooMany", values: wait(error.retryAfterSeconds) };
    default:
      return { key: "refused", values: { status: error.status } };
  }
}

/** "a second", "12 seconds", "3 minutes" (as the server's messages say it), as message values. */
function wait(seconds: number | undefined): {
  unit: "seconds" | "minutes" | "later";
  count: number;
} {
  if (seconds === undefined) return { unit: "later", count: 0 };
  if (seconds <= 1) return { unit: "seconds", count: 1 };
  if (seconds < 90) return { unit: "seconds", count: seconds };
  return { unit: "minutes", count: Math.ceil(seconds / 60) };
}
