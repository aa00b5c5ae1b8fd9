import { test as base, expect } from "@playwright/test";

/**
 * Playwright's `test`, with one check around every test: no Content-Security-Policy violation
 * while it ran. The browser reports each blocked script, style, font, worker, connection or eval
 * as a console error and as a `securitypolicyviolation` event; both are collected. Every spec
 * imports `test` from here, so every page and widget the suite drives is checked against the CSP.
 */
export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ page }, use) => {
      const violations: string[] = [];
      await page.exposeFunction("__reportCspViolation", (text: string) => {
        violations.push(text);
      });
      await page.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (event) => {
          const report = (window as unknown as { __reportCspViolation?: (t: string) => void })
            .__reportCspViolation;
          report?.(`${event.effectiveDirective} blocked ${event.blockedURI || "inline code"}`);
        });
      });
      page.on("console", (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      await use(violations);
      expect(violations, "Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
