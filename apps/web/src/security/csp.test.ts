import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "./csp";

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((part) => {
      const [name = "", ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe("contentSecurityPolicy", () => {
  const production = directives(
    contentSecurityPolicy({ nonce: "abc123", dev: false, https: true }),
  );

  it("allows only scripts with the page's nonce (and what they load), WebAssembly but no eval", () => {
    const script = production.get("script-src");
    expect(script).toEqual(
      expect.arrayContaining(["'nonce-abc123'", "'strict-dynamic'", "'wasm-unsafe-eval'"]),
    );
    expect(script).not.toContain("'unsafe-eval'");
    expect(script).not.toContain("'unsafe-inline'");
  });

  it("forbids framing, plugins and foreign form targets, and upgrades on HTTPS", () => {
    expect(production.get("frame-ancestors")).toEqual(["'none'"]);
    expect(production.get("object-src")).toEqual(["'none'"]);
    expect(production.get("form-action")).toEqual(["'self'"]);
    expect(production.has("upgrade-insecure-requests")).toBe(true);
    expect(production.get("worker-src")).toEqual(["'self'", "blob:"]);
  });

  it("adds eval and the dev server's websocket only in development, no upgrade over HTTP", () => {
    const dev = directives(contentSecurityPolicy({ nonce: "n", dev: true, https: false }));
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
    expect(dev.get("connect-src")).toContain("ws:");
    expect(dev.has("upgrade-insecure-requests")).toBe(false);
  });

  it("lets a sign-in form go to the configured OAuth providers only", () => {
    const policy = directives(
      contentSecurityPolicy({
        nonce: "n",
        dev: false,
        https: true,
        formTargets: ["https://github.com"],
      }),
    );
    expect(policy.get("form-action")).toEqual(["'self'", "https://github.com"]);
  });
});
