import { useLocale } from "next-intl";
import { getPathname } from "@/i18n/navigation";

/**
 * A plain form POST (no JavaScript needed): the server ends the session and answers with a
 * redirect, so the whole page, header included, reloads signed out, by default on the home page
 * in the page's language.
 */
export function SignOutButton({
  className,
  label,
  callbackUrl,
}: {
  className: string;
  /** "Sign out", from the caller's messages (this renders on the server and in the browser). */
  label: string;
  /** The whole path to land on, its language included. */
  callbackUrl?: string;
}) {
  const locale = useLocale();
  return (
    <form method="post" action="/api/auth/signout">
      <input
        type="hidden"
        name="callbackUrl"
        value={callbackUrl ?? getPathname({ href: "/", locale })}
      />
      <button type="submit" className={className}>
        {label}
      </button>
    </form>
  );
}
