/**
 * The benchmark's page script, bundled by `browser.ts`. It exposes `neuronlabBench.run` for
 * Playwright to call; progress goes to the console, results come back as the call's JSON value.
 */
import wasmUrl from "@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url";
import wasmSimdUrl from "@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url";
import wasmThreadedSimdUrl from "@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url";
import { candidateBackends, type BackendOptions } from "../../src/backends.ts";
import type { SectionName, SectionOutput } from "./harness.ts";
import { runSections, wasmFlavour } from "./sections.ts";

export interface BrowserBenchResult {
  /** What ran: browser, WebGPU adapter, WebGL renderer, wasm build. */
  env: string[];
  output: SectionOutput;
}

export interface BrowserBench {
  run: (sections: SectionName[]) => Promise<BrowserBenchResult>;
}

// In a browser the wasm binaries are fetched by URL; the bundle carries each file as an asset.
const wasmPaths: NonNullable<BackendOptions["wasmPaths"]> = {
  "tfjs-backend-wasm.wasm": wasmUrl,
  "tfjs-backend-wasm-simd.wasm": wasmSimdUrl,
  "tfjs-backend-wasm-threaded-simd.wasm": wasmThreadedSimdUrl,
};

/** Says what WebGPU runs on: on a machine without a GPU that is SwiftShader, i.e. the CPU. */
async function webGpuInfo(): Promise<string> {
  if (!("gpu" in navigator)) return "WebGPU: navigator.gpu missing";
  const adapter = await navigator.gpu.requestAdapter();
  if (!adapter) return "WebGPU: no adapter";
  const { vendor, architecture, device, description } = adapter.info;
  return `WebGPU adapter: vendor=${vendor || "?"}, architecture=${architecture || "?"}, device=${device || "?"}, description=${description || "?"}`;
}

function webGlInfo(): string {
  const gl = document.createElement("canvas").getContext("webgl2");
  if (!gl) return "WebGL2: no context";
  const debug = gl.getExtension("WEBGL_debug_renderer_info");
  const renderer: unknown = gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER);
  return `WebGL2 renderer: ${String(renderer)}`;
}

async function run(sections: SectionName[]): Promise<BrowserBenchResult> {
  const backendOptions: BackendOptions = { wasmPaths };
  const env = [
    navigator.userAgent,
    `navigator.hardwareConcurrency: ${navigator.hardwareConcurrency}, crossOriginIsolated: ${String(crossOriginIsolated)}`,
    await webGpuInfo(),
    webGlInfo(),
    await wasmFlavour(backendOptions),
  ];
  const output = await runSections(
    {
      runtime: "Chromium",
      backends: candidateBackends(backendOptions),
      backendOptions,
      log: (line) => {
        console.info(line);
      },
    },
    sections,
  );
  return { env, output };
}

(globalThis as { neuronlabBench?: BrowserBench }).neuronlabBench = { run };
