/**
 * The platform's Content-Security-Policy, made per request by proxy.ts with a fresh nonce.
 *
 * - Scripts: only those carrying the request's nonce (Next.js puts it on its own scripts and
 *   next-themes on its inline one) and what they load ('strict-dynamic': the lazily loaded
 *   widget chunks, the engine's training worker). No 'unsafe-eval' outside development;
 *   WebAssembly (the engine's SIMD kernel, TensorFlow.js's WASM backend) by 'wasm-unsafe-eval'.
 * - Styles: the site's style sheets and inline styles ('unsafe-inline' for styles only: figures
 *   set positions and colours in style attributes, and SVG figures carry small style elements).
 * - Everything else from this origin only; no plugins, no framing, forms post here (and to the
 *   configured sign-in services, which next-auth redirects a form's POST to).
 */
export interface CspOptions {
  nonce: string;
  /** `next dev`: React needs eval for its debugging aids, and the dev server's websocket. */
  dev: boolean;
  /** Served over HTTPS: ask browsers to upgrade any http:// subresource. */
  https: boolean;
  /** Origins a sign-in form may be redirected to (OAuth providers that are configured). */
  formTargets?: readonly string[];
}

export function contentSecurityPolicy({ nonce, dev, https, formTargets = [] }: CspOptions): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    [
      "script-src",
      "'self'",
      `'nonce-${nonce}'`,
      "'strict-dynamic'",
      "'wasm-unsafe-eval'",
      ...(dev ? ["'unsafe-eval'"] : []),
    ],
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'", "data:"],
    ["connect-src", "'self'", ...(dev ? ["ws:", "wss:"] : [])],
    ["worker-src", "'self'", "blob:"],
    ["manifest-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'", ...formTargets],
    ["frame-ancestors", "'none'"],
    ["frame-src", "'none'"],
  ];
  if (https) directives.push(["upgrade-insecure-requests"]);
  return directives.map((parts) => parts.join(" ")).join("; ");
}

/** Two years, every subdomain: sent only on responses served over HTTPS. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/** Browser features the platform never uses, switched off for it and anything it might embed. */
export const PERMISSIONS_POLICY = [
  "camera=()",
  "microphone=()",
  "geolocation=()",
  "payment=()",
  "usb=()",
  "serial=()",
  "hid=()",
  "midi=()",
  "magnetometer=()",
  "gyroscope=()",
  "accelerometer=()",
  "display-capture=()",
  "browsing-topics=()",
].join(", ");
