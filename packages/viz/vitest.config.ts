import { CHROMIUM_ARGS, findChromium } from "@neuronlab/config/chromium";
import { defineVitestConfig } from "@neuronlab/config/vitest";
import { playwright } from "@vitest/browser-playwright";

/**
 * `unit`: pure parts and components rendered in Node (files that need a DOM say
 * `// @vitest-environment jsdom` at the top). `bench`: frame-time benchmarks of the heavy figures in
 * headless Chromium, run only by `pnpm bench` — they print figures and are never a pass/fail on time.
 */
export default defineVitestConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["src/**/*.test.{ts,tsx}"],
          // Component tests drive React in jsdom with simulated typing and clicks: seconds each on
          // a busy two-core machine.
          testTimeout: 30_000,
          environment: "node",
          restoreMocks: true,
        },
      },
      {
        optimizeDeps: {
          include: [
            "react",
            "react-dom",
            "react-dom/client",
            "d3-scale",
            "d3-shape",
            "d3-contour",
            "d3-scale-chromatic",
            "d3-array",
            "d3-color",
            "d3-format",
          ],
        },
        test: {
          name: "bench",
          include: ["bench/**/*.bench.tsx", "bench/**/*.bench.ts"],
          testTimeout: 120_000,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: { executablePath: findChromium(), args: [...CHROMIUM_ARGS] },
            }),
            instances: [{ browser: "chromium" }],
            screenshotFailures: false,
          },
        },
      },
    ],
  },
});
