import type { Locale } from "@neuronlab/config/locales";
import { createTranslator } from "next-intl";
import type { z } from "zod";
import source from "../../messages/en.json";
import { loadMessages, type Messages } from "../i18n/messages";

/**
 * Errors a user can cause carry a code and a message for them, and become a 4xx answer; anything
 * else is unexpected, logged with a request id and answered 500 without detail.
 *
 * The messages are the catalogue's "Errors" namespace (messages/<locale>.json), one per code, or
 * one per case where a code has several ("not_signed_in.download"): an error carries its message's
 * key and values, and the answer says it in the request's language (`errorResponse`). A code the
 * catalogue does not have is a type error.
 */
type ErrorCatalogue = Messages["Errors"];

/** The code an error answer carries (`{ error: { code, message } }`): what clients act on. */
export type ErrorCode = keyof ErrorCatalogue;

/** A message of the "Errors" namespace: a code's own, or one of its cases ("code.case"). */
export type ErrorKey = {
  [C in ErrorCode]: ErrorCatalogue[C] extends string
    ? C
    : `${C}.${keyof ErrorCatalogue[C] & string}`;
}[ErrorCode];

/** What a message says besides its words: numbers and names, ICU placeholders. */
export type ErrorValues = Record<string, string | number>;

/** A message for a person, to be said in their language. */
export interface ErrorMessage {
  key: ErrorKey;
  values?: ErrorValues;
}

/** The language of messages/en.json, the source catalogue the types come from. */
const SOURCE_LOCALE = "en";

export class HttpError extends Error implements ErrorMessage {
  override name = "HttpError";
  readonly code: ErrorCode;
  /** `message` is the source language's text (logs, tests); answers use the request's language. */
  constructor(
    readonly status: number,
    readonly key: ErrorKey,
    readonly values: ErrorValues = {},
  ) {
    super(sourceText({ key, values }));
    this.code = codeOf(key);
  }
}

export function codeOf(key: ErrorKey): ErrorCode {
  return key.split(".", 1)[0] as ErrorCode;
}

/** An error answer's body, its message in `locale`. */
export async function errorBody(
  error: HttpError,
  locale: Locale,
): Promise<{ code: ErrorCode; message: string }> {
  return { code: error.code, message: await errorText(error, locale) };
}

/** The answer to a failed request, its message in `locale` (`requestLocale(request.headers)`). */
export async function errorResponse(error: unknown, locale: Locale): Promise<Response> {
  if (error instanceof HttpError) {
    return Response.json(
      { error: await errorBody(error, locale) },
      { status: error.status, headers: { "Cache-Control": "no-store" } },
    );
  }
  const requestId = crypto.randomUUID();
  console.error(`[${requestId}] unexpected error`, error);
  return Response.json(
    {
      error: { code: "internal", message: await errorText({ key: "internal" }, locale), requestId },
    },
    { status: 500, headers: { "Cache-Control": "no-store" } },
  );
}

type ErrorTranslator = (key: ErrorKey, values?: ErrorValues) => string;

const sourceTranslator = translatorOf(SOURCE_LOCALE, source);

/** A message in the source language, at once (Error.message, the fallback of `errorText`). */
export function sourceText({ key, values }: ErrorMessage): string {
  return sourceTranslator(key, values);
}

/** Loaded translators, in production (in development the catalogue may change under them). */
const translators = new Map<Locale, Promise<ErrorTranslator>>();

function translatorFor(locale: Locale): Promise<ErrorTranslator> {
  const cached = translators.get(locale);
  if (cached) return cached;
  const loading = loadMessages(locale).then((messages) => translatorOf(locale, messages));
  if (process.env.NODE_ENV === "production") {
    translators.set(locale, loading);
    loading.catch(() => translators.delete(locale));
  }
  return loading;
}

function translatorOf(locale: Locale, messages: Pick<Messages, "Errors">): ErrorTranslator {
  const t = createTranslator({
    locale,
    messages: { Errors: messages.Errors },
    namespace: "Errors",
  });
  return (key, values) => t(key, values);
}

/** A message in `locale`; in the source language if that fails (an answer must still go out). */
export async function errorText(message: ErrorMessage, locale: Locale): Promise<string> {
  try {
    return (await translatorFor(locale))(message.key, message.values);
  } catch (error) {
    console.error(`error message ${message.key} not available in ${locale}`, error);
    return sourceText(message);
  }
}

/**
 * The values for an `invalid_*` shape message from zod's first issue: where (`path`), zod's own
 * words (`detail`, English: the source language passes them on) and what kind of problem it is
 * (`problem` and its numbers, for languages that say it in their own words). `input` is what was
 * checked: a field missing from it is said to be missing.
 */
export function issueValues(error: z.ZodError, input?: unknown): ErrorValues {
  const values: ErrorValues = {
    where: "none",
    path: "",
    detail: "Invalid input",
    problem: "other",
    limit: 0,
    max: 0,
    keys: "",
    keyCount: 0,
  };
  const issue = error.issues[0];
  if (!issue) return values;
  if (issue.path.length > 0) {
    values.where = "path";
    values.path = issue.path.map(String).join(".");
  }
  values.detail = issue.message;
  values.problem = problemOf(issue, input);
  if (issue.code === "too_big") values.limit = Number(issue.maximum);
  if (issue.code === "too_small") values.limit = Number(issue.minimum);
  if (issue.code === "unrecognized_keys") {
    values.keys = issue.keys.join(", ");
    values.keyCount = issue.keys.length;
  }
  if (issue.code === "custom") {
    for (const [name, value] of Object.entries(issue.params ?? {})) {
      if (name !== "problem" && (typeof value === "number" || typeof value === "string")) {
        values[name] = value;
      }
    }
  }
  return values;
}

const COUNTED = new Set(["array", "set", "file"]);

function problemOf(issue: z.core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case "invalid_type":
      return valueAt(input, issue.path) === undefined ? "missing" : "type";
    case "too_big":
      return issue.origin === "string"
        ? "too_long"
        : COUNTED.has(issue.origin)
          ? "too_many"
          : "too_big";
    case "too_small":
      return issue.origin === "string"
        ? "too_short"
        : COUNTED.has(issue.origin)
          ? "too_few"
          : "too_small";
    case "invalid_format":
      return issue.format === "datetime" || issue.format === "uuid" ? issue.format : "format";
    case "unrecognized_keys":
      return "unknown_keys";
    case "custom": {
      const problem: unknown = issue.params?.problem;
      return typeof problem === "string" ? problem : "other";
    }
    default:
      return "value";
  }
}

/** The value at a zod issue's path in the checked input (undefined where there is none). */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const step of path) {
    if (value === null || typeof value !== "object") return undefined;
    if (!Object.hasOwn(value, step)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[step];
  }
  return value;
}

/** Reads a JSON body of at most `maxBytes`, refusing other media types and malformed JSON. */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) {
    throw new HttpError(415, "unsupported_media_type.json");
  }
  const text = await readBodyText(request, maxBytes);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, "invalid_json");
  }
}

/**
 * A request body as UTF-8 text, read chunk by chunk and abandoned as soon as it passes `maxBytes`
 * (413): a chunked body without a length, or one that lies about its length, is never held whole.
 */
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        void reader.cancel().catch(() => undefined);
        throw tooLarge(maxBytes);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof HttpError) throw error;
    // The client went away before the body was all read.
    throw new HttpError(400, "unreadable_body.unreadable");
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new HttpError(400, "unreadable_body.not_utf8");
  }
}

function tooLarge(maxBytes: number): HttpError {
  // A string: the number as the limit is written, without a language's digit grouping.
  return new HttpError(413, "too_large.body", { maxBytes: String(maxBytes) });
}
