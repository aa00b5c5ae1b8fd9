import { describe, expect, it } from "vitest";
import { refusal, submitAttempt, SubmitError } from "./submit-attempt";

const graded = { exerciseId: "q", correct: true, feedback: "Right.", explanation: "Because." };

function recorder(responses: (() => Response)[]) {
  const bodies: { attemptId: string }[] = [];
  const headers: Headers[] = [];
  const fetchImpl = ((_: unknown, init?: RequestInit) => {
    bodies.push(JSON.parse(init?.body as string) as { attemptId: string });
    headers.push(new Headers(init?.headers));
    const next = responses.shift();
    if (!next) throw new Error("no more responses");
    return Promise.resolve(next());
  }) as typeof fetch;
  return { bodies, headers, fetchImpl };
}

const offline = (): Response => {
  throw new TypeError("Failed to fetch");
};

describe("sending an answer", () => {
  it("retries a dropped connection and a server error with the same attempt id", async () => {
    const { bodies, fetchImpl } = recorder([
      offline,
      () => new Response("", { status: 503 }),
      () => Response.json(graded),
    ]);
    const sent = await submitAttempt("q", { kind: "numeric", value: 1 }, { fetchImpl, pauseMs: 1 });
    expect(sent.result).toEqual(graded);
    expect(bodies).toHaveLength(3);
    expect(new Set(bodies.map((b) => b.attemptId))).toEqual(new Set([sent.attemptId]));
  });

  it("gives up after a few tries", async () => {
    const { bodies, fetchImpl } = recorder([offline, offline, offline, offline]);
    await expect(
      submitAttempt("q", { kind: "numeric", value: 1 }, { fetchImpl, pauseMs: 1 }),
    ).rejects.toThrow("Failed to fetch");
    expect(bodies).toHaveLength(4);
  });

  it("asks for the page's language on every try", async () => {
    const { headers, fetchImpl } = recorder([offline, () => Response.json(graded)]);
    await submitAttempt(
      "q",
      { kind: "numeric", value: 1 },
      { locale: "de", fetchImpl, pauseMs: 1 },
    );
    expect(headers.map((h) => h.get("accept-language"))).toEqual(["de", "de"]);
    expect(headers.map((h) => h.get("content-type"))).toEqual([
      "application/json",
      "application/json",
    ]);
  });

  it("does not retry a refusal, and passes on the server's message", async () => {
    const { bodies, fetchImpl } = recorder([
      () =>
        Response.json(
          { error: { code: "invalid_answer", message: "Bad shape." } },
          { status: 400 },
        ),
    ]);
    const failure = submitAttempt("q", { kind: "numeric", value: 1 }, { fetchImpl, pauseMs: 1 });
    await expect(failure).rejects.toBeInstanceOf(SubmitError);
    await expect(failure).rejects.toThrow("Bad shape.");
    await expect(failure).rejects.toMatchObject({ status: 400, code: "invalid_answer" });
    expect(bodies).toHaveLength(1);
  });

  it("passes on how long a refusal says to wait", async () => {
    const { fetchImpl } = recorder([
      () =>
        Response.json(
          { error: { code: "grading_busy", message: "Busy." } },
          { status: 429, headers: { "Retry-After": "12" } },
        ),
    ]);
    await expect(
      submitAttempt("q", { kind: "numeric", value: 1 }, { fetchImpl, pauseMs: 1 }),
    ).rejects.toMatchObject({ status: 429, code: "grading_busy", retryAfterSeconds: 12 });
  });
});

describe("what a refusal tells the learner", () => {
  const refused = (status: number, code?: string, wait?: number) =>
    refusal(new SubmitError("server words", status, code, wait));

  it("goes by the server's error code", () => {
    expect(refused(404, "unknown_exercise")).toEqual({ key: "unknownExercise" });
    expect(refused(400, "wrong_kind")).toEqual({ key: "unreadable" });
    expect(refused(400, "invalid_answer")).toEqual({ key: "unreadable" });
    expect(refused(409, "attempt_id_taken")).toEqual({ key: "attemptIdTaken" });
    expect(refused(413, "too_large")).toEqual({ key: "tooLarge" });
  });

  it("says how long to wait, as the server counts it", () => {
    expect(refused(429, "grading_busy", 1)).toEqual({
      key: "busy",
      values: { unit: "seconds", count: 1 },
    });
    expect(refused(429, "grading_rate_limited", 45)).toEqual({
      key: "rateLimited",
      values: { unit: "seconds", count: 45 },
    });
    expect(refused(429, "grading_busy", 150)).toEqual({
      key: "busy",
      values: { unit: "minutes", count: 3 },
    });
    expect(refused(429, "grading_busy")).toEqual({
      key: "busy",
      values: { unit: "later", count: 0 },
    });
  });

  it("falls back on the status, then on a general message", () => {
    expect(refused(404)).toEqual({ key: "unknownExercise" });
    expect(refused(415, "something_new")).toEqual({ key: "unreadable" });
    expect(refused(429, "throttled", 30)).toEqual({
      key: "tooMany",
      values: { unit: "seconds", count: 30 },
    });
    expect(refused(403, "cross_site")).toEqual({ key: "refused", values: { status: 403 } });
  });
});

describe("sending an answer kept for later", () => {
  it("uses the attempt id it is given, on every try", async () => {
    const { bodies, fetchImpl } = recorder([offline, () => Response.json(graded)]);
    const attemptId = "11111111-1111-4111-8111-111111111111";
    const sent = await submitAttempt(
      "q",
      { kind: "numeric", value: 1 },
      { attemptId, fetchImpl, pauseMs: 1 },
    );
    expect(sent.attemptId).toBe(attemptId);
    expect(bodies.map((b) => b.attemptId)).toEqual([attemptId, attemptId]);
  });
});
