/** Where a sign-in lands when it was given nowhere (or nowhere safe) to go. */
export const DEFAULT_AFTER_SIGN_IN = "/course";

const PLACEHOLDER_ORIGIN = "http://neuronlab.invalid";

/**
 * The path to send someone to after signing in or out: only a path on this site, never another
 * site. Anything else gives `fallback`. Refused: protocol-relative (`//evil.com`), backslash forms
 * that browsers read as `//` (`/\evil.com`), absolute URLs on other origins, `javascript:` and
 * other schemes, control characters and whitespace (browsers drop tabs and newlines inside URLs,
 * so `/\t/evil.com` becomes `//evil.com`), and the same tricks percent-encoded once or twice.
 *
 * `origin` is this site's own origin: an absolute URL on it is accepted and made relative.
 */
export function safeRedirectPath(
  value: unknown,
  { origin, fallback = DEFAULT_AFTER_SIGN_IN }: { origin?: string; fallback?: string } = {},
): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return fallback;
  let candidate = value;
  if (origin) {
    const own = new URL(origin).origin;
    if (candidate === own) return "/";
    if (candidate.startsWith(`${own}/`) || candidate.startsWith(`${own}?`)) {
      candidate = candidate.slice(own.length);
      if (!candidate.startsWith("/")) candidate = `/${candidate}`;
    }
  }
  if (!isPlainPath(candidate)) return fallback;
  // Every decoding of it must still be a plain path on this site.
  let decoded = candidate;
  for (let i = 0; i < 3; i++) {
    let next: string;
    try {
      next = decodeURIComponent(decoded);
    } catch {
      return fallback; // malformed escapes: not a link we made
    }
    if (next === decoded) break;
    if (!isPlainPath(next)) return fallback;
    decoded = next;
  }
  const url = new URL(candidate, PLACEHOLDER_ORIGIN);
  if (url.origin !== PLACEHOLDER_ORIGIN) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

function isPlainPath(path: string): boolean {
  return (
    path.startsWith("/") &&
    !path.startsWith("//") &&
    !path.includes("\\") &&
    // eslint-disable-next-line no-control-regex -- control characters are what is refused
    !/[\u0000-\u0020\u007f-\u009f\u2028\u2029]/.test(path)
  );
}
