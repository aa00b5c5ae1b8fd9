import { defineAppE2EConfig } from "@neuronlab/config/playwright";

// The production build (`next build`, run first by turbo) served by the platform's server
// (`pnpm start`) on its own port, so a developer's `pnpm dev` on :3000 never gets in the way. The
// site's address is the one the tests browse, so mailed links lead back to it.
export default defineAppE2EConfig({
  port: 3100,
  command: "pnpm start",
  readyPath: "/api/health",
  env: { NEXTAUTH_URL: "http://127.0.0.1:3100" },
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
