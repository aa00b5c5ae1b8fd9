"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState, useEffect, useId, useRef, useTransition, type ReactNode } from "react";
import { idle, type ActionState } from "./action-state";

type Action = (previous: ActionState, form: FormData) => Promise<ActionState>;

/**
 * A cohort form: a server action behind a plain form (it works without JavaScript), its hidden
 * fields, its refusal shown next to it (role="alert", tied to the form by aria-describedby) and
 * its success said politely (role="status").
 *
 * With JavaScript the form is submitted here rather than by React's form action, which empties a
 * form after every submission: a refused form keeps what the person typed and chose, and only a
 * form that succeeded is emptied.
 */
export function ActionForm({
  action,
  hidden = {},
  submit,
  variant = "primary",
  confirm,
  children,
  className,
}: {
  action: Action;
  hidden?: Record<string, string>;
  /** The submit button's words. */
  submit: string;
  variant?: "primary" | "secondary" | "danger";
  /** Asked before a change that cannot be undone (a learner removed, a cohort left). */
  confirm?: string;
  children?: ReactNode;
  className?: string;
}) {
  const t = useTranslations("Teaching.Form");
  const locale = useLocale();
  const [state, formAction, actionPending] = useActionState(action, idle);
  const [submitting, startSubmit] = useTransition();
  const pending = actionPending || submitting;
  const formRef = useRef<HTMLFormElement>(null);
  const messageId = useId();
  useEffect(() => {
    if (state.status === "done") formRef.current?.reset();
  }, [state]);
  const go = state.status === "done" ? state.go : undefined;
  useEffect(() => {
    if (go) window.location.assign(go);
  }, [go]);
  const buttonClass =
    variant === "primary"
      ? "bg-accent text-accent-ink"
      : variant === "danger"
        ? "border border-red-700 text-red-800 dark:border-red-400 dark:text-red-300"
        : "border border-line bg-panel";
  return (
    <form
      ref={formRef}
      action={formAction}
      noValidate
      className={className}
      aria-describedby={state.status === "idle" ? undefined : messageId}
      onSubmit={(event) => {
        event.preventDefault();
        if (confirm && !window.confirm(confirm)) return;
        const fields = new FormData(event.currentTarget, event.nativeEvent.submitter);
        startSubmit(() => {
          formAction(fields);
        });
      }}
    >
      <input type="hidden" name="locale" value={locale} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <button
        type="submit"
        disabled={pending}
        className={`mt-2 rounded-md px-3 py-1.5 text-sm font-semibold disabled:opacity-60 ${buttonClass}`}
      >
        {submit}
      </button>
      {state.status === "error" ? (
        <p
          id={messageId}
          role="alert"
          className="mt-2 text-sm font-medium text-red-800 dark:text-red-300"
        >
          {state.message}
        </p>
      ) : state.status === "done" ? (
        <p id={messageId} role="status" className="mt-2 text-sm text-muted">
          {t(state.message as "saved")}
          {state.go ? (
            <>
              {" "}
              <a href={state.go} className="font-medium text-accent underline underline-offset-4">
                {t("continue")}
              </a>
            </>
          ) : null}
        </p>
      ) : null}
    </form>
  );
}
