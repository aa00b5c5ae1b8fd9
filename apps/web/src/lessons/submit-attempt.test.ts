import { describe, expect, it } from "vitest";
import { submitAttempt, SubmitError } from "./submit-attempt";

const graded = { exerciseId: "q", correct: true, feedback: "Right.", explanation: "Because." };

function recorder(responses: (() => Response)[]) {
  const bodies: { attemptId: string }[] = [];
  const fetchImpl = ((_: unknown, init?: RequestInit) => {
    bodies.push(JSON.parse(init?.body as string) as { attemptId: string });
    const next = responses.shift();
    if (!next) throw new Error("no more responses");
    return Promise.resolve(next());
  }) as typeof fetch;
  return { bodies, fetchImpl };
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
    expect(bodies).toHaveLength(1);
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
