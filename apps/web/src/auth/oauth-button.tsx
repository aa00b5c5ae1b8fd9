"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

/**
 * Sign in with an OAuth provider: next-auth wants a POST with its CSRF token (double-submit
 * cookie), so the token is fetched first and a form is submitted with it.
 */
export function OAuthButton({
  provider,
  label,
  callbackUrl,
}: {
  provider: string;
  /** The service's name ("GitHub"). */
  label: string;
  /** The whole path to land on, its language included. */
  callbackUrl: string;
}) {
  const t = useTranslations("OAuthButton");
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  async function start() {
    setBusy(true);
    setFailed(false);
    try {
      const response = await fetch("/api/auth/csrf", { cache: "no-store" });
      const { csrfToken } = (await response.json()) as { csrfToken: string };
      const form = document.createElement("form");
      form.method = "post";
      form.action = `/api/auth/signin/${encodeURIComponent(provider)}`;
      for (const [name, value] of Object.entries({ csrfToken, callbackUrl })) {
        const input = document.createElement("input");
        input.type = "hidden";
        input.name = name;
        input.value = value;
        form.append(input);
      }
      document.body.append(form);
      form.submit();
    } catch {
      setBusy(false);
      setFailed(true);
    }
  }

  return (
    <div>
      <button
        type="button"
        onClick={() => void start()}
        disabled={busy}
        className="w-full rounded-md border border-line px-4 py-2 font-medium text-ink hover:bg-panel disabled:opacity-60"
      >
        {label}
      </button>
      {failed ? (
        <p role="alert" className="mt-1 text-sm text-[var(--viz-negative)]">
          {t("failed")}
        </p>
      ) : null}
    </div>
  );
}
