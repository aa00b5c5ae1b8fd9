import type { Answer, GradeResult } from "@neuronlab/content/exercises/schema";

/** The server's answer: the grade, and whether it stored the attempt in the learner's account. */
export interface AttemptResult extends GradeResult {
  attemptId: string;
  saved: boolean;
}

/** A refusal the learner can act on (the server's own message). */
export class SubmitError extends Error {
  override name = "SubmitError";
}

const RETRIES = 3;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface SubmitOptions {
  /** The attempt's id: made here when left out, and sent with every retry. */
  attemptId?: string;
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
  { attemptId = crypto.randomUUID(), fetchImpl = fetch, pauseMs = 500 }: SubmitOptions = {},
): Promise<{ attemptId: string; result: AttemptResult }> {
  let lastError: unknown;
  for (let attempt = 0; attempt <= RETRIES; attempt++) {
    if (attempt > 0) await sleep(pauseMs * 2 ** (attempt - 1));
    let response: Response;
    try {
      response = await fetchImpl(`/api/exercises/${encodeURIComponent(exerciseId)}/attempts`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ attemptId, answer }),
      });
    } catch (error) {
      lastError = error;
      continue;
    }
    if (response.ok) return { attemptId, result: (await response.json()) as AttemptResult };
    if (response.status < 500) {
      const body = (await response.json().catch(() => null)) as {
        error?: { message?: string };
      } | null;
      throw new SubmitError(body?.error?.message ?? `The answer was refused (${response.status}).`);
    }
    lastError = new Error(`Server error ${response.status}`);
  }
  throw lastError instanceof Error ? lastError : new Error("The answer could not be sent.");
}
