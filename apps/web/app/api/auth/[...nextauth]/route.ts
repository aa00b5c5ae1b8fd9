import { deleteSession } from "@neuronlab/db/accounts";
import NextAuth from "next-auth";
import { createTranslator } from "next-intl";
import { NextRequest } from "next/server";
import { sessionCookieName, authSettings } from "@/auth/config";
import { CONFIRM_PATH } from "@/auth/magic-link";
import { authOptions } from "@/auth/options";
import { safeRedirectPath } from "@/auth/redirect";
import { sendSignInLink } from "@/auth/server";
import { getDb } from "@/db";
import { errorResponse, errorText, HttpError, readBodyText } from "@/http/errors";
import { isCrossSiteRequest } from "@/http/request-guards";
import { loadMessages } from "@/i18n/messages";
import { requestLocale } from "@/i18n/request-locale";

interface Context {
  params: Promise<{ nextauth: string[] }>;
}

type RouteHandler = (request: NextRequest, context: Context) => Promise<Response>;

let nextAuth: RouteHandler | undefined;

/** Sign-in requests are small: an address and a path. */
const MAX_BODY_BYTES = 4096;

/**
 * next-auth's routes, with the platform's own rules in front:
 * - every POST from another site is refused (proxy.ts refuses them for every route; checked here
 *   again because a sign-in from another site is login CSRF: the victim's browser signed in to
 *   the attacker's account, and their anonymous progress merged into it);
 * - GET  callback/email: never spends a link; it goes to the confirm page (mail scanners open
 *   links), whose form POSTs here.
 * - GET  error: the platform's error page, with the code encoded (next-auth puts it into the
 *   Location header as it came).
 * - POST signin/email: validated and rate-limited (signInLink), answered as JSON.
 * - POST signout: ends the database session.
 * Every other route is next-auth's, with callbackUrl made safe and the body read, size-checked
 * and parsed here before next-auth sees it.
 */
async function handler(request: NextRequest, context: Context): Promise<Response> {
  try {
    const [action, provider] = (await context.params).nextauth;
    if (request.method === "POST" && isCrossSiteRequest(request.headers)) {
      throw new HttpError(403, "cross_site.sign_in");
    }
    if (request.method === "GET" && action === "error") {
      const code = request.nextUrl.searchParams.get("error") ?? "Default";
      const page = `/auth/error?${new URLSearchParams({ error: code.slice(0, 100) }).toString()}`;
      return new Response(null, { status: 302, headers: { Location: page } });
    }
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
    return await nextAuth(await withCheckedBody(withSafeCallbackUrl(request)), context);
  } catch (error) {
    return await errorResponse(error, requestLocale(request.headers));
  }
}

export { handler as GET, handler as POST };

/** Answered in the request's language (Accept-Language), as every error of the API is. */
async function signInLink(request: NextRequest): Promise<Response> {
  const result = await sendSignInLink(await readForm(request), request.headers);
  const locale = requestLocale(request.headers);
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (result.ok) {
    const t = createTranslator({
      locale,
      messages: await loadMessages(locale),
      namespace: "AuthApi",
    });
    return Response.json(
      { ok: true, message: t("linkSent", { email: result.email }) },
      { headers },
    );
  }
  if (result.status === 429) headers["Retry-After"] = String(result.retryAfterSeconds);
  return Response.json(
    { error: { code: result.code, message: await errorText(result.error, locale) } },
    { status: result.status, headers },
  );
}

async function signOut(request: NextRequest): Promise<Response> {
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
  const text = await readBodyText(request, MAX_BODY_BYTES);
  if (/^application\/x-www-form-urlencoded\b/i.test(type)) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  if (/^application\/json\b/i.test(type)) {
    try {
      const body = JSON.parse(text) as unknown;
      if (!body || typeof body !== "object" || Array.isArray(body)) {
        throw new HttpError(400, "invalid_body");
      }
      return body as Record<string, unknown>;
    } catch (error) {
      if (error instanceof HttpError) throw error;
      throw new HttpError(400, "invalid_json");
    }
  }
  if (text.length === 0) return {};
  throw new HttpError(415, "unsupported_media_type.form_or_json");
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

/**
 * next-auth parses a POST's body itself and fails with a 500 on JSON it cannot parse. Here the
 * body is read (size-limited), parsed, and handed on as a form of its string fields only.
 */
async function withCheckedBody(request: NextRequest): Promise<NextRequest> {
  if (request.method !== "POST") return request;
  const fields = await readForm(request);
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === "string") form.set(name, value);
  }
  const headers = new Headers(request.headers);
  headers.set("content-type", "application/x-www-form-urlencoded");
  headers.delete("content-length");
  headers.delete("transfer-encoding");
  return new NextRequest(request.url, { method: "POST", headers, body: form.toString() });
}

function relative(url: URL): string {
  return `${url.pathname}${url.search}`;
}
