import { CHROMIUM_ARGS, findChromium } from "@neuronlab/config/chromium";
import { defineVitestConfig } from "@neuronlab/config/vitest";
import { playwright } from "@vitest/browser-playwright";

const BROWSER_TESTS = "src/**/*.browser.test.ts";

/**
 * Two projects in one run: most of the engine is plain maths and runs in Node; what needs a real
 * browser (WebGPU, WebGL, wasm loaded by URL, Web Workers) runs in headless Chromium.
 * The projects do not `extends: true` the shared config: Vite's merge would append their `include`
 * to the shared one, and the browser project would pick up every Node test too. The shared
 * reporters and JSON report are run-wide settings, so they still cover both projects.
 */
export default defineVitestConfig({
  test: {
    projects: [
      {
        test: {
          name: "node",
          include: ["src/**/*.test.ts"],
          // Training tests run thousands of steps; on a busy two-core CI machine that can take
          // several seconds.
          testTimeout: 60_000,
          exclude: [BROWSER_TESTS],
          environment: "node",
          restoreMocks: true,
        },
      },
      {
        // Dependencies the browser tests import lazily (the backends) are pre-bundled up front:
        // found mid-run, Vite would re-optimise and reload the page under a running test.
        optimizeDeps: {
          include: [
            "@tensorflow/tfjs-core",
            "@tensorflow/tfjs-backend-cpu",
            "@tensorflow/tfjs-backend-webgl",
            "@tensorflow/tfjs-backend-webgpu",
            "@tensorflow/tfjs-backend-wasm",
            "comlink",
            "zod",
          ],
        },
        test: {
          name: "browser",
          include: [BROWSER_TESTS],
          // The first WebGPU test compiles shaders on SwiftShader (the CPU): seconds, more on a
          // busy machine.
          testTimeout: 60_000,
          restoreMocks: true,
          browser: {
            enabled: true,
            headless: true,
            // The system Chromium, with the flags that give it a WebGPU adapter without a GPU.
            provider: playwright({
              launchOptions: { executablePath: findChromium(), args: [...CHROMIUM_ARGS] },
            }),
            instances: [{ browser: "chromium" }],
            // A failed numeric test gains nothing from a picture of an empty page.
            screenshotFailures: false,
          },
        },
      },
    ],
  },
});
