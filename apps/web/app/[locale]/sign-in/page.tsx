import type { Metadata } from "next";
import Link from "next/link";
import { authSettings } from "@/auth/config";
import { OAuthButton } from "@/auth/oauth-button";
import { safeRedirectPath } from "@/auth/redirect";
import { getSessionUser } from "@/auth/session";
import { SignInForm } from "@/auth/sign-in-form";
import { ownEntry } from "@/http/lookup";

export const metadata: Metadata = { title: "Sign in" };

/** next-auth sends OAuth failures back here as ?error=… */
const OAUTH_ERRORS: Record<string, string> = {
  OAuthAccountNotLinked:
    "That email address already has an account with another way of signing in. Sign in the way you did before.",
  OAuthSignin: "Signing in with that service did not start. Try again.",
  OAuthCallback: "Signing in with that service did not finish. Try again.",
  OAuthCreateAccount: "We could not create your account with that service. Try email instead.",
  Callback: "Signing in did not finish. Try again.",
  SessionRequired: "Sign in to see that page.",
};

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const query = await searchParams;
  const callbackUrl = safeRedirectPath(first(query.callbackUrl));
  const error = first(query.error);
  const settings = authSettings();
  const user = await getSessionUser();

  return (
    <div className="mx-auto max-w-md px-4 py-10">
      <h1 className="text-3xl font-bold tracking-tight">Sign in</h1>
      {user ? (
        <div className="mt-4">
          <p>
            You are signed in as <span className="font-medium">{user.name ?? user.email}</span>.
          </p>
          <p className="mt-4 flex flex-wrap gap-4">
            <Link
              href={callbackUrl}
              className="font-semibold text-accent underline underline-offset-4"
            >
              Continue
            </Link>
            <Link
              href="/sign-out"
              className="font-semibold text-accent underline underline-offset-4"
            >
              Sign out
            </Link>
          </p>
        </div>
      ) : (
        <>
          <p className="mt-4 text-muted">
            Your account keeps your progress and your exercise results on every device. Enter your
            email address and we will send you a link to sign in: no password needed. New here? The
            same link creates your account.
          </p>
          {ownEntry(OAUTH_ERRORS, error) ? (
            <p role="alert" className="mt-4 rounded-md border border-line bg-panel p-3 text-sm">
              {ownEntry(OAUTH_ERRORS, error)}
            </p>
          ) : null}
          <SignInForm callbackUrl={callbackUrl} outbox={settings.mail.kind === "outbox"} />
          {settings.github || settings.google ? (
            <div className="mt-8 border-t border-line pt-6">
              <p className="text-sm text-muted">Or sign in with</p>
              <div className="mt-3 grid gap-3">
                {settings.github ? (
                  <OAuthButton provider="github" label="GitHub" callbackUrl={callbackUrl} />
                ) : null}
                {settings.google ? (
                  <OAuthButton provider="google" label="Google" callbackUrl={callbackUrl} />
                ) : null}
              </div>
            </div>
          ) : null}
          <p className="mt-8 text-sm text-muted">
            You do not need an account to read the course:{" "}
            <Link href="/course" className="font-medium text-accent underline underline-offset-4">
              everything is open to everyone
            </Link>
            .
          </p>
        </>
      )}
    </div>
  );
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
