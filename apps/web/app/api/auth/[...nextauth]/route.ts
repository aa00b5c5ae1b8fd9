import { deleteSession } from "@neuronlab/db/accounts";
import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { sessionCookieName, authSettings } from "@/auth/config";
import { CONFIRM_PATH } from "@/auth/magic-link";
import { authOptions } from "@/auth/options";
import { safeRedirectPath } from "@/auth/redirect";
import { isSameOriginRequest, sendSignInLink } from "@/auth/server";
import { getDb } from "@/db";
import { errorResponse, HttpError } from "@/http/errors";

interface Context {
  params: Promise<{ nextauth: string[] }>;
}

type RouteHandler = (request: NextRequest, context: Context) => Promise<Response>;

let nextAuth: RouteHandler | undefined;

/** Sign-in requests are small: an address and a path. */
const MAX_BODY_BYTES = 4096;

/**
 * next-auth's routes, with the platform's own rules in front of three of them:
 * - GET  callback/email: never spends a link; it goes to the confirm page (mail scanners open
 *   links), whose form POSTs here.
 * - POST signin/email: validated and rate-limited (signInLink), answered as JSON.
 * - POST signout: ends the database session; refused from other sites.
 * Every other route is next-auth's, with callbackUrl made safe before next-auth sees it.
 */
async function handler(request: NextRequest, context: Context): Promise<Response> {
  try {
    const [action, provider] = (await context.params).nextauth;
    if (request.method === "GET" && action === "callback" && provider === "email") {
      const confirm = new URL(CONFIRM_PATH, request.url);
      confirm.search = request.nextUrl.search;
      return new Response(null, { status: 303, headers: { Location: relative(confirm) } });
    }
    if (request.method === "POST" && action === "signin" && provider === "email") {
      return await signInLink(request);
    }
    if (request.method === "POST" && action === "signout") {
      return await signOut(request);
    }
    // next-auth 4 types its handler as `any`.
    nextAuth ??= NextAuth(authOptions()) as RouteHandler;
    return await nextAuth(withSafeCallbackUrl(request), context);
  } catch (error) {
    return errorResponse(error);
  }
}

export { handler as GET, handler as POST };

async function signInLink(request: NextRequest): Promise<Response> {
  if (!isSameOriginRequest(request.headers)) {
    throw new HttpError(403, "cross_site", "Ask for a sign-in link from this site's sign-in page.");
  }
  const result = await sendSignInLink(await readForm(request), request.headers);
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (result.ok) {
    return Response.json(
      { ok: true, message: `We sent a sign-in link to ${result.email}.` },
      { headers },
    );
  }
  if (result.status === 429) headers["Retry-After"] = String(result.retryAfterSeconds);
  return Response.json(
    { error: { code: result.code, message: result.message } },
    { status: result.status, headers },
  );
}

async function signOut(request: NextRequest): Promise<Response> {
  if (!isSameOriginRequest(request.headers)) {
    throw new HttpError(403, "cross_site", "Sign out from this site's own pages.");
  }
  const name = sessionCookieName();
  const token = request.cookies.get(name)?.value;
  if (token) await deleteSession(getDb(), token);
  const form = await readForm(request).catch(() => ({}));
  const to = safeRedirectPath((form as { callbackUrl?: unknown }).callbackUrl, { fallback: "/" });
  const secure = authSettings().secureCookies;
  const expired = `${name}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secure ? "; Secure" : ""}`;
  return new Response(null, {
    status: 303,
    headers: { Location: to, "Set-Cookie": expired, "Cache-Control": "no-store" },
  });
}

/** A small form or JSON body as a plain object; other media types and oversized bodies are 4xx. */
async function readForm(request: Request): Promise<Record<string, unknown>> {
  const type = request.headers.get("content-type") ?? "";
  const text = await request.text();
  if (new TextEncoder().encode(text).byteLength > MAX_BODY_BYTES) {
    throw new HttpError(
      413,
      "too_large",
      `The request body is larger than ${MAX_BODY_BYTES} bytes.`,
    );
  }
  if (/^application\/x-www-form-urlencoded\b/i.test(type)) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  if (/^application\/json\b/i.test(type)) {
    try {
      const body = JSON.parse(text) as unknown;
      return body && typeof body === "object" ? (body as Record<string, unknown>) : {};
    } catch {
      throw new HttpError(400, "invalid_json", "The request body is not valid JSON.");
    }
  }
  if (text.length === 0) return {};
  throw new HttpError(415, "unsupported_media_type", "Send a form or application/json.");
}

/**
 * next-auth answers an unsafe callbackUrl query parameter with a configuration error (a 500);
 * here it becomes the safe default before next-auth sees it.
 */
function withSafeCallbackUrl(request: NextRequest): NextRequest {
  const value = request.nextUrl.searchParams.get("callbackUrl");
  if (value === null) return request;
  const safe = safeRedirectPath(value, { origin: request.nextUrl.origin });
  if (safe === value) return request;
  const url = new URL(request.url);
  url.searchParams.set("callbackUrl", safe);
  return new NextRequest(url, request);
}

function relative(url: URL): string {
  return `${url.pathname}${url.search}`;
}
