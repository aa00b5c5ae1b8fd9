"use server";

import { headers } from "next/headers";
import { sendSignInLink } from "./server";

export type SignInFormState =
  | { status: "idle" }
  | { status: "sent"; email: string }
  | { status: "error"; message: string; field?: "email"; email: string };

/** The sign-in form's action: the same checks and limits as POST /api/auth/signin/email. */
export async function requestSignInLinkAction(
  _previous: SignInFormState,
  form: FormData,
): Promise<SignInFormState> {
  // A server action is a public endpoint: its arguments are whatever a request decoded to.
  if (!((form as unknown) instanceof FormData)) {
    return { status: "error", message: "Enter your email address.", field: "email", email: "" };
  }
  const email = form.get("email");
  const result = await sendSignInLink(
    { email, callbackUrl: form.get("callbackUrl") },
    await headers(),
  );
  if (result.ok) return { status: "sent", email: result.email };
  return {
    status: "error",
    message: result.message,
    email: typeof email === "string" ? email.slice(0, 300) : "",
    ...(result.code === "invalid_email" ? { field: "email" as const } : {}),
  };
}
