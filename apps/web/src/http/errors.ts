/**
 * Errors a user can cause carry a code and a message for them, and become a 4xx answer; anything
 * else is unexpected, logged with a request id and answered 500 without detail.
 */
export class HttpError extends Error {
  override name = "HttpError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function errorResponse(error: unknown): Response {
  if (error instanceof HttpError) {
    return Response.json(
      { error: { code: error.code, message: error.message } },
      { status: error.status, headers: { "Cache-Control": "no-store" } },
    );
  }
  const requestId = crypto.randomUUID();
  console.error(`[${requestId}] unexpected error`, error);
  return Response.json(
    { error: { code: "internal", message: "Something went wrong on our side.", requestId } },
    { status: 500, headers: { "Cache-Control": "no-store" } },
  );
}

/** Reads a JSON body of at most `maxBytes`, refusing other media types and malformed JSON. */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) {
    throw new HttpError(415, "unsupported_media_type", "Send the answer as application/json.");
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(maxBytes);
  let text: string;
  try {
    text = await request.text();
  } catch {
    // The client went away, or sent a body that is not text, before it was all read.
    throw new HttpError(400, "unreadable_body", "The request body could not be read.");
  }
  if (new TextEncoder().encode(text).byteLength > maxBytes) throw tooLarge(maxBytes);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, "invalid_json", "The request body is not valid JSON.");
  }
}

function tooLarge(maxBytes: number): HttpError {
  return new HttpError(413, "too_large", `The request body is larger than ${maxBytes} bytes.`);
}
