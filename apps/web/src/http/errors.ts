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
  const text = await readBodyText(request, maxBytes);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, "invalid_json", "The request body is not valid JSON.");
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
    throw new HttpError(400, "unreadable_body", "The request body could not be read.");
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new HttpError(400, "unreadable_body", "The request body is not UTF-8 text.");
  }
}

function tooLarge(maxBytes: number): HttpError {
  return new HttpError(413, "too_large", `The request body is larger than ${maxBytes} bytes.`);
}
