import { HttpError } from "./errors";

/**
 * Checks every request gets before any route sees it (proxy.ts), so that no route has to repeat
 * them: an address whose percent-encoding is broken, and a state-changing request that another
 * site's page made a browser send (CSRF, login CSRF, a server action posted from elsewhere).
 */
/**
 * A request refused before any route sees it: a 400, 403, 413 or 415 with its code and message
 * (proxy.ts answers it in the request's language, `errorBody`).
 */
export type Refusal = HttpError;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function requestRefusal({
  method,
  path,
  headers,
}: {
  method: string;
  /** The path as sent, still percent-encoded. */
  path: string;
  headers: Headers;
}): Refusal | undefined {
  if (!decodesCleanly(path)) {
    return new HttpError(400, "malformed_address");
  }
  if (!SAFE_METHODS.has(method.toUpperCase()) && isCrossSiteRequest(headers)) {
    return new HttpError(403, "cross_site.request");
  }
  return undefined;
}

/** Whether every segment of a path decodes as UTF-8 (decodeURIComponent throws otherwise). */
export function decodesCleanly(path: string): boolean {
  try {
    for (const segment of path.split("/")) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether a request says it comes from another site. Browsers say where a request comes from
 * (Sec-Fetch-Site; Origin in older ones): anything but this origin or the user's own action
 * ("none": typed, bookmarked) is another site, a sibling subdomain included. A request with
 * neither header is not a browser's cross-site request (API clients, curl) and passes.
 */
export function isCrossSiteRequest(headers: Headers): boolean {
  const site = headers.get("sec-fetch-site");
  if (site) return site !== "same-origin" && site !== "none";
  const origin = headers.get("origin");
  if (origin === null) return false;
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true; // "null" (a sandboxed or privacy-sensitive context) or garbage
  }
}

/** Next.js's own limit on a server action's body (serverActions.bodySizeLimit, 1 MB). */
export const MAX_ACTION_BODY_BYTES = 1024 * 1024;

/**
 * A server action's call (a POST with a Next-Action header) whose body Next.js cannot decode
 * makes Next.js answer 500 (truncated JSON, a broken multipart form, another media type, a body
 * over its limit). Here such a call is refused with a 4xx before it reaches Next.js: the body
 * must be the JSON array of arguments (text/plain) or a complete multipart form.
 */
export async function actionRefusal(request: Request): Promise<Refusal | undefined> {
  if (request.method !== "POST" || !request.headers.has("next-action")) return undefined;
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_ACTION_BODY_BYTES) return actionTooLarge();
  // The media type compares case-insensitively; the boundary parameter does not (browsers send
  // mixed-case ones), so the header is passed on as sent.
  const contentType = request.headers.get("content-type") ?? "";
  const type = contentType.toLowerCase();
  const copy = request.clone();
  try {
    if (type.startsWith("multipart/form-data")) {
      const text = await copy.text();
      if (text.length > MAX_ACTION_BODY_BYTES) return actionTooLarge();
      await new Response(text, { headers: { "content-type": contentType } }).formData();
      return undefined;
    }
    if (type.startsWith("text/plain")) {
      const text = await copy.text();
      if (text.length > MAX_ACTION_BODY_BYTES) return actionTooLarge();
      if (!Array.isArray(JSON.parse(text))) throw new Error("not an argument list");
      return undefined;
    }
  } catch {
    return new HttpError(400, "malformed_action");
  }
  return new HttpError(415, "unsupported_media_type.action");
}

function actionTooLarge(): Refusal {
  return new HttpError(413, "too_large.form");
}
