import { defineVitestConfig } from "@neuronlab/config/vitest";

/**
 * Lessons, exercises and grading run in Node; widget components say
 * `// @vitest-environment jsdom` at the top of their test file.
 */
export default defineVitestConfig({
  test: {
    // Compiling every lesson with esbuild and driving widgets in jsdom take seconds each on a busy
    // two-core machine.
    testTimeout: 60_000,
    restoreMocks: true,
    setupFiles: ["./vitest.setup.ts"],
  },
});
