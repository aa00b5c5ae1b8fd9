"use client";

import { useLocale, useTranslations } from "next-intl";
import { useId, useState, type SyntheticEvent } from "react";
import { getPathname } from "@/i18n/navigation";
import { OUTBOX_KEY, parseOutbox } from "./outbox";
import { parseProgress, STORAGE_KEY, withoutMerged } from "./progress-store";

/**
 * Deletes the account after the learner types its address. On success this browser also forgets
 * what it kept for the account (progress already moved into it, writes still waiting to be sent).
 */
export function DeleteAccountForm({ email, userId }: { email: string; userId: string }) {
  const t = useTranslations("DeleteAccountForm");
  const locale = useLocale();
  const inputId = useId();
  const hintId = useId();
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      const response = await fetch("/api/me/delete", {
        method: "POST",
        // The API says its refusals in the page's language.
        headers: { "content-type": "application/json", "accept-language": locale },
        body: JSON.stringify({ confirmEmail: typed }),
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as {
          error?: { message?: string };
        } | null;
        setError(body?.error?.message ?? t("failedStatus", { status: String(response.status) }));
        return;
      }
      forgetAccount(userId);
      // A whole new page, not a client navigation: nothing of the signed-in page may linger.
      window.location.assign(
        getPathname({ href: { pathname: "/account", query: { deleted: "1" } }, locale }),
      );
    } catch {
      setError(t("offline"));
    } finally {
      setPending(false);
    }
  }

  const matches = typed.trim().toLowerCase() === email.toLowerCase();
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="mt-4">
      <label htmlFor={inputId} className="block font-medium">
        {t("label")}
      </label>
      <p id={hintId} className="text-sm text-muted">
        {email}
      </p>
      <input
        id={inputId}
        type="email"
        autoComplete="off"
        value={typed}
        onChange={(event) => {
          setTyped(event.target.value);
        }}
        aria-describedby={hintId}
        aria-invalid={error ? true : undefined}
        className="mt-2 w-full max-w-sm rounded-md border border-line bg-canvas px-3 py-2"
      />
      {error ? (
        <p role="alert" className="mt-2 text-sm font-medium">
          {error}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={!matches || pending}
        className="mt-4 block rounded-md border-2 border-[var(--viz-negative)] px-4 py-2 font-semibold disabled:opacity-50"
      >
        {pending ? t("deleting") : t("submit")}
      </button>
    </form>
  );
}

function forgetAccount(userId: string): void {
  try {
    const progress = parseProgress(localStorage.getItem(STORAGE_KEY));
    localStorage.setItem(STORAGE_KEY, JSON.stringify(withoutMerged(progress)));
    const outbox = parseOutbox(localStorage.getItem(OUTBOX_KEY));
    const entries = outbox.entries.filter((e) => e.user !== userId);
    localStorage.setItem(OUTBOX_KEY, JSON.stringify({ ...outbox, entries }));
  } catch {
    // Storage disabled: there is nothing kept to forget.
  }
}
