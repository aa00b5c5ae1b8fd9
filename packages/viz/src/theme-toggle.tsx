"use client";

import { useTheme } from "next-themes";
import { useSyncExternalStore } from "react";
import { useVizT } from "./i18n.tsx";

const subscribe = () => () => undefined;

/** True once hydrated: the theme is only known in the browser, so the server renders a neutral button. */
function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}

export function ThemeToggle() {
  const t = useVizT("ThemeToggle");
  const { resolvedTheme, setTheme } = useTheme();
  const hydrated = useHydrated();
  const dark = hydrated && resolvedTheme === "dark";
  const label = t(!hydrated ? "switch" : dark ? "toLight" : "toDark");

  return (
    <button
      type="button"
      onClick={() => {
        setTheme(dark ? "light" : "dark");
      }}
      aria-label={label}
      title={label}
      className="inline-flex h-10 w-10 items-center justify-center rounded-md border border-line text-ink hover:bg-panel"
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        width="20"
        height="20"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
      >
        {dark ? (
          <>
            <circle cx="12" cy="12" r="4" />
            <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
          </>
        ) : (
          <path d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z" />
        )}
      </svg>
    </button>
  );
}
