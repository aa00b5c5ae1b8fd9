import { defineConfig, mergeConfig, type ViteUserConfig } from "vitest/config";

/**
 * Vitest settings every workspace shares: unit tests beside the source, a console summary and a
 * JSON report (reports/vitest.json) that CI sums up. A package passes only what differs.
 */
export function defineVitestConfig(overrides: ViteUserConfig = {}): ViteUserConfig {
  const base = defineConfig({
    test: {
      include: ["src/**/*.test.{ts,tsx}", "app/**/*.test.{ts,tsx}", "scripts/**/*.test.ts"],
      environment: "node",
      reporters: ["default", "json"],
      outputFile: { json: "reports/vitest.json" },
      restoreMocks: true,
    },
  });
  return mergeConfig(base, overrides);
}
