/**
 * Checks every request gets before any route sees it (proxy.ts), so that no route has to repeat
 * them: an address whose percent-encoding is broken, and a state-changing request that another
 * site's page made a browser send (CSRF, login CSRF, a server action posted from elsewhere).
 */
export interface Refusal {
  status: 400 | 403;
  code: string;
  message: string;
}

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
    return {
      status: 400,
      code: "malformed_address",
      message: "This address has a broken percent-encoding (such as %FF): check the link.",
    };
  }
  if (!SAFE_METHODS.has(method.toUpperCase()) && isCrossSiteRequest(headers)) {
    return {
      status: 403,
      code: "cross_site",
      message: "This request came from another site. Use Neuronlab's own pages to do this.",
    };
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
