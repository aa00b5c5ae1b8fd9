"use server";

import { headers } from "next/headers";
import { hasLocale } from "next-intl";
import { getLocale } from "next-intl/server";
import { errorText } from "@/http/errors";
import { getPathname } from "@/i18n/navigation";
import { routing } from "@/i18n/routing";
import { DEFAULT_AFTER_SIGN_IN, safeRedirectPath } from "./redirect";
import { sendSignInLink } from "./server";

export type SignInFormState =
  | { status: "idle" }
  | { status: "sent"; email: string }
  | { status: "error"; message: string; field?: "email"; email: string };

/**
 * The sign-in form's action: the same checks and limits as POST /api/auth/signin/email, its
 * refusals said in the form's language (the form sends it; else the request's).
 */
export async function requestSignInLinkAction(
  _previous: SignInFormState,
  form: FormData,
): Promise<SignInFormState> {
  // A server action is a public endpoint: its arguments are whatever a request decoded to.
  const isForm = (form as unknown) instanceof FormData;
  const sentLocale = isForm ? form.get("locale") : null;
  const locale = hasLocale(routing.locales, sentLocale) ? sentLocale : await getLocale();
  if (!isForm) {
    const message = await errorText({ key: "invalid_email.missing" }, locale);
    return { status: "error", message, field: "email", email: "" };
  }
  const email = form.get("email");
  // Where to land: the page the form names, else the course in the form's language.
  const callbackUrl = safeRedirectPath(form.get("callbackUrl"), {
    fallback: getPathname({ href: DEFAULT_AFTER_SIGN_IN, locale }),
  });
  const result = await sendSignInLink({ email, callbackUrl }, await headers(), locale);
  if (result.ok) return { status: "sent", email: result.email };
  return {
    status: "error",
    message: await errorText(result.error, locale),
    email: typeof email === "string" ? email.slice(0, 300) : "",
    ...(result.code === "invalid_email" ? { field: "email" as const } : {}),
  };
}
