import { defineAppE2EConfig } from "@neuronlab/config/playwright";

// The production build (`next build`, run first by turbo) served by the platform's server
// (`pnpm start`) on its own port, so a developer's `pnpm dev` on :3000 never gets in the way. The
// site's address is the one the tests browse, so mailed links lead back to it.
export default defineAppE2EConfig({
  port: 3100,
  command: "pnpm start",
  readyPath: "/api/health",
  // Mail goes over SMTP to the tests' own mail server (e2e/mailbox-server.ts), which the tests
  // read (e2e/mailbox.ts); a local run also keeps a copy in /dev/outbox, whose page is tested too.
  env: {
    NEXTAUTH_URL: "http://127.0.0.1:3100",
    SMTP_URL: "smtp://127.0.0.1:3125",
    // A provider for the imprint and the privacy notice (configuration, never code: site.spec.ts).
    PROVIDER_NAME: "Test Provider for e2e",
    PROVIDER_ADDRESS: "Teststrasse 1|10115 Berlin|Germany",
    PROVIDER_EMAIL: "provider@example.com",
    PRIVACY_EMAIL: "privacy@example.com",
    SUPERVISORY_AUTHORITY: "Test supervisory authority, https://authority.example.org",
  },
  services: [{ command: "tsx e2e/mailbox-server.ts", url: "http://127.0.0.1:3126/health" }],
  // At phone size: every page's layout and accessibility, and the lessons with their figures.
  // Requests, accounts, security and the widgets' behaviour are the same at every size.
  phone: {
    testMatch: [
      "accessibility.spec.ts",
      "lessons.spec.ts",
      "site.spec.ts",
      "i18n-pages.spec.ts",
      "educator.spec.ts",
    ],
  },
});
