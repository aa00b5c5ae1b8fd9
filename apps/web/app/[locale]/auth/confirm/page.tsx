import type { Metadata } from "next";
import Link from "next/link";
import { peekVerificationToken } from "@neuronlab/db/accounts";
import { authSettings } from "@/auth/config";
import { hashToken } from "@/auth/magic-link";
import { safeRedirectPath } from "@/auth/redirect";
import { parseSignInRequest } from "@/auth/sign-in-request";
import { getDb } from "@/db";

export const metadata: Metadata = {
  title: "Confirm sign-in",
  robots: { index: false, follow: false },
  // The address holds a sign-in token: send it nowhere.
  referrer: "no-referrer",
};

/**
 * Where an emailed link lands. Opening it (GET) spends nothing, so a mail scanner that opens every
 * link does no harm; the token is spent by the form's POST to next-auth's email callback.
 */
export default async function ConfirmPage({ searchParams }: PageProps<"/auth/confirm">) {
  const query = await searchParams;
  const token = first(query.token) ?? "";
  const parsed = parseSignInRequest({
    email: first(query.email),
    callbackUrl: first(query.callbackUrl),
  });
  const email = parsed.ok ? parsed.request.email : "";
  const callbackUrl = parsed.ok ? parsed.request.callbackUrl : safeRedirectPath(undefined);

  const valid =
    parsed.ok && token.length > 0 && token.length <= 256
      ? await peekVerificationToken(getDb(), {
          identifier: email,
          token: hashToken(token, authSettings().secret),
        })
      : null;

  if (!valid) {
    const again = `/sign-in?${new URLSearchParams({ callbackUrl }).toString()}`;
    return (
      <div className="mx-auto max-w-md px-4 py-10">
        <h1 className="text-3xl font-bold tracking-tight">This sign-in link no longer works</h1>
        <p className="mt-4">
          It has expired or has already been used. Each link works once, within 10 minutes of being
          sent.
        </p>
        <p className="mt-6">
          <Link
            href={again}
            className="rounded-md bg-accent px-4 py-2 font-semibold text-accent-ink hover:opacity-90"
          >
            Get a new link
          </Link>
        </p>
      </div>
    );
  }

  const action = `/api/auth/callback/email?${new URLSearchParams({ token, email, callbackUrl }).toString()}`;
  return (
    <div className="mx-auto max-w-md px-4 py-10">
      <h1 className="text-3xl font-bold tracking-tight">Sign in to Neuronlab</h1>
      <p className="mt-4">
        You opened a sign-in link for <span className="font-medium">{email}</span>. Press the button
        to finish signing in on this device.
      </p>
      <form method="post" action={action} className="mt-6">
        <button
          type="submit"
          className="rounded-md bg-accent px-4 py-2 font-semibold text-accent-ink hover:opacity-90"
        >
          Sign in as {email}
        </button>
      </form>
      <p className="mt-6 text-sm text-muted">
        Did not ask to sign in? Close this page: nothing happens unless you press the button.
      </p>
    </div>
  );
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
