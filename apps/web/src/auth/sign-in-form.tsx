"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { Link } from "@/i18n/navigation";
import { requestSignInLinkAction, type SignInFormState } from "./actions";

const initial: SignInFormState = { status: "idle" };

/**
 * Asks for a magic link; works without JavaScript too (a server action behind a plain form).
 * `callbackUrl` is the whole path to land on, its language included ("/de/dashboard").
 */
export function SignInForm({ callbackUrl, outbox }: { callbackUrl: string; outbox: boolean }) {
  const t = useTranslations("SignInForm");
  const locale = useLocale();
  const [state, action, pending] = useActionState(requestSignInLinkAction, initial);
  const emailId = useId();
  const errorId = useId();

  if (state.status === "sent") {
    return (
      <div role="status" className="mt-6 rounded-xl border border-line bg-panel p-5">
        <h2 className="text-lg font-semibold">{t("sentTitle")}</h2>
        <p className="mt-2">
          {t.rich("sentText", {
            email: state.email,
            strong: (chunks) => <span className="font-medium">{chunks}</span>,
          })}
        </p>
        {outbox ? (
          <p className="mt-3 text-sm text-muted">
            {t.rich("outboxNote", {
              link: (chunks) => (
                <Link
                  href="/dev/outbox"
                  className="font-semibold text-accent underline underline-offset-4"
                >
                  {chunks}
                </Link>
              ),
            })}
          </p>
        ) : (
          <p className="mt-3 text-sm text-muted">{t("spamNote")}</p>
        )}
      </div>
    );
  }

  const fieldError = state.status === "error" && state.field === "email";
  return (
    <form action={action} noValidate className="mt-6">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {/* The action answers in the form's language. */}
      <input type="hidden" name="locale" value={locale} />
      <label htmlFor={emailId} className="block font-medium">
        {t("emailLabel")}
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
        {pending ? t("sending") : t("submit")}
      </button>
    </form>
  );
}
