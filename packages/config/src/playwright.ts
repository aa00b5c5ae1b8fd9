import { defineConfig, devices, type PlaywrightTestConfig } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "./chromium.ts";

export interface AppE2EOptions {
  /** Port the production server listens on during the tests (kept apart from the dev ports). */
  port: number;
  /** Command that serves the already-built app on `port`. */
  command: string;
  /** Path the server answers once it is ready. */
  readyPath?: string;
  /** More environment for the server (its own address, for links it mails). */
  env?: Record<string, string>;
  /**
   * What also runs at phone size, where the layout changes what is tested (pages, figures,
   * accessibility): spec files (`testMatch`) and/or test titles (`grep`), less the titles that
   * `grepInvert` names. Everything else runs once, at desktop size. Without this, every test runs
   * at both sizes.
   */
  phone?: { testMatch?: string[]; grep?: RegExp; grepInvert?: RegExp };
  /** Servers the tests need beside the app (a mail server), started before it. */
  services?: { command: string; url: string }[];
}

/**
 * Playwright config for an app's end-to-end tests: the system Chromium (never a downloaded one),
 * the production server started by Playwright, a desktop and a phone project, and a JSON report in
 * reports/playwright.json that CI sums up.
 */
export function defineAppE2EConfig({
  port,
  command,
  readyPath = "/",
  env = {},
  phone = {},
  services = [],
}: AppE2EOptions): PlaywrightTestConfig {
  const ci = Boolean(process.env.CI);
  const baseURL = `http://127.0.0.1:${port}`;
  const launchOptions = { executablePath: findChromium(), args: [...CHROMIUM_ARGS] };
  return defineConfig({
    testDir: "./e2e",
    fullyParallel: true,
    forbidOnly: ci,
    retries: 0,
    // Two cores on CI machines; locally Playwright picks half the cores.
    ...(ci ? { workers: 2 } : {}),
    // CI runs both apps' suites at once on two cores: a heavy page (axe-core over a large SVG) can
    // take longer there without anything being wrong.
    timeout: ci ? 60_000 : 30_000,
    expect: { timeout: 10_000 },
    reporter: [["list"], ["json", { outputFile: "reports/playwright.json" }]],
    use: {
      baseURL,
      trace: "retain-on-failure",
      screenshot: "only-on-failure",
      launchOptions,
    },
    projects: [
      { name: "desktop", use: { ...devices["Desktop Chrome"], launchOptions } },
      {
        name: "phone",
        ...(phone.testMatch ? { testMatch: phone.testMatch } : {}),
        ...(phone.grep ? { grep: phone.grep } : {}),
        ...(phone.grepInvert ? { grepInvert: phone.grepInvert } : {}),
        use: {
          viewport: { width: 360, height: 740 },
          deviceScaleFactor: 2,
          isMobile: true,
          hasTouch: true,
          launchOptions,
        },
      },
    ],
    webServer: [
      ...services.map((service) => ({
        ...service,
        reuseExistingServer: !ci,
        timeout: 30_000,
      })),
      {
        command,
        url: `${baseURL}${readyPath}`,
        reuseExistingServer: !ci,
        timeout: 120_000,
        env: { PORT: String(port), NEXT_TELEMETRY_DISABLED: "1", ...env },
      },
    ],
  });
}
