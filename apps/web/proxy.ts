import { NextRequest, NextResponse } from "next/server";
import createIntlMiddleware from "next-intl/middleware";
import { errorBody } from "@/http/errors";
import { actionRefusal, requestRefusal } from "@/http/request-guards";
import { requestLocale } from "@/i18n/request-locale";
import { routing } from "@/i18n/routing";
import { contentSecurityPolicy, STRICT_TRANSPORT_SECURITY } from "@/security/csp";

/**
 * Runs before every route (Next.js's proxy, on the Node.js runtime): refuses requests no route
 * should see (src/http/request-guards.ts), then gives each page its own CSP nonce
 * (src/security/csp.ts), which Next.js reads from the request's Content-Security-Policy header
 * and puts on its scripts; the root layout hands it to next-themes. Pages then go through
 * next-intl (src/i18n/routing.ts): the language from the address, the cookie or Accept-Language,
 * a redirect to the language's address on a first visit, and hreflang `Link` headers.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const refusal =
    requestRefusal({
      method: request.method,
      path: rawPath(request.url),
      headers: request.headers,
    }) ?? (await actionRefusal(request));
  if (refusal) {
    return NextResponse.json(
      { error: await errorBody(refusal, requestLocale(request.headers)) },
      { status: refusal.status, headers: { "Cache-Control": "no-store" } },
    );
  }

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
  const https = request.headers.get("x-forwarded-proto") === "https";
  const policy = contentSecurityPolicy({
    nonce,
    dev: process.env.NODE_ENV === "development",
    https,
    formTargets: oauthFormTargets(),
  });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const response = rawPath(request.url).startsWith("/api/")
    ? NextResponse.next({ request: { headers } })
    : withoutLongLinks(intl(new NextRequest(request, { headers })));
  response.headers.set("Content-Security-Policy", policy);
  if (https) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

const intl = createIntlMiddleware(routing);

/**
 * next-intl names every page's other languages in a `Link` header (hreflang), repeating the path
 * once per language: for an absurdly long address that would pass what clients accept in
 * headers, and such an address has no other language worth naming.
 */
function withoutLongLinks(response: NextResponse): NextResponse {
  if ((response.headers.get("link")?.length ?? 0) > 2048) response.headers.delete("link");
  return response;
}

/** The path exactly as the client sent it (NextURL may have decoded or normalised it). */
function rawPath(url: string): string {
  const afterOrigin = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, "");
  const end = afterOrigin.search(/[?#]/);
  return end === -1 ? afterOrigin : afterOrigin.slice(0, end);
}

/** next-auth answers an OAuth sign-in form's POST with a redirect to the provider. */
function oauthFormTargets(): string[] {
  const targets: string[] = [];
  if (process.env.GITHUB_ID) targets.push("https://github.com");
  if (process.env.GOOGLE_ID) targets.push("https://accounts.google.com");
  return targets;
}

export const config = {
  // Everything but the build's static files (hashed, immutable; no page, no state change).
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
