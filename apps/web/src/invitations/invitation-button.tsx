"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { idle, type ActionState } from "@/teaching/action-state";

type Action = (previous: ActionState, form: FormData) => Promise<ActionState>;

/**
 * One button behind a server action (send again, withdraw, accept): a plain form that works
 * without JavaScript, its refusal shown next to it (role="alert", tied to the form by
 * aria-describedby) and its success said politely (role="status", from "Invitations.Done").
 */
export function InvitationButton({
  action,
  hidden,
  submit,
  label,
  variant = "secondary",
  confirm,
}: {
  action: Action;
  hidden: Record<string, string>;
  /** The button's words. */
  submit: string;
  /** Its accessible name when the words alone are ambiguous in a list; it contains them. */
  label?: string;
  variant?: "primary" | "secondary" | "danger";
  /** Asked before a change that cannot be undone. */
  confirm?: string;
}) {
  const t = useTranslations("Invitations.Done");
  const locale = useLocale();
  const [state, formAction, pending] = useActionState(action, idle);
  const messageId = useId();
  const buttonClass =
    variant === "primary"
      ? "bg-accent px-4 py-2 text-accent-ink"
      : variant === "danger"
        ? "border border-red-700 px-3 py-1.5 text-red-800 dark:border-red-400 dark:text-red-300"
        : "border border-line bg-panel px-3 py-1.5";
  return (
    <form
      action={formAction}
      className="inline-block"
      aria-describedby={state.status === "idle" ? undefined : messageId}
      onSubmit={(event) => {
        if (confirm && !window.confirm(confirm)) event.preventDefault();
      }}
    >
      <input type="hidden" name="locale" value={locale} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        disabled={pending}
        aria-label={label}
        className={`rounded-md text-sm font-semibold disabled:opacity-60 ${buttonClass}`}
      >
        {submit}
      </button>
      {state.status === "error" ? (
        <p
          id={messageId}
          role="alert"
          className="mt-1 text-sm font-medium text-red-800 dark:text-red-300"
        >
          {state.message}
        </p>
      ) : state.status === "done" ? (
        <p id={messageId} role="status" className="mt-1 text-sm text-muted">
          {t(state.message as "resent" | "revoked")}
        </p>
      ) : null}
    </form>
  );
}
