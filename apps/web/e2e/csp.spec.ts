import { expect, test } from "./fixtures";

// Every page of the platform under the Content-Security-Policy. The `test` from ./fixtures fails
// any test on a violation the browser reports, so lessons.spec.ts (every lesson with every widget
// loaded) and widgets.spec.ts (every widget driven, training in the engine's worker, WebAssembly
// and WebGPU included) check the policy too.
test.describe.configure({ timeout: 120_000 });

const PAGES = [
  "/",
  "/course",
  "/sign-in",
  "/sign-out",
  "/account",
  "/dashboard",
  "/auth/confirm?token=x&email=a%40example.com",
  "/auth/error?error=Verification",
  "/dev/outbox",
  "/no-such-page",
];

test("every page is served with a strict policy and a fresh nonce, and runs under it", async ({
  page,
}) => {
  const nonces = new Set<string>();
  for (const path of PAGES) {
    const response = await page.goto(path);
    const headers = response?.headers() ?? {};
    const policy = headers["content-security-policy"] ?? "";
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"], path).toContain("camera=()");
    // Over plain HTTP (this local run) there is no HSTS: src/security/proxy.test.ts checks HTTPS.
    expect(headers["strict-transport-security"], path).toBeUndefined();
    expect(policy, path).toContain("frame-ancestors 'none'");
    expect(policy, path).toContain("'strict-dynamic'");
    expect(policy, path).not.toContain("'unsafe-eval'");
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce, `${path} has a nonce`).toBeTruthy();
    nonces.add(nonce ?? "");
    // Every script element the server sent carries the nonce (a 404 under a language is rendered
    // in the browser, whose own elements need none: they never run as scripts).
    const html = (await response?.text()) ?? "";
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map(
      ([tag]) => /\snonce="([^"]*)"/.exec(tag)?.[1] ?? "",
    );
    expect(scripts.length, path).toBeGreaterThan(0);
    for (const scriptNonce of scripts) expect(scriptNonce, path).toBe(nonce);
    await expect(page.locator("body")).toBeVisible();
  }
  expect(nonces.size, "a new nonce per response").toBe(PAGES.length);
});
