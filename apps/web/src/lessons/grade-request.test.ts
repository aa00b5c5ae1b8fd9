import { describe, expect, it } from "vitest";
import { exercisesByLesson } from "@neuronlab/content/exercises/catalog";
import type { Answer, Exercise } from "@neuronlab/content/exercises/schema";
import { errorText, HttpError } from "@/http/errors";
import { refusal } from "@/http/testing";
import { gradeRequest, MAX_BODY_BYTES } from "./grade-request";

const attemptId = "6f1c2f0e-8f7a-4c3b-9d2e-1a2b3c4d5e6f";

function post(body: unknown, headers: Record<string, string> = {}): Request {
  return new Request("http://localhost/api/exercises/x/attempts", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

const refusedFor = (id: string, request: Request) => refusal(gradeRequest(id, request));

/** The right answer to an exercise, read from its key (goal exercises aside). */
function rightAnswer(exercise: Exercise): Answer | undefined {
  switch (exercise.kind) {
    case "choice":
      return { kind: "choice", selected: exercise.correct };
    case "numeric":
      return { kind: "numeric", value: exercise.answer };
    case "ordering":
      return { kind: "ordering", order: exercise.items.map((i) => i.id) };
    case "predict":
      return { kind: "predict", selected: exercise.correct };
    case "goal":
      return undefined;
  }
}

function wrongAnswer(exercise: Exercise): Answer | undefined {
  switch (exercise.kind) {
    case "choice": {
      const wrong = exercise.options.find((o) => !exercise.correct.includes(o.id));
      return wrong ? { kind: "choice", selected: [wrong.id] } : undefined;
    }
    case "numeric":
      return { kind: "numeric", value: exercise.answer + exercise.tolerance + 1 };
    case "ordering":
      return { kind: "ordering", order: exercise.items.map((i) => i.id).reverse() };
    case "predict": {
      const wrong = exercise.options.find((o) => o.id !== exercise.correct);
      return wrong ? { kind: "predict", selected: wrong.id } : undefined;
    }
    case "goal":
      return undefined;
  }
}

const all = [...exercisesByLesson.values()].flat();

describe("grading an attempt from a request", () => {
  it.each(all.filter((e) => e.kind !== "goal").map((e) => [e.id, e] as const))(
    "%s: accepts the right answer and refuses a wrong one, explaining both",
    async (id, exercise) => {
      const right = await gradeRequest(id, post({ attemptId, answer: rightAnswer(exercise) }));
      expect(right).toMatchObject({
        exerciseId: id,
        correct: true,
        explanation: exercise.explanation,
      });
      const wrong = await gradeRequest(id, post({ attemptId, answer: wrongAnswer(exercise) }));
      expect(wrong.correct).toBe(false);
      expect(wrong.explanation).toBe(exercise.explanation);
      expect(wrong.feedback.key).not.toBe("right");
    },
  );

  it("re-runs a neuron goal with the learner's weights", async () => {
    const right = await gradeRequest(
      "neuron-separate",
      post({ attemptId, answer: { kind: "goal", weights: [1, -1], bias: 0 } }),
    );
    expect(right.correct).toBe(true);
    const wrong = await gradeRequest(
      "neuron-separate",
      post({ attemptId, answer: { kind: "goal", weights: [0, 0], bias: 0 } }),
    );
    expect(wrong).toMatchObject({ correct: false });
    expect(wrong.feedback).toMatchObject({ key: "pointsWrong" });
  });

  it("answers 404 for an exercise that does not exist", async () => {
    const error = await refusedFor(
      "no-such-exercise",
      post({ attemptId, answer: { kind: "numeric", value: 1 } }),
    );
    expect(error).toMatchObject({ status: 404, code: "unknown_exercise" });
  });

  it("refuses bodies that are not JSON, too large or malformed, with a clear 4xx", async () => {
    expect(
      await refusedFor(
        "neuron-compute-z",
        post("value=1", { "content-type": "application/x-www-form-urlencoded" }),
      ),
    ).toMatchObject({ status: 415 });
    expect(await refusedFor("neuron-compute-z", post("{not json"))).toMatchObject({
      status: 400,
      code: "invalid_json",
    });
    const huge = JSON.stringify({
      attemptId,
      answer: { kind: "numeric", value: 1 },
      pad: "x".repeat(MAX_BODY_BYTES),
    });
    expect(await refusedFor("neuron-compute-z", post(huge))).toMatchObject({ status: 413 });
  });

  it.each([
    ["no attempt id", { answer: { kind: "numeric", value: -0.7 } }],
    [
      "an attempt id that is not a UUID",
      { attemptId: "1", answer: { kind: "numeric", value: -0.7 } },
    ],
    ["no answer", { attemptId }],
    ["a number as a string", { attemptId, answer: { kind: "numeric", value: "-0.7" } }],
    ["an unknown kind", { attemptId, answer: { kind: "essay", text: "hi" } }],
    ["extra fields", { attemptId, answer: { kind: "numeric", value: -0.7, key: 1 } }],
    ["an array", [attemptId]],
    ["null", null],
    [
      "a huge option list",
      {
        attemptId,
        answer: { kind: "choice", selected: Array.from({ length: 50 }, (_, i) => `o${i}`) },
      },
    ],
  ])("answers 400 for %s", async (_, body) => {
    const error = await refusedFor("neuron-compute-z", post(body));
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/expected shape/);
    // In German, the problem in the platform's own words: none of zod's English.
    const german = await errorText(error, "de");
    expect(german).toMatch(/^Die Antwort hat nicht die erwartete Form/);
    expect(german).not.toMatch(/expected|received|invalid|unrecognized|too big/i);
  });

  it("says its refusals in the request's language", async () => {
    const unknown = await refusedFor("no-such-exercise", post({}));
    expect(unknown).toMatchObject({ status: 404, code: "unknown_exercise" });
    expect(await errorText(unknown, "de")).toBe("Diese Übung gibt es nicht.");
    const wrongKind = await refusedFor(
      "neuron-compute-z",
      post({ attemptId, answer: { kind: "choice", selected: ["zero"] } }),
    );
    expect(wrongKind.message).toBe("This exercise takes a numeric answer, not a choice one.");
    expect(await errorText(wrongKind, "de")).toBe(
      "Diese Übung erwartet eine Antwort vom Typ „numeric“, keine vom Typ „choice“.",
    );
    const string = await refusedFor(
      "neuron-compute-z",
      post({ attemptId, answer: { kind: "numeric", value: "-0.7" } }),
    );
    expect(await errorText(string, "de")).toBe(
      "Die Antwort hat nicht die erwartete Form (Feld answer.value): Der Wert hat den falschen Typ.",
    );
  });

  it("answers 400 when the answer is for another kind of exercise", async () => {
    const error = await refusedFor(
      "neuron-compute-z",
      post({ attemptId, answer: { kind: "choice", selected: ["zero"] } }),
    );
    expect(error).toMatchObject({ status: 400, code: "wrong_kind" });
  });
});

describe("a body that cannot be read", () => {
  it("answers 400, not 500", async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.error(new Error("connection reset"));
      },
    });
    const request = new Request("http://localhost/api/exercises/x/attempts", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    const error = await gradeRequest("neuron-compute-z", request).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 400, code: "unreadable_body" });
  });
});
