import { getTranslations } from "next-intl/server";
import { ThemeToggle } from "@neuronlab/viz/theme-toggle";
import { AccountMenu } from "@/auth/account-menu";
import { LanguageSwitcher } from "@/i18n/language-switcher";
import { Link } from "@/i18n/navigation";

export async function SiteHeader() {
  const t = await getTranslations("Header");
  return (
    // From tablet width up the header stays in view, language switcher included: a reader can
    // switch languages where they are, and the switch keeps their place (LanguageSwitcher).
    <header className="border-b border-line bg-canvas sm:sticky sm:top-0 sm:z-40">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
        <Link
          href="/"
          className="flex items-center gap-2 text-lg font-bold tracking-tight text-ink"
        >
          <svg aria-hidden="true" viewBox="0 0 32 32" width="28" height="28">
            <circle cx="6" cy="9" r="3.5" fill="var(--viz-positive)" />
            <circle cx="6" cy="23" r="3.5" fill="var(--viz-negative)" />
            <circle cx="26" cy="16" r="5" fill="none" stroke="currentColor" strokeWidth="2" />
            <path d="M9 10l12 5M9 22l12-5" stroke="currentColor" strokeWidth="2" />
          </svg>
          {t("home")}
        </Link>
        {/* On a phone the navigation takes its own row under the logo and the account controls. */}
        <nav
          aria-label={t("mainNav")}
          className="order-last flex w-full items-center gap-4 sm:order-none sm:w-auto sm:flex-1"
        >
          <Link href="/course" className="font-medium text-ink underline-offset-4 hover:underline">
            {t("course")}
          </Link>
          <Link
            href="/educator"
            className="font-medium text-ink underline-offset-4 hover:underline"
          >
            {t("teach")}
          </Link>
        </nav>
        <div className="flex items-center gap-3">
          <LanguageSwitcher />
          <AccountMenu />
          <ThemeToggle />
        </div>
      </div>
    </header>
  );
}
