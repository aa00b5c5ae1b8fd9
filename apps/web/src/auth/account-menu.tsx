"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { SessionUser } from "./session";
import { Link } from "@/i18n/navigation";
import { isDeliverable } from "./addresses";
import { SignOutButton } from "./sign-out-button";

type Account =
  { state: "loading" } | { state: "signed-out" } | { state: "signed-in"; user: SessionUser };

/**
 * The header's account controls. Pages stay static (the lessons are prerendered), so the session
 * is asked for from the browser: next-auth's session route reads the database session.
 */
export function AccountMenu() {
  const t = useTranslations("Header");
  const [account, setAccount] = useState<Account>({ state: "loading" });

  useEffect(() => {
    let live = true;
    fetch("/api/auth/session", { cache: "no-store", credentials: "same-origin" })
      .then(async (response): Promise<{ user?: SessionUser }> =>
        response.ok ? ((await response.json()) as { user?: SessionUser }) : {},
      )
      .then((session) => {
        if (!live) return;
        setAccount(
          session.user ? { state: "signed-in", user: session.user } : { state: "signed-out" },
        );
      })
      .catch(() => {
        if (live) setAccount({ state: "signed-out" });
      });
    return () => {
      live = false;
    };
  }, []);

  if (account.state === "loading") {
    // Holds the place of the controls so the header does not jump when they arrive.
    return <span aria-hidden="true" className="inline-block h-10 w-20" />;
  }
  if (account.state === "signed-out") {
    return (
      <Link
        href="/sign-in"
        className="rounded-md border border-line px-3 py-2 font-medium text-ink hover:bg-panel"
      >
        {t("signIn")}
      </Link>
    );
  }
  const { user } = account;
  return (
    <div className="flex items-center gap-3" data-testid="account">
      {/* On a phone the address would push the controls off the screen; the dashboard shows it. */}
      <span
        className="hidden max-w-[12rem] truncate text-sm text-muted sm:inline"
        title={isDeliverable(user.email) ? user.email : undefined}
      >
        <span className="sr-only">{t("signedInAs")} </span>
        {user.name ?? user.email}
      </span>
      <Link href="/dashboard" className="font-medium text-ink underline-offset-4 hover:underline">
        {t("dashboard")}
      </Link>
      {user.role === "ADMIN" ? (
        <Link href="/admin" className="font-medium text-ink underline-offset-4 hover:underline">
          {t("admin")}
        </Link>
      ) : null}
      <SignOutButton
        label={t("signOut")}
        className="rounded-md border border-line px-3 py-2 font-medium whitespace-nowrap text-ink hover:bg-panel"
      />
    </div>
  );
}
