/**
 * A plain form POST (no JavaScript needed): the server ends the session and answers with a
 * redirect, so the whole page, header included, reloads signed out.
 */
export function SignOutButton({
  className,
  callbackUrl = "/",
}: {
  className: string;
  callbackUrl?: string;
}) {
  return (
    <form method="post" action="/api/auth/signout">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <button type="submit" className={className}>
        Sign out
      </button>
    </form>
  );
}
