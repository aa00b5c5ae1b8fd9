"use client";

import Link from "next/link";
import { useActionState, useId } from "react";
import { requestSignInLinkAction, type SignInFormState } from "./actions";

const initial: SignInFormState = { status: "idle" };

/** Asks for a magic link; works without JavaScript too (a server action behind a plain form). */
export function SignInForm({ callbackUrl, outbox }: { callbackUrl: string; outbox: boolean }) {
  const [state, action, pending] = useActionState(requestSignInLinkAction, initial);
  const emailId = useId();
  const errorId = useId();

  if (state.status === "sent") {
    return (
      <div role="status" className="mt-6 rounded-xl border border-line bg-panel p-5">
        <h2 className="text-lg font-semibold">Check your email</h2>
        <p className="mt-2">
          We sent a sign-in link to <span className="font-medium">{state.email}</span>. It works
          once, within 10 minutes. Open it on this device and press “Sign in”.
        </p>
        {outbox ? (
          <p className="mt-3 text-sm text-muted">
            This is a local run, so the email went to the{" "}
            <Link
              href="/dev/outbox"
              className="font-semibold text-accent underline underline-offset-4"
            >
              local outbox
            </Link>
            .
          </p>
        ) : (
          <p className="mt-3 text-sm text-muted">
            Nothing there after a minute? Look in your spam folder, or ask for a new link.
          </p>
        )}
      </div>
    );
  }

  const fieldError = state.status === "error" && state.field === "email";
  return (
    <form action={action} noValidate className="mt-6">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <label htmlFor={emailId} className="block font-medium">
        Email address
      </label>
      <input
        id={emailId}
        name="email"
        type="email"
        autoComplete="email"
        inputMode="email"
        required
        maxLength={320}
        defaultValue={state.status === "error" ? state.email : ""}
        aria-invalid={fieldError || undefined}
        aria-describedby={state.status === "error" ? errorId : undefined}
        className="mt-1 w-full rounded-md border border-line bg-canvas px-3 py-2"
      />
      <div id={errorId} aria-live="polite">
        {state.status === "error" ? (
          <p role="alert" className="mt-2 text-sm font-medium text-[var(--viz-negative)]">
            {state.message}
          </p>
        ) : null}
      </div>
      <button
        type="submit"
        disabled={pending}
        className="mt-4 rounded-md bg-accent px-4 py-2 font-semibold text-accent-ink hover:opacity-90 disabled:opacity-60"
      >
        {pending ? "Sending…" : "Email me a sign-in link"}
      </button>
    </form>
  );
}
