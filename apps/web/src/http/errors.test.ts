import { LOCALES } from "@neuronlab/config/locales";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { loadMessages } from "../i18n/messages";
import { requestLocale } from "../i18n/request-locale";
import {
  errorResponse,
  errorText,
  HttpError,
  issueValues,
  readBodyText,
  readJsonBody,
  sourceText,
  type ErrorKey,
} from "./errors";
import { gradingErrorResponse, RetryLaterError, THROTTLE_HEADER } from "./retry-later";
import { refusal } from "./testing";
import { recordedTime } from "./time";

/** A chunked body (no Content-Length) that counts how much of it was pulled. */
function chunkedRequest(chunks: number, chunkBytes: number) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= chunks) {
        controller.close();
        return;
      }
      pulled += 1;
      controller.enqueue(new Uint8Array(chunkBytes).fill(0x20));
    },
  });
  const request = new Request("http://localhost/api/x", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
    duplex: "half",
  } as RequestInit);
  return { request, pulled: () => pulled };
}

describe("readBodyText", () => {
  it("stops reading a chunked body at the limit instead of reading it whole", async () => {
    const { request, pulled } = chunkedRequest(10_000, 1024); // 10 MB on offer
    const error = await refusal(readBodyText(request, 8 * 1024));
    expect(error).toMatchObject({ status: 413, code: "too_large" });
    expect(pulled()).toBeLessThan(20);
  });

  it("reads a chunked body under the limit whole", async () => {
    const { request } = chunkedRequest(4, 1000);
    expect(await readBodyText(request, 8 * 1024)).toHaveLength(4000);
  });

  it("refuses a declared length over the limit before reading anything", async () => {
    const request = new Request("http://localhost/api/x", {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": "999999" },
      body: "{}",
    });
    expect(await refusal(readBodyText(request, 100))).toMatchObject({ status: 413 });
  });

  it("answers 400 for bytes that are not UTF-8", async () => {
    const request = new Request("http://localhost/api/x", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]),
    });
    expect(await refusal(readJsonBody(request, 100))).toMatchObject({
      status: 400,
      code: "unreadable_body",
    });
  });
});

/** A request's language, as a route finds it. */
const german = requestLocale(new Headers({ "accept-language": "de-DE,de;q=0.9,en;q=0.8" }));
const english = requestLocale(new Headers());

async function answer(response: Response) {
  return {
    status: response.status,
    body: (await response.json()) as { error: { code: string; message: string } },
  };
}

const post = (body: string, headers: Record<string, string> = {}) =>
  new Request("http://localhost/api/x", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });

describe("errorResponse", () => {
  it("answers in the request's language, with the same code and status", async () => {
    const unknown = new HttpError(404, "unknown_exercise");
    expect(await answer(await errorResponse(unknown, german))).toEqual({
      status: 404,
      body: { error: { code: "unknown_exercise", message: "Diese Übung gibt es nicht." } },
    });
    expect(await answer(await errorResponse(unknown, english))).toEqual({
      status: 404,
      body: { error: { code: "unknown_exercise", message: "There is no such exercise." } },
    });
    expect(unknown.message).toBe("There is no such exercise.");
  });

  it("says a body that is not JSON, or too large, in German or English", async () => {
    const notJson = await refusal(readJsonBody(post("{not json"), 100));
    expect(await answer(await errorResponse(notJson, german))).toEqual({
      status: 400,
      body: {
        error: { code: "invalid_json", message: "Der Inhalt der Anfrage ist kein gültiges JSON." },
      },
    });
    expect((await answer(await errorResponse(notJson, english))).body.error.message).toBe(
      "The request body is not valid JSON.",
    );

    const tooLarge = await refusal(readJsonBody(post("{}", { "content-length": "99999" }), 8192));
    expect(await answer(await errorResponse(tooLarge, german))).toEqual({
      status: 413,
      body: {
        error: { code: "too_large", message: "Der Inhalt der Anfrage ist größer als 8192 Byte." },
      },
    });
    expect((await answer(await errorResponse(tooLarge, english))).body.error.message).toBe(
      "The request body is larger than 8192 bytes.",
    );
  });

  it("says a 429 with its Retry-After and how long to wait", async () => {
    const busy = new RetryLaterError("grading_busy", 20);
    const response = await gradingErrorResponse(busy, german);
    expect(response.headers.get("Retry-After")).toBe("20");
    expect(response.headers.get(THROTTLE_HEADER)).toBe("grading_busy");
    expect(await answer(response)).toEqual({
      status: 429,
      body: {
        error: {
          code: "grading_busy",
          message:
            "Der Server prüft gerade viele Playground-Antworten. Sende deine in 20 Sekunden noch einmal.",
        },
      },
    });
    const limited = new RetryLaterError("grading_rate_limited", 150);
    expect((await answer(await gradingErrorResponse(limited, english))).body.error.message).toBe(
      "Too many playground answers were checked from your network recently. Send yours again in 3 minutes.",
    );
    expect(new RetryLaterError("grading_busy", 1).message).toBe(
      "The server is checking many playground answers right now. Send yours again in a second.",
    );
  });

  it("says an unexpected error in the request's language, without its detail", async () => {
    const logged = console.error;
    console.error = () => undefined;
    try {
      const { status, body } = await answer(await errorResponse(new Error("secret"), german));
      expect(status).toBe(500);
      expect(body.error).toMatchObject({
        code: "internal",
        message: "Bei uns ist etwas schiefgegangen.",
      });
      expect((await answer(await errorResponse(new Error("x"), english))).body.error.message).toBe(
        "Something went wrong on our side.",
      );
    } finally {
      console.error = logged;
    }
  });

  it("answers English for a language the platform does not have", async () => {
    const locale = requestLocale(new Headers({ "accept-language": "fr-FR" }));
    expect(await errorText({ key: "unknown_lesson" }, locale)).toBe("There is no such lesson.");
  });
});

describe("issueValues", () => {
  const schema = z.object({ at: recordedTime, name: z.string().max(3) }).strict();
  const shape = async (input: unknown) => {
    const parsed = schema.safeParse(input);
    if (parsed.success) throw new Error("expected a refusal");
    const error = new HttpError(400, "invalid_progress", issueValues(parsed.error, input));
    return { en: error.message, de: await errorText(error, "de") };
  };

  it("keeps zod's words in English and says the problem in German's own", async () => {
    expect(await shape({ at: "1999-01-01T00:00:00.000Z", name: "a" })).toEqual({
      en: "The progress is not in the expected shape (at at): Send a time between the years 2020 and 2100.",
      de: "Die Fortschrittsangaben haben nicht die erwartete Form (Feld at): Sende eine Zeit zwischen den Jahren 2020 und 2100.",
    });
    const missing = await shape({ at: "2024-01-01T00:00:00.000Z" });
    expect(missing.en).toMatch(/^The progress is not in the expected shape \(at name\): /);
    expect(missing.de).toBe(
      "Die Fortschrittsangaben haben nicht die erwartete Form (Feld name): Dieses Feld fehlt.",
    );
    expect((await shape({ at: "2024-01-01T00:00:00.000Z", name: "abcd" })).de).toBe(
      "Die Fortschrittsangaben haben nicht die erwartete Form (Feld name): Der Text ist zu lang (höchstens 3 Zeichen).",
    );
    expect((await shape({ at: "2024-01-01T00:00:00.000Z", name: "a", x: 1 })).de).toBe(
      "Die Fortschrittsangaben haben nicht die erwartete Form: Dieses Feld ist hier nicht vorgesehen: x.",
    );
    const wrongType = await shape({ at: 5, name: "a" });
    expect(wrongType.de).toBe(
      "Die Fortschrittsangaben haben nicht die erwartete Form (Feld at): Der Wert hat den falschen Typ.",
    );
    // zod's English never leaks into another language.
    expect(wrongType.en).toMatch(/expected string/);
    expect(wrongType.de).not.toMatch(/expected|received|invalid/i);
  });
});

describe("the Errors catalogue", () => {
  /** Every message key (a code's own, or "code.case"). */
  const keys = (errors: Record<string, unknown>): string[] =>
    Object.entries(errors).flatMap(([code, value]) =>
      typeof value === "string" ? [code] : Object.keys(value as object).map((c) => `${code}.${c}`),
    );

  /** Values for every placeholder any message uses. */
  const values = {
    maxBytes: "8192",
    max: 10,
    expected: "numeric",
    sent: "choice",
    unit: "seconds",
    count: 12,
    minutes: 3,
    email: "ada@example.com",
    where: "path",
    path: "answer.value",
    detail: "Invalid input",
    problem: "unknown_keys",
    limit: 8,
    keys: "x, y",
    keyCount: 2,
    languages: "en, de",
    lessonsDone: 3,
    lessonsTotal: 8,
    exercisesSolved: 20,
    exercisesTotal: 32,
    kb: 200,
    line: 3,
    left: 5,
    name: "Mia",
  };

  it("has every message in every language, and each one formats", async () => {
    const source = keys((await loadMessages("en")).Errors);
    for (const locale of LOCALES) {
      expect(keys((await loadMessages(locale)).Errors).sort()).toEqual([...source].sort());
      for (const key of source as ErrorKey[]) {
        const text = await errorText({ key, values }, locale);
        expect(text, `${locale} ${key}`).not.toMatch(/[{}]|^Errors\./);
      }
    }
    expect(sourceText({ key: "throttled", values: { unit: "minutes", count: 2 } })).toBe(
      "Too many of these requests came from your network just now. Send it again in 2 minutes.",
    );
  });
});
